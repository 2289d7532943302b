/**
 * Where things are by default: the database, the corpus, the server's address. Read from the environment,
 * with paths relative to the working directory.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { redactPassword } from "../store/postgres/connection.js";

/** The project's root folder (where package.json is), wherever the code runs from (src/ or dist/). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The demo corpus shipped with the project, used when no other corpus is found. */
export const DEMO_CORPUS = join(PROJECT_ROOT, "test", "fixtures", "demo-corpus");

/** The database a command uses: its `--db` option, else the default; file paths resolved against `cwd`. */
export function databaseLocation(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): string {
  if (option === undefined || option === "") return defaultDatabase(env, cwd);
  return isServerUrl(option) ? option : resolve(cwd, option);
}

/** Read replicas of a PostgreSQL primary: `$CAMPUS_GRAPH_DB_READ`, comma-separated URLs. */
export function readReplicas(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.CAMPUS_GRAPH_DB_READ ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter((url) => url !== "");
}

/**
 * Web origins whose pages may call the GET routes of the API from the browser (widgets on other sites):
 * `$CAMPUS_GRAPH_CORS_ORIGINS`, comma-separated (`https://www.example.edu`, or `*` for any); default none.
 */
export function corsOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.CAMPUS_GRAPH_CORS_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim().replace(/\/+$/, ""))
    .filter((origin) => origin !== "");
}

/**
 * The curators' shared secret: `$CAMPUS_GRAPH_CURATOR_TOKEN`, at least 16 characters; undefined (no curation,
 * every curator route answers 403) when unset, blank or shorter.
 */
export function curatorToken(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const token = env.CAMPUS_GRAPH_CURATOR_TOKEN?.trim() ?? "";
  return token.length >= 16 ? token : undefined;
}

/** The database location: `$CAMPUS_GRAPH_DB`, else `data/campus-graph.db`. */
export function defaultDatabase(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const fromEnv = env.CAMPUS_GRAPH_DB?.trim();
  if (fromEnv) return isServerUrl(fromEnv) ? fromEnv : resolve(cwd, fromEnv);
  return resolve(cwd, "data", "campus-graph.db");
}

/** The default corpus: `$CAMPUS_GRAPH_CORPUS`, else `../shared/data/open-campus` when it exists, else the demo corpus. */
export function defaultCorpus(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const fromEnv = env.CAMPUS_GRAPH_CORPUS?.trim();
  if (fromEnv) return resolve(cwd, fromEnv);
  const shared = resolve(cwd, "..", "shared", "data", "open-campus");
  return existsSync(join(shared, "manifest.json")) ? shared : DEMO_CORPUS;
}

/** The server's port: `$PORT`, else 3000. */
export function defaultPort(env: NodeJS.ProcessEnv = process.env): number {
  const port = Number(env.PORT ?? 3000);
  return Number.isInteger(port) && port >= 0 && port < 65536 ? port : 3000;
}

/** The server's host: `$HOST`, else loopback only. */
export function defaultHost(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOST?.trim() || "127.0.0.1";
}

/** A database location fit for messages and logs: a server URL loses its password. */
export function displayLocation(location: string): string {
  if (!isServerUrl(location)) return location;
  return redactPassword(location);
}

/** True when `location` names a database server rather than a file. */
export function isServerUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * The niceness that commands writing in bulk (import, build) take: `$CAMPUS_GRAPH_NICE`, else 10; 0 to 19 (0: no
 * change). A server on the same machine then gets the CPU first and keeps answering quickly.
 */
export function batchNiceness(env: NodeJS.ProcessEnv = process.env): number {
  const nice = Number(env.CAMPUS_GRAPH_NICE?.trim() || 10);
  return Number.isInteger(nice) && nice >= 0 && nice <= 19 ? nice : 10;
}

/**
 * The detection workers a build starts (`$CAMPUS_GRAPH_DETECT_WORKERS`, a whole number, 0 for none); undefined
 * when unset or not a whole number, for the build's default (one per other core, at most 3).
 */
export function detectionWorkers(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const text = env.CAMPUS_GRAPH_DETECT_WORKERS?.trim() ?? "";
  const count = Number(text);
  return text !== "" && Number.isInteger(count) && count >= 0 ? count : undefined;
}
