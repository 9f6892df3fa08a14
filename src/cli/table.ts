/**
 * Aligned text tables: columns separated by two spaces, the first row is the header. Columns whose
 * cells are all numbers (or percentages, or `a → b` pairs of them) are right-aligned.
 */
const NUMERIC = /^[-+]?[\d,]+(\.\d+)?%?( → [-+]?[\d,]+(\.\d+)?%?)?$/;

export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const right = widths.map((_, i) => rows.length > 1 && rows.slice(1).every((row) => row[i] === undefined || row[i] === '' || NUMERIC.test(row[i]!)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** 1234567 → "1,234,567". */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** 0.4567 → "45.7%". */
export function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}
