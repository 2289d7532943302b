/**
 * Starts and stops the Node HTTP server around the application.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { ensureSearchIndex } from "../app/build-search-index.js";
import { workerDetection } from "../app/worker-detection.js";
import type { LlmConfig } from "../chat/llm-chat.js";
import type { Store } from "../store/store.js";
import { createHttpApp, keptResponses } from "./create-app.js";

/** Options of `startServer`. */
export interface ServerOptions {
  /** Port; 0 picks a free one. */
  readonly port: number;
  /** Interface to listen on; use 127.0.0.1 unless the server must be reachable from other machines. */
  readonly host: string;
  /** The chat's optional language model. */
  readonly llm?: LlmConfig | undefined;
  /** Origins whose pages may read the API's GET routes; default none. */
  readonly corsOrigins?: readonly string[];
  /**
   * Where `store` lives (file path or `postgres://` URL): given, /api/detect runs in worker threads that load the
   * dictionary from there, starting now; without it the dictionary is built on the event loop on first use.
   */
  readonly database?: string;
  /** The curators' token (see `curatorToken`); default none: no curation. */
  readonly curatorToken?: string | undefined;
}

/** A running server. */
export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `store` over HTTP and resolves once the server listens; the search index is checked once, first.
 * With `options.database`, the detection dictionary starts loading in a worker thread meanwhile.
 */
export async function startServer(store: Store, options: ServerOptions): Promise<RunningServer> {
  const detection = options.database === undefined ? undefined : workerDetection(store, options.database);
  await ensureSearchIndex(store);
  // Derives what the engine keeps in memory for autocomplete and full-text ranking now rather than on the first
  // keystroke or search.
  await store.search.completeNames("a", undefined, 1);
  await store.search.countTextMatches({
    groups: [["a"]],
    require: "all",
    weights: [1, 1, 1, 1, 1],
    limit: 1,
  });
  const responses = keptResponses(store);
  const app = createHttpApp(store, {
    llm: options.llm,
    corsOrigins: options.corsOrigins ?? [],
    detection,
    curatorToken: options.curatorToken,
    responses,
  });
  const application = getRequestListener(app.fetch, { hostname: options.host });
  // A response kept from before is written at once; the application answers the rest, and any request the cache
  // failed on (its error is the application's to report).
  const server = createServer((request, response) => {
    responses.answer(request, response).then(
      async (answered) => {
        if (!answered) await application(request, response);
      },
      () => application(request, response),
    );
  });
  return new Promise((resolve, reject) => {
    server.listen(options.port, options.host, () => {
      const info = server.address() as AddressInfo;
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: async () => {
          await new Promise<void>((done) => server.close(() => done()));
          await detection?.close();
        },
      });
    });
    server.once("error", reject);
  });
}
