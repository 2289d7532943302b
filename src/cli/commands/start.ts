/**
 * `campus-graph start`: what `npm start` runs. Imports the default corpus when the database is missing or the
 * corpus changed since it was imported, then serves.
 */
import { resolve } from "node:path";
import { defaultCorpus, defaultDatabase } from "../../app/config.js";
import { corpusHashKey } from "../../app/import-corpus.js";
import { openStore } from "../../app/open-store.js";
import { hashCorpus, openCorpusSource } from "../../ingest/corpus-source.js";
import { type Command, parseCommandArgs } from "../cli-context.js";
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
    const address = serverAddress(values, context);
    const db = values.db ? resolve(context.cwd, values.db) : defaultDatabase(context.env, context.cwd);
    const corpus = values.corpus
      ? resolve(context.cwd, values.corpus)
      : defaultCorpus(context.env, context.cwd);
    const source = await openCorpusSource(corpus);
    const hash = await hashCorpus({ ...source, files: source.files.filter((f) => f.bytes !== undefined) });
    const store = await openStore(db, { create: true });
    const imported = await store.getMeta(corpusHashKey(source.name));
    if (imported === hash) {
      context.stdout.write(`Corpus "${source.name}" is up to date in ${db}\n`);
    } else {
      await store.close();
      context.stdout.write(`Importing corpus "${source.name}" from ${corpus} into ${db}\n`);
      await importWithCleanup(db, corpus, false, context);
      return serveUntilStopped(await openStore(db), address, context);
    }
    return serveUntilStopped(store, address, context);
  },
};
