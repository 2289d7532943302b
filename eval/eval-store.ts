/**
 * The database an evaluation runs on: `--db FILE` (or a `postgres://` URL), else the default database when it holds concepts, else the
 * default corpus imported into a temporary file (removed on exit).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCorpus, defaultDatabase, isServerUrl } from "../src/app/config.js";
import { importCorpus } from "../src/app/import-corpus.js";
import { openStore } from "../src/app/open-store.js";
import type { Store } from "../src/store/store.js";

/** Opens the store to evaluate on; importing the default corpus when no database has concepts. */
export async function openEvalStore(db: string | undefined): Promise<Store> {
  return openStore(await evalDatabasePath(db));
}

/** The path of a database holding concepts: `db`, else the default database when it has them, else a new import. */
export async function evalDatabasePath(db: string | undefined): Promise<string> {
  const location = db ?? defaultDatabase();
  if (isServerUrl(location)) return location;
  if (existsSync(location)) {
    const store = await openStore(location);
    const concepts = (await store.countRecords()).concept ?? 0;
    await store.close();
    if (concepts > 0) return location;
  }
  const folder = mkdtempSync(join(tmpdir(), "campus-graph-eval-"));
  process.once("exit", () => rmSync(folder, { recursive: true, force: true }));
  const path = join(folder, "eval.db");
  const store = await openStore(path, { create: true });
  console.error(`eval: importing ${defaultCorpus()} into a temporary database`);
  await importCorpus(store, defaultCorpus());
  await store.close();
  return path;
}

/**
 * The keyword-free database `eval:neighbours` makes (every record's keywords withheld) and `eval:related` reads,
 * unless `--db` names another.
 */
export function keywordFreeDatabase(db: string | undefined): string {
  return db ?? join(tmpdir(), "campus-graph-eval-neighbours.db");
}

/** The evaluation sets' folder: `$CAMPUS_GRAPH_EVAL`, else ../shared/data/eval. */
export function evalFolder(): string {
  return process.env.CAMPUS_GRAPH_EVAL ?? join(process.cwd(), "..", "shared", "data", "eval");
}
