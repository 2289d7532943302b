/**
 * A memory trace for sizing the build: with `CAMPUS_GRAPH_MEMORY_TRACE` set to a file path, `traceMemory` appends
 * one line per call (seconds since the first, the thread, a label, RSS, this thread's V8 heap used and total, its
 * external and ArrayBuffer bytes, in MiB); unset, it does nothing. A diagnostic, read by hand (docs/DEPLOY.md).
 */
import { appendFileSync } from "node:fs";
import { writeHeapSnapshot } from "node:v8";
import { isMainThread, threadId } from "node:worker_threads";

const file = process.env.CAMPUS_GRAPH_MEMORY_TRACE ?? "";
const started = performance.now();
let lastAt = -Infinity;

/** Appends this thread's memory under `label` to the trace file; with `every` (ms), at most that often. */
export function traceMemory(label: string, every = 0): void {
  if (!isTracing()) return;
  const now = performance.now();
  if (now - lastAt < every) return;
  lastAt = now;
  const m = process.memoryUsage();
  const mib = (n: number) => Math.round(n / 1_048_576);
  const thread = isMainThread ? "main" : `w${threadId}`;
  appendFileSync(
    file,
    `${((now - started) / 1000).toFixed(1)} ${thread} ${label} rss=${mib(m.rss)} used=${mib(m.heapUsed)} ` +
      `total=${mib(m.heapTotal)} ext=${mib(m.external)} ab=${mib(m.arrayBuffers)}\n`,
  );
}

/** True when the trace is on (`CAMPUS_GRAPH_MEMORY_TRACE` set). */
export function isTracing(): boolean {
  return file !== "";
}

/**
 * With the trace on and `CAMPUS_GRAPH_HEAP_SNAPSHOT` equal to `label`, writes this thread's heap snapshot beside
 * the trace file (`<trace>.<label>.heapsnapshot`, for Chrome's DevTools; about the heap's size, and as long to write).
 */
export function snapshotAt(label: string): void {
  if (isTracing() && process.env.CAMPUS_GRAPH_HEAP_SNAPSHOT === label)
    writeHeapSnapshot(`${file}.${label}.heapsnapshot`);
}
