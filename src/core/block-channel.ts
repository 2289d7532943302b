/**
 * A worker thread that posts blocks of results to a thread which takes them synchronously (a build's lists are
 * written by a generator inside one SQLite transaction: it cannot await an event). The worker posts on a
 * `MessagePort` and counts its posts in shared memory; the taking thread reads the port with
 * `receiveMessageOnPort` and waits on that count with `Atomics.wait`. The worker stays at most `ahead` posts
 * before the taker; a third word, set by the worker's `exit` handler, says it is gone; and a worker that posts
 * nothing for the patience while the taker waits (one killed for its memory runs no handler) fails the taker.
 * A shared claim counter lets both threads split numbered work (see `claim`).
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from "node:worker_threads";
import { CampusGraphError } from "./errors.js";
import { startWorker } from "./worker-thread.js";

/** The shared words: posts made, posts taken, worker gone, next work item to claim. */
const POSTED = 0;
const TAKEN = 1;
const GONE = 2;
const CLAIMED = 3;

/** The worker's end of a channel, sent in its `workerData`. */
export interface BlockChannelEnd {
  readonly port: MessagePort;
  /** The shared words (see the constants above). */
  readonly signal: Int32Array;
  /** The most posts made and not yet taken. */
  readonly ahead: number;
}

/** What the worker posts: a value, or why it failed. */
type Post<T> = { readonly value: T } | { readonly failure: string };

/** How long a channel's taker waits on a silent worker. */
export interface BlockChannelOptions {
  /** The most posts the worker may make ahead of the taker (≥ 1). */
  readonly ahead: number;
  /** How long the taker waits while the worker posts nothing, once it has posted; default 60 s. */
  readonly patienceMs?: number;
  /** The same before its first post (it reads its inputs first); default 10 minutes. */
  readonly startupPatienceMs?: number;
}

/** The taking side: starts the worker and takes its posts, in the order posted. */
export class BlockChannel<T> {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  private readonly patienceMs: number;
  private readonly startupPatienceMs: number;
  private taken = 0;
  /** The post count last seen while waiting, and since when. */
  private seen = 0;
  private since = performance.now();
  /** What the worker threw outside its own `try` (an 'error' event unheard would end the process). */
  private error: Error | undefined;

  /**
   * Starts `entry` (see `siblingModule`) with the `workerData` that `request` makes of the channel's worker end;
   * `name` names the worker in errors.
   */
  constructor(
    private readonly name: string,
    entry: URL,
    request: (end: BlockChannelEnd) => object,
    options: BlockChannelOptions,
  ) {
    this.patienceMs = options.patienceMs ?? 60_000;
    this.startupPatienceMs = options.startupPatienceMs ?? 10 * 60_000;
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const end: BlockChannelEnd = { port: port2, signal: this.signal, ahead: options.ahead };
    this.worker = startWorker(entry, { workerData: request(end), transferList: [port2] });
    this.worker.on("error", (error) => {
      this.error = error;
    });
    // The taker waits synchronously; a worker left behind must not keep the process alive.
    this.worker.unref();
  }

  /** Posts taken so far. */
  get received(): number {
    return this.taken;
  }

  /** The next post if one is there (the worker's failure thrown), without waiting. */
  poll(): T | undefined {
    const received = receiveMessageOnPort(this.port);
    if (received === undefined) return undefined;
    const post = received.message as Post<T>;
    if ("failure" in post) throw this.failed(post.failure);
    this.taken += 1;
    Atomics.store(this.signal, TAKEN, this.taken);
    Atomics.notify(this.signal, TAKEN);
    return post.value;
  }

  /** The next post, waiting for the worker when it has none ready. */
  take(): T {
    for (;;) {
      const value = this.poll();
      if (value !== undefined) return value;
      this.wait();
    }
  }

  /** The next post, awaiting the worker when it has none ready: the thread's event loop runs meanwhile. */
  async next(): Promise<T> {
    for (;;) {
      const value = this.poll();
      if (value !== undefined) return value;
      const posted = this.checkAlive();
      if (posted === this.taken) await waitAsync(this.signal, POSTED, posted, 1_000);
    }
  }

