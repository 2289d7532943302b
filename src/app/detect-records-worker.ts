/**
 * The entry of a build's detection worker thread (see `DetectionPool`): it receives the build's concept dictionary
 * once, as `workerData` (its tables on shared memory, the ids and names copied; never rebuilt from the database),
 * then answers blocks of records with each record's profile, as `recordProfile` on the build's own thread would.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ConceptDictionary } from "../detect/concept-dictionary.js";
import type { PoolReply, PoolRequest } from "./detection-pool.js";
import { recordProfile } from "./record-concepts.js";

const port = parentPort;
if (port === null)
  throw new Error("detect-records-worker.ts runs as a worker thread, started by DetectionPool");
const dictionary = workerData as ConceptDictionary;
port.on("message", (request: PoolRequest) => {
  try {
    port.postMessage({
      id: request.id,
      profiles: request.records.map((record) => recordProfile(record, dictionary)),
    } satisfies PoolReply);
  } catch (error) {
    port.postMessage({
      id: request.id,
      failure: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies PoolReply);
  }
});
