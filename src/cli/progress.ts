/**
 * A progress bar on stderr, for work that takes more than about a second: it stays hidden for
 * the first second (quick commands print nothing extra) and never appears when stderr is not a
 * terminal (pipes, files, tests), so machine output stays clean.
 */
const SHOW_AFTER_MS = 1_000;
const WIDTH = 30;

export interface Progress {
  /** `done` of `total` units finished; `label` says what is being worked on. */
  update(done: number, total: number, label?: string): void;
  /** Clears the bar. */
  finish(): void;
}

/** The terminal's width; 80 when it does not say (a pseudo-terminal without a size reports 0). */
function width(stream: NodeJS.WriteStream): number {
  return stream.columns > 10 ? stream.columns : 80;
}

export function startProgress(title: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let shown = false;
  if (!stream.isTTY) return { update() {}, finish() {} };
  return {
    update(done, total, label = '') {
      if (!shown && Date.now() - started < SHOW_AFTER_MS) return;
      shown = true;
      const ratio = total <= 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(ratio * WIDTH);
      const columns = width(stream);
      const line = `${title} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} ${label}`;
      stream.write(`\r${line.slice(0, columns - 1).padEnd(columns - 1)}`);
    },
    finish() {
      if (shown) stream.write(`\r${' '.repeat(width(stream) - 1)}\r`);
      shown = false;
    },
  };
}
