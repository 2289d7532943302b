/**
 * `campus-graph import <corpus> [--db FILE] [--keep-going] [--report FILE]`: loads a corpus into the database.
 */
import { existsSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { databaseLocation, isServerUrl } from "../../app/config.js";
import { type ImportReport, importCorpus } from "../../app/import-corpus.js";
import { openStore } from "../../app/open-store.js";
import { readRefreshPending } from "../../app/pending-refresh.js";
import { refreshDerived } from "../../app/refresh-derived.js";
import type { RecordKey, Store } from "../../store/store.js";
import type { CliContext, Command } from "../cli-context.js";
import { parseCommandArgs } from "../cli-context.js";
import { lowerPriority } from "../lower-priority.js";
import { createProgress, formatCount } from "../progress.js";
import { runBuild } from "./build.js";

const PROBLEMS_SHOWN = 20;

export const importCommand: Command = {
  summary: "import a corpus (folder with manifest.json, or one .jsonl/.jsonl.gz file) into the database",
  usage: "import <corpus> [--db FILE] [--keep-going] [--report FILE]",
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { db: { type: "string" }, "keep-going": { type: "boolean" }, report: { type: "string" } },
      { min: 1, max: 1 },
    );
    const corpus = resolve(context.cwd, positionals[0] ?? "");
    lowerPriority(context.env);
    const db = databaseLocation(values.db, context.env, context.cwd);
    const report = await importWithCleanup(db, corpus, values["keep-going"] ?? false, context);
    printReport(report, context);
    const store = await openStore(db);
    try {
      // Also when nothing changed now: an earlier import may have been stopped before its refresh finished.
      if (report.changed.length > 0 || (await readRefreshPending(store)) !== undefined) {
        await refreshAfterImport(store, report.changed, context, db);
      }
    } finally {
      await store.close();
    }
    if (values.report) {
      await writeFile(resolve(context.cwd, values.report), `${JSON.stringify(report, null, 2)}\n`);
      context.stdout.write(`Full report written to ${values.report}\n`);
    }
    return 0;
  },
};

/** Imports into `db`; when the import fails and the database did not exist before, removes what it created. */
export async function importWithCleanup(
  db: string,
  corpus: string,
  keepGoing: boolean,
  context: CliContext,
): Promise<ImportReport> {
  const existed = isServerUrl(db) || existsSync(db);
  const store = await openStore(db, { create: true });
  let empty = false;
  const progress = createProgress("import", context.stderr, { unit: "records" });
  try {
    const report = await importCorpus(store, corpus, {
      keepGoing,
      onProgress: (p) => progress.update(p.bytesRead, p.totalBytes, p.records),
    });
    const total = report.inserted + report.updated + report.unchanged;
    progress.finish(
      `${formatCount(total)} records in ${report.seconds.toFixed(1)} s (${formatCount(total / report.seconds)}/s)`,
    );
    return report;
  } catch (error) {
    progress.finish("failed; nothing was kept");
    throw error;
  } finally {
    if (!existed) empty = Object.keys(await store.countRecords()).length === 0;
    await store.close();
    if (!existed && !isServerUrl(db) && empty) {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${db}${suffix}`, { force: true });
    }
  }
}

/** Brings the graph and search index up to date after an import, saying what it did. */
async function refreshAfterImport(
  store: Store,
  changed: readonly RecordKey[],
  context: CliContext,
  location: string,
): Promise<void> {
  const rebuild = async (stamp: string) => {
    context.stdout.write(
      changed.length > 0
        ? `${formatCount(changed.length)} records changed: rebuilding the graph\n`
        : "An earlier import's refresh did not finish: rebuilding the graph\n",
    );
    await runBuild(store, context, stamp, location);
  };
  const graph = await refreshDerived(store, changed, rebuild);
  if (graph.kind !== "updated") return;
  const update = graph.report;
  context.stdout.write(
    `Graph updated in ${update.seconds.toFixed(1)} s: ${formatCount(update.changed)} records changed, ` +
      `${formatCount(update.rewritten)} neighbourhoods rewritten\n`,
  );
}

function printReport(report: ImportReport, context: CliContext): void {
  const out = context.stdout;
  out.write(`Imported corpus "${report.corpus}" in ${report.seconds.toFixed(1)} s\n`);
  for (const [type, n] of Object.entries(report.recordsByType).sort()) {
    out.write(`  ${type.padEnd(14)} ${formatCount(n).padStart(9)}\n`);
  }
  out.write(
    `  ${formatCount(report.inserted)} inserted, ${formatCount(report.updated)} updated, ${formatCount(report.unchanged)} unchanged\n`,
  );
  if (report.danglingLinks > 0) {
    out.write(`  ${formatCount(report.danglingLinks)} links point to records that do not exist, e.g.:\n`);
    for (const link of report.danglingExamples.slice(0, 5)) {
      out.write(
        `    ${link.source.type} ${link.source.id} -${link.rel}-> ${link.target.type} ${link.target.id}\n`,
      );
    }
  } else {
    out.write("  every link points to an existing record\n");
  }
  if (report.problems.length > 0) {
    out.write(`  ${formatCount(report.problems.length)} problems skipped (--keep-going):\n`);
    for (const problem of report.problems.slice(0, PROBLEMS_SHOWN)) out.write(`    ${problem.message}\n`);
    if (report.problems.length > PROBLEMS_SHOWN) {
      out.write(
        `    … and ${formatCount(report.problems.length - PROBLEMS_SHOWN)} more (use --report FILE for all)\n`,
      );
    }
  }
}
