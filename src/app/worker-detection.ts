/**
 * Detection for a server: a worker thread holds the dictionary (`DetectionWorker`); when an import changed the
 * data, a second worker loads the new dictionary while the first keeps answering, then takes its place.
 */
import type { DetectOptions } from "../detect/detected-concept.js";
import type { Store } from "../store/store.js";
import { DATA_VERSION_KEY } from "./data-version.js";
import type { DetectionOutput, TextDetection } from "./detect-text.js";
import { DetectionWorker } from "./detection-worker.js";

/** Options of `workerDetection`. */
export interface WorkerDetectionOptions {
  /** Read the data version at most this often, in ms (on a request); default 10,000. */
  readonly recheckMs?: number;
  /** The clock; default Date.now. */
  readonly now?: () => number;
}

/**
 * Detection over the database at `location` (whose data version is read through `store`), in worker threads.
 * The first worker starts loading at once: call this when the server starts.
 */
export function workerDetection(
  store: Store,
  location: string,
  options: WorkerDetectionOptions = {},
): TextDetection & { close(): Promise<void>; isReady(): boolean } {
  const recheckMs = options.recheckMs ?? 10_000;
  const now = options.now ?? Date.now;
  const versioned = (version: string | undefined) => ({ version, worker: new DetectionWorker(location) });
  let current = (async () => versioned(await store.getMeta(DATA_VERSION_KEY)))();
  let serving: DetectionWorker | undefined;
  void current.then((first) => (serving ??= first.worker));
  let replacing = false;
  let checked = now();

  const replaceIfChanged = async (): Promise<void> => {
    const [version, old] = await Promise.all([store.getMeta(DATA_VERSION_KEY), current]);
    if (version === old.version) return;
    const fresh = versioned(version);
    try {
      await fresh.worker.ready;
    } catch {
      // The old dictionary keeps answering; the next check tries again.
      await fresh.worker.close();
      return;
    }
    current = Promise.resolve(fresh);
    serving = fresh.worker;
    await old.worker.close();
  };

  return {
    async detect(text: string, detectOptions: DetectOptions = {}): Promise<DetectionOutput> {
      if (!replacing && now() - checked >= recheckMs) {
        checked = now();
        replacing = true;
        void replaceIfChanged().finally(() => {
          replacing = false;
        });
      }
      return (await current).worker.detect(text, detectOptions);
    },
    isReady: () => serving?.isReady() ?? false,
    async close() {
      replacing = true;
      await (await current).worker.close();
    },
  };
}