  /**
   * Waits up to a second for a post not yet taken. Throws when the worker has ended with every post taken, or has
   * posted nothing for the patience.
   */
  wait(): void {
    const posted = this.checkAlive();
    if (posted === this.taken) Atomics.wait(this.signal, POSTED, posted, 1_000);
  }

  /** Claims the next of `count` work items (shared with the worker's `claim`); undefined once all are claimed. */
  claim(count: number): number | undefined {
    return claimFrom(this.signal, count);
  }

  /** Stops the worker (once every post is taken, at the end of its user, or when it failed). */
  async close(): Promise<void> {
    this.port.close();
    await this.worker.terminate();
  }

  /** The posts made; throws when every one is taken and the worker has ended or posted nothing for the patience. */
  private checkAlive(): number {
    const posted = Atomics.load(this.signal, POSTED);
    if (posted > this.taken) return posted;
    // Every post is taken: a worker gone will make no other.
    if (Atomics.load(this.signal, GONE) !== 0)
      throw this.failed(`ended${this.error ? `: ${this.error.message}` : ""}`);
    const now = performance.now();
    if (posted !== this.seen) {
      this.seen = posted;
      this.since = now;
    } else if (now - this.since > (posted > 0 ? this.patienceMs : this.startupPatienceMs)) {
      throw this.failed(`posted nothing in ${Math.round((now - this.since) / 1000)} s (killed?)`);
    }
    return posted;
  }

  private failed(problem: string): CampusGraphError {
    return new CampusGraphError("INTERNAL", { problem: `${this.name} worker: ${problem}` });
  }
}

/** The worker's side of a channel: posts, waits for room, claims work; the taker is told when the thread ends. */
export class BlockPoster<T> {
  private posted = 0;

  constructor(private readonly end: BlockChannelEnd) {
    // However the thread ends (done, thrown outside its `try`, process.exit), the taker is told, and does not wait
    // for a post that will never come.
    process.on("exit", () => {
      Atomics.store(end.signal, GONE, 1);
      Atomics.notify(end.signal, POSTED);
    });
  }

  /** Waits while `ahead` posts are not taken. */
  waitForRoom(): void {
    const { signal, ahead } = this.end;
    for (
      let taken = Atomics.load(signal, TAKEN);
      this.posted - taken >= ahead;
      taken = Atomics.load(signal, TAKEN)
    )
      Atomics.wait(signal, TAKEN, taken);
  }

  /** Posts `value`, transferring `transfer`. */
  post(value: T, transfer: ArrayBuffer[] = []): void {
    this.send({ value }, transfer);
  }

  /** Posts why the worker failed; the taker throws it. */
  fail(error: unknown): void {
    this.send({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }

  /** Claims the next of `count` work items (shared with the taker's `claim`); undefined once all are claimed. */
  claim(count: number): number | undefined {
    return claimFrom(this.end.signal, count);
  }

  private send(post: Post<T>, transfer: ArrayBuffer[] = []): void {
    this.end.port.postMessage(post, transfer);
    this.posted += 1;
    Atomics.store(this.end.signal, POSTED, this.posted);
    Atomics.notify(this.end.signal, POSTED);
  }
}

/**
 * Resolves once `signal[index]` is no longer `value`, or after `timeoutMs`. `Atomics.waitAsync` (not in the ES2023
 * typings) does not keep the event loop alive: the timer does, or a process whose only work is this wait would end.
 */
function waitAsync(signal: Int32Array, index: number, value: number, timeoutMs: number): Promise<void> {
  const { waitAsync } = Atomics as unknown as {
    waitAsync(a: Int32Array, i: number, v: number, t: number): { async: boolean; value: unknown };
  };
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    const result = waitAsync(signal, index, value, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    if (result.async) (result.value as Promise<unknown>).then(done);
    else done();
  });
}

function claimFrom(signal: Int32Array, count: number): number | undefined {
  if (Atomics.load(signal, CLAIMED) >= count) return undefined;
  const claimed = Atomics.add(signal, CLAIMED, 1);
  return claimed < count ? claimed : undefined;
}
