/**
 * Worker threads that detect the concepts of blocks of records for the graph build, on the machine's other
 * cores. Each worker gets the build's dictionary when it starts: its tables (trie, surface forms, links, features)
 * are on shared memory and read there without a copy; only the concepts' ids, names and index are copied (a few MB).
 * Its profiles are those the build's own thread computes.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { CampusGraphError } from "../core/errors.js";
import type { CorpusRecord } from "../core/record.js";
import { siblingModule, startWorker } from "../core/worker-thread.js";
import type { ConceptDictionary } from "../detect/concept-dictionary.js";
import type { RecordProfile } from "./record-concepts.js";

/** A block of records to detect. */
export interface PoolRequest {
  readonly id: number;
  readonly records: readonly CorpusRecord[];
}

/** A block's profiles, in the order of its records, or why the worker failed. */
export type PoolReply =
  | { readonly id: number; readonly profiles: readonly RecordProfile[] }
  | { readonly id: number; readonly failure: string };

/** Blocks a worker may hold at once: one it works on, one waiting, so that it never idles between messages. */
const IN_FLIGHT = 2;

/** The most detection workers a build starts by default, whatever the cores. */
export const MAX_DEFAULT_WORKERS = 3;

/** The default number of detection workers: one per core beside the build's own, at most MAX_DEFAULT_WORKERS. */
export function defaultDetectionWorkers(): number {
  return Math.max(0, Math.min(availableParallelism() - 1, MAX_DEFAULT_WORKERS));
}

const ENTRY = siblingModule(import.meta.url, "detect-records-worker");

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<
    number,
    { resolve: (p: readonly RecordProfile[]) => void; reject: (e: unknown) => void }
  >;
  /** Why the worker stopped, once it has: a block sent then would never be answered. */
  stopped?: unknown;
}

/** A fixed set of detection workers sharing one dictionary. */
export class DetectionPool {
  private readonly slots: Slot[];
  private nextId = 0;

  /** Starts `count` workers (at least one), each reading `dictionary`'s shared tables. */
  constructor(dictionary: ConceptDictionary, count: number) {
    this.slots = Array.from({ length: Math.max(1, count) }, () => {
      const slot: Slot = { worker: startWorker(ENTRY, { workerData: dictionary }), pending: new Map() };
      slot.worker.on("message", (reply: PoolReply) => {
        const waiting = slot.pending.get(reply.id);
        slot.pending.delete(reply.id);
        if ("failure" in reply)
          waiting?.reject(
            new CampusGraphError("INTERNAL", { problem: `detection worker: ${reply.failure}` }),
          );
        else waiting?.resolve(reply.profiles);
      });
      const fail = (error: unknown) => {
        slot.stopped ??= error;
        for (const waiting of slot.pending.values()) waiting.reject(error);
        slot.pending.clear();
      };
      slot.worker.on("error", fail);
      slot.worker.on("exit", (code) =>
        fail(new CampusGraphError("INTERNAL", { problem: `detection worker exited with code ${code}` })),
      );
      return slot;
    });
  }

  /**
   * Sends `records` to the least busy worker and resolves with their profiles; undefined when every worker
   * already holds IN_FLIGHT blocks (the caller then detects them itself). Rejects once a worker has stopped.
   */
  tryDetect(records: readonly CorpusRecord[]): Promise<readonly RecordProfile[]> | undefined {
    const stopped = this.slots.find((slot) => slot.stopped !== undefined);
    if (stopped) return Promise.reject(stopped.stopped);
    let best: Slot | undefined;
    for (const slot of this.slots) if (!best || slot.pending.size < best.pending.size) best = slot;
    if (!best || best.pending.size >= IN_FLIGHT) return undefined;
    const id = this.nextId++;
    const slot = best;
    const answer = new Promise<readonly RecordProfile[]>((resolve, reject) =>
      slot.pending.set(id, { resolve, reject }),
    );
    slot.worker.postMessage({ id, records } satisfies PoolRequest);
    return answer;
  }

  /** Stops the workers: their dictionaries are freed with them. */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
