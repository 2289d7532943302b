/**
 * A worker thread that holds the concept dictionary of one database and detects concepts in texts, so that a
 * server's event loop never spends the seconds the dictionary takes to build (see docs/DESIGN.md, "Serving").
 */
import type { Worker } from "node:worker_threads";
import { CampusGraphError, type ErrorCode, type ErrorDetails } from "../core/errors.js";
import { siblingModule, startWorker } from "../core/worker-thread.js";
import type { DetectOptions } from "../detect/detected-concept.js";
import type { DetectionOutput } from "./detect-text.js";

/** What a detection worker is started with. */
export interface DetectWorkerData {
  /** The database to read the dictionary from: a SQLite file path or a `postgres://` URL. */
  readonly location: string;
}

/** A request to a detection worker. */
export interface DetectWorkerRequest {
  readonly id: number;
  readonly text: string;
  readonly options: DetectOptions;
}

/** A message from a detection worker: ready once, then one answer per request (id undefined: loading failed). */
export type DetectWorkerReply =
  | { readonly kind: "ready" }
  | { readonly kind: "detected"; readonly id: number; readonly output: DetectionOutput }
  | {
      readonly kind: "failed";
      readonly id: number | undefined;
      readonly error: { readonly code: ErrorCode; readonly details: ErrorDetails };
    };

interface Pending {
  readonly resolve: (output: DetectionOutput) => void;
  readonly reject: (error: unknown) => void;
}

const ENTRY = siblingModule(import.meta.url, "detect-worker");

/** One detection worker thread; it starts loading its dictionary as soon as it is constructed. */
export class DetectionWorker {
  /** Resolves once the dictionary is loaded; rejects with the loading error (e.g. DATABASE_UNAVAILABLE). */
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: unknown;
  private closing = false;
  private loaded = false;

  constructor(location: string) {
    this.worker = startWorker(ENTRY, { workerData: { location } satisfies DetectWorkerData });
    // Idle, the worker must not keep a stopping process alive.
    this.worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.on("message", (reply: DetectWorkerReply) => {
        if (reply.kind === "ready") {
          this.loaded = true;
          return resolve();
        }
        if (reply.kind === "failed" && reply.id === undefined) return reject(this.fail(toError(reply.error)));
        this.settle(reply);
      });
      this.worker.on("error", (error) => reject(this.fail(error)));
      this.worker.on("exit", () =>
        reject(this.fail(new CampusGraphError("INTERNAL", { problem: "the detection worker stopped" }))),
      );
    });
    // A failure is reported to the requests that wait for it, not as an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  /** True once the dictionary is loaded. */
  isReady(): boolean {
    return this.loaded && this.failure === undefined;
  }

  /** Detects the concepts of `text` once the dictionary is loaded. */
  async detect(text: string, options: DetectOptions = {}): Promise<DetectionOutput> {
    await this.ready;
    if (this.failure !== undefined) throw this.failure;
    if (this.closing && this.pending.size === 0) {
      throw new CampusGraphError("INTERNAL", { problem: "the detection worker was closed" });
    }
    const id = this.nextId++;
    return new Promise<DetectionOutput>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, text, options } satisfies DetectWorkerRequest);
    });
  }

  /** Stops the thread once the requests it was given are answered. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.pending.size === 0) await this.worker.terminate();
  }

  private settle(reply: Exclude<DetectWorkerReply, { kind: "ready" }>): void {
    if (reply.id === undefined) return;
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) {
      this.worker.unref();
      if (this.closing) void this.worker.terminate();
    }
    if (reply.kind === "detected") waiting?.resolve(reply.output);
    else waiting?.reject(toError(reply.error));
  }

  private fail(error: unknown): unknown {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
    return this.failure;
  }
}

function toError(error: { readonly code: ErrorCode; readonly details: ErrorDetails }): CampusGraphError {
  return new CampusGraphError(error.code, error.details);
}
