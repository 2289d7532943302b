/**
 * `campus-graph build [--db FILE]`: detects concepts and computes every edge and neighbourhood of the database.
 */
import { buildGraph, GRAPH_STAMP_KEY } from "../../app/build-graph.js";
import { buildSearchIndex } from "../../app/build-search-index.js";
import { databaseLocation, detectionWorkers } from "../../app/config.js";
import { defaultDetectionWorkers } from "../../app/detection-pool.js";
import { traceMemory } from "../../app/memory-trace.js";
import { openStore } from "../../app/open-store.js";
import { type CliContext, type Command, parseCommandArgs } from "../cli-context.js";
import { lowerPriority } from "../lower-priority.js";
import { createProgress, formatCount, type Progress } from "../progress.js";

export const buildCommand: Command = {
  summary: "detect concepts and compute the graph's edges and neighbourhoods",
  usage: "build [--db FILE]",
  async run(args, context) {
    const { values } = parseCommandArgs(args, { db: { type: "string" } }, { min: 0, max: 0 });
    const db = databaseLocation(values.db, context.env, context.cwd);
    lowerPriority(context.env);
    const store = await openStore(db);
    try {
      // Keep the stamp of the corpus the graph was built from: `start` compares it with the default corpus.
      await runBuild(
        store,
        context,
        (await store.getMeta(GRAPH_STAMP_KEY)) ?? "built by campus-graph build",
        db,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};

/**
 * Builds the graph of `store` with one progress bar per stage, and prints the summary. With `location` (the store's,
 * as `openStore` takes it) and worker threads, the search index's documents are made by a worker reading it.
 */
export async function runBuild(
  store: Parameters<typeof buildGraph>[0],
  context: CliContext,
  stamp?: string,
  location?: string,
): Promise<void> {
  const bars = new Map<string, Progress>();
  let current: string | undefined;
  let stageStarted = performance.now();
  const finishStage = () => {
    if (current)
      bars.get(current)?.finish(`done in ${((performance.now() - stageStarted) / 1000).toFixed(1)} s`);
  };
  const workers = detectionWorkers(context.env);
  const report = await buildGraph(store, {
    ...(stamp === undefined ? {} : { stamp }),
    ...(workers === undefined ? {} : { detectWorkers: workers }),
    onProgress: (stage, done, total) => {
      if (current !== stage) {
        finishStage();
        current = stage;
        stageStarted = performance.now();
        bars.set(
          stage,
          createProgress(`build: ${stage}`, context.stderr, {
            unit: stage === "detection" || stage === "neighbourhoods" ? "records" : "steps",
          }),
        );
      }
      bars.get(stage)?.update(done, total, done);
      traceMemory(stage, stage === current && done !== 0 && done !== total ? 2_000 : 0);
    },
  });
  finishStage();
  // Search ranking uses each record's importance, which the build just recomputed.
  const threads = (workers ?? defaultDetectionWorkers()) > 0;
  const index = await buildSearchIndex(
    store,
    threads && location !== undefined ? { documentsFrom: location } : {},
  );
  context.stderr.write(
    `build: search index: ${formatCount(index.documents)} documents in ${index.seconds.toFixed(1)} s\n`,
  );
  context.stdout.write(
    `Built the graph in ${report.seconds.toFixed(1)} s: ${formatCount(report.entityConceptEdges)} record–concept edges, ` +
      `${formatCount(report.conceptRelations)} concept relations, ${formatCount(report.semanticEdges)} semantic edges, ` +
      `${formatCount(report.neighbourRows)} neighbour rows\n`,
  );
}
