/**
 * Progress of long work: a redrawn bar with rate and ETA on a terminal, plain log lines elsewhere.
 */

/** Where progress is written: a stream, possibly a terminal. */
export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Options of `createProgress`. */
export interface ProgressOptions {
  /** What is counted, e.g. "records". */
  readonly unit: string;
  /** Minimum time between two plain log lines when not on a terminal, in ms; default 2,000. */
  readonly logEveryMs?: number;
}

/** A progress reporter: `update` as work advances (done and total in the same measure, e.g. bytes), `finish` once. */
export interface Progress {
  update(done: number, total: number, count: number): void;
  finish(message: string): void;
}

/** Creates a progress reporter for the task called `label`. */
export function createProgress(label: string, output: ProgressOutput, options: ProgressOptions): Progress {
  const started = Date.now();
  const logEveryMs = options.logEveryMs ?? 2_000;
  let lastDraw = started;
  return {
    update(done, total, count) {
      const now = Date.now();
      if (now - lastDraw < (output.isTTY ? 100 : logEveryMs)) return;
      lastDraw = now;
      const elapsed = Math.max((now - started) / 1000, 1e-3);
      const fraction = total > 0 ? Math.min(done / total, 1) : 0;
      const rate = Math.round(count / elapsed);
      const eta = fraction > 0 ? (elapsed * (1 - fraction)) / fraction : Number.NaN;
      // A stage of one step has no rate to tell, nor an ETA until it is done: only how long it has run.
      const numbers =
        total <= 1
          ? `running for ${formatSeconds(elapsed)}`
          : `${formatCount(count)} ${options.unit}, ${formatCount(rate)} ${options.unit}/s, ETA ${formatSeconds(eta)}`;
      if (output.isTTY) {
        const width = 24;
        const filled = Math.round(fraction * width);
        const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
        output.write(`\r\x1b[K${label} ${bar} ${Math.round(fraction * 100)}% ${numbers}`);
      } else {
        output.write(`${label}: ${Math.round(fraction * 100)}% (${numbers})\n`);
      }
    },
    finish(message) {
      output.write(`${output.isTTY ? "\r\x1b[K" : ""}${label}: ${message}\n`);
    },
  };
}

/** A count with thousands separators: 12,345. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, "0")}s`;
}
