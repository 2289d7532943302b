/**
 * Import benchmark: the whole open-campus corpus into a new SQLite file, records/s and peak memory, next to the
 * floor of the same stack (each line parsed and inserted as raw JSON in one transaction: no validation, no links).
 * Run: npm run bench (or: npx tsx bench/import.ts [corpus-dir]).
 */
import { createReadStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { importCorpus } from "../src/app/import-corpus.js";
import { openCorpusSource } from "../src/ingest/corpus-source.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { reportStep, runStep, table } from "./child.js";

const { values, positionals } = parseArgs({ options: { step: { type: "string" } }, allowPositionals: true });
const corpus = resolve(
  positionals[0] ?? join(import.meta.dirname, "..", "..", "shared", "data", "open-campus"),
);

if (values.step === "ours") {
  const db = positionals[1] ?? "";
  const store = SqliteStore.open(db);
  const report = await importCorpus(store, corpus);
  await store.close();
  reportStep({ seconds: report.seconds, count: report.inserted + report.updated + report.unchanged });
} else if (values.step === "floor") {
  const started = performance.now();
  const db = new Database(positionals[1] ?? "");
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE raw (type TEXT, id TEXT, data TEXT, UNIQUE (type, id))");
  const insert = db.prepare("INSERT OR REPLACE INTO raw VALUES (?, ?, ?)");
  let count = 0;
  db.exec("BEGIN");
  for (const file of (await openCorpusSource(corpus)).files) {
    for await (const line of createInterface({ input: createReadStream(file.path) })) {
      const record = JSON.parse(line) as { type: string; id: string };
      insert.run(record.type, record.id, line);
      count += 1;
    }
  }
  db.exec("COMMIT");
  db.close();
  reportStep({ seconds: (performance.now() - started) / 1000, count });
} else {
  if (!existsSync(join(corpus, "manifest.json"))) {
    console.log(`bench/import: no corpus at ${corpus}; skipped`);
    process.exit(0);
  }
  const folder = mkdtempSync(join(tmpdir(), "campus-graph-bench-"));
  try {
    const rows = [
      [`import of ${corpus.split("/").at(-1)}`, "records", "seconds", "records/s", "peak RSS MB"],
    ];
    for (const [label, step] of [
      ["campus-graph import (validated, links, hashes)", "ours"],
      ["floor: JSON.parse + raw insert (better-sqlite3)", "floor"],
    ] as const) {
      const result = runStep(import.meta.filename, step, [corpus, join(folder, `${step}.db`)]);
      rows.push([
        label,
        result.count.toLocaleString("en-US"),
        result.seconds.toFixed(2),
        Math.round(result.count / result.seconds).toLocaleString("en-US"),
        result.peakRssMb.toFixed(0),
      ]);
    }
    console.log(table(rows));
    console.log("targets: whole corpus under 20 s, peak RSS under 500 MB");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
