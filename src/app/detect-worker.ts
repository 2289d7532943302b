/**
 * The entry of a detection worker thread (see `DetectionWorker`): opens the database named in its `workerData`,
 * builds the concept dictionary once, says it is ready, then answers detection requests. Building the dictionary
 * takes seconds of CPU; here it never holds up the server's event loop.
 */
import { parentPort, workerData } from "node:worker_threads";
import { isCampusGraphError } from "../core/errors.js";
import { detectText } from "./detect-text.js";
import type { DetectWorkerData, DetectWorkerReply, DetectWorkerRequest } from "./detection-worker.js";
import { loadConceptDictionary } from "./load-concept-dictionary.js";
import { openStore } from "./open-store.js";

const port = parentPort;
if (port === null) throw new Error("detect-worker.ts runs as a worker thread, started by DetectionWorker");
const post = (reply: DetectWorkerReply): void => port.postMessage(reply);

/** The error as plain data: a catalogued error keeps its code and details across the thread boundary. */
function toFailure(error: unknown): Extract<DetectWorkerReply, { kind: "failed" }>["error"] {
  if (isCampusGraphError(error)) return { code: error.code, details: error.details };
  return { code: "INTERNAL", details: { problem: error instanceof Error ? error.message : String(error) } };
}

try {
  const { location } = workerData as DetectWorkerData;
  const store = await openStore(location);
  // The store stays open for the life of the thread: closing a SQLite store checkpoints, which would wait on an
  // import writing meanwhile.
  const dictionary = await loadConceptDictionary(store);
  port.on("message", (request: DetectWorkerRequest) => {
    try {
      post({
        kind: "detected",
        id: request.id,
        output: detectText(dictionary, request.text, request.options),
      });
    } catch (error) {
      post({ kind: "failed", id: request.id, error: toFailure(error) });
    }
  });
  post({ kind: "ready" });
} catch (error) {
  post({ kind: "failed", id: undefined, error: toFailure(error) });
}
