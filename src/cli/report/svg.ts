/**
 * Inline SVG bar charts for the HTML report: horizontal bars, one row per category, so long
 * labels (instance types, reasons) stay readable. No scripts, no external fonts or assets.
 */

/** Text safe inside HTML and SVG elements and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Colours of a chart's series, in order; reused past the last. */
const SERIES_COLOURS = ['#1f5f99', '#d08a1e', '#7b4fa0', '#2f8a57', '#b0466f', '#4a8f8f'];

/** The colour of the `i`-th series (from 0). */
export function seriesColour(i: number): string {
  return SERIES_COLOURS[i % SERIES_COLOURS.length]!;
}

export interface Series {
  readonly name: string;
  readonly color: string;
  /** one value per category */
  readonly values: readonly number[];
}

export interface BarChart {
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly Series[];
  /** the value of a full-width bar; default the largest value */
  readonly max?: number;
  readonly format: (value: number) => string;
  readonly width?: number;
  /** stack the series in one bar per category instead of one bar per series */
  readonly stacked?: boolean;
}

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';
const BAR = 14;
const GAP = 3;
const GROUP_GAP = 12;
// Average advance of a 12px sans-serif character, upper case included (labels are often upper case).
const LABEL_CHARS_PX = 8;
// The same for the 11px legend text, with room to spare (a legend item must not run into the next).
const LEGEND_CHARS_PX = 6.8;
const LEGEND_LINE = 16;

/** The smallest round number ≥ `largest` whose quarters are round too (gridlines at 0, ¼, ½, ¾, 1). */
function niceMax(largest: number): number {
  if (largest <= 0) return 1;
  const quarter = largest / 4;
  const magnitude = 10 ** Math.floor(Math.log10(quarter));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * magnitude).find((v) => v >= quarter)!;
  return step * 4;
}

/** A horizontal bar chart: grouped (one bar per series) or stacked, with a legend and value labels. */
export function barChart(chart: BarChart): string {
  const width = chart.width ?? 560;
  const labelWidth = Math.min(260, Math.max(60, ...chart.categories.map((c) => c.length * LABEL_CHARS_PX + 10)));
  // Room right of the bars for the value labels (stacked bars show every series' value).
  const longestValue = Math.max(...chart.categories.map((_, c) => (chart.stacked ? chart.series.map((s) => chart.format(s.values[c] ?? 0)).join(' / ') : chart.series.map((s) => chart.format(s.values[c] ?? 0)).reduce((a, b) => (a.length > b.length ? a : b), '')).length));
  const valueWidth = Math.max(50, longestValue * 7 + 12);
  const plot = width - labelWidth - valueWidth;
  const bars = chart.stacked ? 1 : chart.series.length;
  const groupHeight = bars * BAR + (bars - 1) * GAP;
  // The legend wraps onto as many lines as the chart's width needs.
  const legend: { x: number; line: number; series: Series }[] = [];
  let lx = 0;
  let line = 0;
  for (const series of chart.series) {
    const itemWidth = 24 + series.name.length * LEGEND_CHARS_PX;
    if (lx > 0 && lx + itemWidth > width) [lx, line] = [0, line + 1];
    legend.push({ x: lx, line, series });
    lx += itemWidth;
  }
  const top = 44 + line * LEGEND_LINE;
  const axis = top + chart.categories.length * (groupHeight + GROUP_GAP);
  const height = axis + 18;
  const totals = chart.categories.map((_, c) => chart.series.reduce((n, s) => n + (s.values[c] ?? 0), 0));
  const largest = chart.stacked ? Math.max(0, ...totals) : Math.max(0, ...chart.series.flatMap((s) => s.values));
  const max = chart.max ?? niceMax(largest);
  const scale = (v: number) => Math.max(0, Math.min(plot, (v / max) * plot));
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(chart.title)}">`);
  parts.push(`<title>${escapeXml(chart.title)}</title>`);
  parts.push(`<text x="0" y="16" ${FONT} font-size="14" font-weight="600" fill="#1b2733">${escapeXml(chart.title)}</text>`);
  for (const { x, line: l, series } of legend) {
    parts.push(`<rect x="${x}" y="${26 + l * LEGEND_LINE}" width="10" height="10" fill="${series.color}"/>`);
    parts.push(`<text x="${x + 14}" y="${35 + l * LEGEND_LINE}" ${FONT} font-size="11" fill="#39485a">${escapeXml(series.name)}</text>`);
  }
  // Gridlines at quarters of the scale, labelled below.
  for (let q = 0; q <= 4; q++) {
    const x = labelWidth + (plot * q) / 4;
    parts.push(`<line x1="${x.toFixed(1)}" y1="${top - 4}" x2="${x.toFixed(1)}" y2="${axis}" stroke="#e3e8ee" stroke-width="1"/>`);
    parts.push(`<text x="${x.toFixed(1)}" y="${axis + 13}" ${FONT} font-size="10" fill="#6b7a8c" text-anchor="middle">${escapeXml(chart.format((max * q) / 4))}</text>`);
  }
  chart.categories.forEach((category, c) => {
    const y0 = top + c * (groupHeight + GROUP_GAP);
    parts.push(`<text x="${labelWidth - 8}" y="${y0 + groupHeight / 2 + 4}" ${FONT} font-size="12" fill="#1b2733" text-anchor="end">${escapeXml(category)}</text>`);
    if (chart.stacked) {
      let x = labelWidth;
      for (const s of chart.series) {
        const w = scale(s.values[c] ?? 0);
        if (w > 0) parts.push(`<rect x="${x.toFixed(1)}" y="${y0}" width="${w.toFixed(1)}" height="${BAR}" fill="${s.color}"><title>${escapeXml(`${category}, ${s.name}: ${chart.format(s.values[c] ?? 0)}`)}</title></rect>`);
        x += w;
      }
      parts.push(`<text x="${(x + 6).toFixed(1)}" y="${y0 + BAR - 3}" ${FONT} font-size="11" fill="#39485a">${escapeXml(chart.series.map((s) => chart.format(s.values[c] ?? 0)).join(' / '))}</text>`);
    } else {
      chart.series.forEach((s, k) => {
        const y = y0 + k * (BAR + GAP);
        const v = s.values[c] ?? 0;
        const w = scale(v);
        parts.push(`<rect x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${s.color}"><title>${escapeXml(`${category}, ${s.name}: ${chart.format(v)}`)}</title></rect>`);
        parts.push(`<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + BAR - 3}" ${FONT} font-size="11" fill="#39485a">${escapeXml(chart.format(v))}</text>`);
      });
    }
  });
  parts.push('</svg>');
  return parts.join('');
}
