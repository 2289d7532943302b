/**
 * `campus-graph start`: what `npm start` runs. Imports the default corpus when the database is missing or the
 * corpus changed since it was imported, builds the graph when it was not built from this corpus, then serves.
 */
import { resolve } from "node:path";
import { GRAPH_STAMP_KEY } from "../../app/build-graph.js";
import { databaseLocation, defaultCorpus, displayLocation, readReplicas } from "../../app/config.js";
import { corpusHashKey } from "../../app/import-corpus.js";
import { openStore } from "../../app/open-store.js";
import { hashCorpus, openCorpusSource } from "../../ingest/corpus-source.js";
import { type Command, parseCommandArgs } from "../cli-context.js";
import { runBuild } from "./build.js";
import { importWithCleanup } from "./import.js";
import { SERVER_OPTIONS, serverAddress, serveUntilStopped } from "./serve.js";

export const startCommand: Command = {
  summary: "import the default corpus if it changed, then serve (what npm start runs)",
  usage: "start [--corpus DIR] [--db FILE] [--port N] [--host H]",
  async run(args, context) {
    const { values } = parseCommandArgs(
      args,
      { ...SERVER_OPTIONS, corpus: { type: "string" } },
      { min: 0, max: 0 },
    );
    const db = databaseLocation(values.db, context.env, context.cwd);
    const address = { ...serverAddress(values, context), database: db };
    const corpus = values.corpus
      ? resolve(context.cwd, values.corpus)
      : defaultCorpus(context.env, context.cwd);
    const source = await openCorpusSource(corpus);
    const hash = await hashCorpus({ ...source, files: source.files.filter((f) => f.bytes !== undefined) });
    let store = await openStore(db, { create: true });
    if ((await store.getMeta(corpusHashKey(source.name))) === hash) {
      context.stdout.write(`Corpus "${source.name}" is up to date in ${displayLocation(db)}\n`);
    } else {
      await store.close();
      context.stdout.write(`Importing corpus "${source.name}" from ${corpus} into ${displayLocation(db)}\n`);
      await importWithCleanup(db, corpus, false, context);
      store = await openStore(db);
    }
    if ((await store.getMeta(GRAPH_STAMP_KEY)) !== hash) {
      context.stdout.write("Building the graph\n");
      await runBuild(store, context, hash, db);
    }
    // Imports and builds read the primary (a replica may lag); serving reads the replicas, if any, and derives
    // its in-memory search tables off the event loop.
    await store.close();
    return serveUntilStopped(
      await openStore(db, { readReplicas: readReplicas(context.env), refreshInBackground: true }),
      address,
      context,
    );
  },
};
