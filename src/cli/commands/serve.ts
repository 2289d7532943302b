/**
 * `campus-graph serve [--db FILE] [--port N] [--host H]`: serves the API and web pages of an existing database.
 */
import {
  corsOrigins,
  curatorToken,
  databaseLocation,
  defaultHost,
  defaultPort,
  readReplicas,
} from "../../app/config.js";
import { openStore } from "../../app/open-store.js";
import { llmConfigFromEnv } from "../../chat/llm-chat.js";
import { type ServerOptions, startServer } from "../../server/start-server.js";
import type { Store } from "../../store/store.js";
import { type CliContext, type Command, parseCommandArgs, parseIntegerOption } from "../cli-context.js";

/** The options `serve` and `start` share. */
export const SERVER_OPTIONS = {
  db: { type: "string" },
  port: { type: "string" },
  host: { type: "string" },
} as const;

export const serveCommand: Command = {
  summary: "serve the API and web pages on http://127.0.0.1:3000 (or --port, $PORT, --host, $HOST)",
  usage: "serve [--db FILE] [--port N] [--host H]",
  async run(args, context) {
    const { values } = parseCommandArgs(args, SERVER_OPTIONS, { min: 0, max: 0 });
    const address = serverAddress(values, context);
    const db = databaseLocation(values.db, context.env, context.cwd);
    return serveUntilStopped(
      await openStore(db, { readReplicas: readReplicas(context.env), refreshInBackground: true }),
      { ...address, database: db },
      context,
    );
  },
};

/** The port and host from the options, else the environment; checked before any work starts. */
export function serverAddress(
  values: { port?: string | undefined; host?: string | undefined },
  context: CliContext,
): ServerOptions {
  return {
    port: values.port ? parseIntegerOption("port", values.port, 65_535) : defaultPort(context.env),
    host: values.host ?? defaultHost(context.env),
    llm: llmConfigFromEnv(context.env),
    corsOrigins: corsOrigins(context.env),
    curatorToken: curatorToken(context.env),
  };
}

/** Serves `store` until SIGINT or SIGTERM, then closes the server and the store. */
export async function serveUntilStopped(
  store: Store,
  address: ServerOptions,
  context: CliContext,
): Promise<number> {
  const server = await startServer(store, address);
  context.stdout.write(`Campus Graph is serving on ${server.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((done) => {
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
  await server.close();
  await store.close();
  return 0;
}
