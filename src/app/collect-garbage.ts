/**
 * A full garbage collection between the stages of a batch job. V8 lets the garbage of a finished stage grow to
 * about the size of the live data before it collects, so a stage that drops a large structure and builds
 * another can peak at twice what it holds: the graph build held ~520 MB when writing started and peaked at
 * 1.2-1.8 GB depending on when V8 chose to collect. Collecting once where a stage ends is ~0.2 s and makes the
 * peak the live data plus one stage's garbage. Node gives no `gc` without `--expose-gc`; the flag is turned on
 * here and `gc` read from a new context, as the `expose-gc` package does.
 */
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { isTracing, snapshotAt, traceMemory } from "./memory-trace.js";

let collect: (() => void) | undefined;

/** Runs a full garbage collection. */
export function collectGarbage(): void {
  if (collect === undefined) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed !== undefined) collect = exposed;
    else {
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as () => void;
    }
  }
  traceMemory("gc-before");
  collect();
  traceMemory("gc-after");
}

/**
 * A function that runs `collectGarbage` when the heap has grown by more than `growth` bytes since the last
 * collection it ran (or since it was first called), and otherwise only reads the heap's size: for a stage whose
 * thread allocates slowly, where V8 lets garbage grow to several times the live data before it collects.
 */
export function collectGarbageAbove(growth: number): () => void {
  let base: number | undefined;
  return () => {
    const used = getHeapStatistics().used_heap_size;
    if (base === undefined) base = used;
    if (used - base <= growth) return;
    collectGarbage();
    base = getHeapStatistics().used_heap_size;
  };
}

/**
 * With the memory trace on (`memory-trace.ts`), collects garbage and traces the live data at `label` (what a stage
 * holds), and writes a heap snapshot there when asked; otherwise does nothing.
 */
export function traceLive(label: string): void {
  if (!isTracing()) return;
  collectGarbage();
  traceMemory(`live:${label}`);
  snapshotAt(label);
}
