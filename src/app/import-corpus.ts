/**
 * The import use case: stream a corpus into a Store in one transaction, all or nothing by default,
 * or skipping and reporting bad lines with `keepGoing`.
 */

import { CampusGraphError, isCampusGraphError } from "../core/errors.js";
import type { CorpusRecord } from "../core/record.js";
import { readCorpusFile } from "../ingest/corpus-reader.js";
import { type CorpusFile, hashCorpus, openCorpusSource } from "../ingest/corpus-source.js";
import type { RecordKey, Store, StoredLink } from "../store/store.js";
import { markDataChanged } from "./data-version.js";
import { markRefreshPending, REFRESH_PENDING_KEY } from "./pending-refresh.js";

/** Options of `importCorpus`. */
export interface ImportOptions {
  /** Skip bad lines and unreadable files, list them in the report, and keep the rest; default false (all or nothing). */
  readonly keepGoing?: boolean;
  /** Records written per batch; default 1,000. */
  readonly batchSize?: number;
  /** Called after each batch with the progress so far. */
  readonly onProgress?: (progress: ImportProgress) => void;
}

/** Progress of a running import. */
export interface ImportProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly records: number;
}

/** One problem met by an import. */
export interface ImportProblem {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
}

/** What an import did. */
export interface ImportReport {
  readonly corpus: string;
  readonly corpusHash: string;
  /** Valid records read, per type. */
  readonly recordsByType: Readonly<Record<string, number>>;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Keys of the records inserted or updated. */
  readonly changed: readonly RecordKey[];
  /** Lines or files skipped (only with keepGoing; otherwise the import throws on the first). */
  readonly problems: readonly ImportProblem[];
  /** Links in the whole store whose target does not exist, after the import. */
  readonly danglingLinks: number;
  /** The first few of those links. */
  readonly danglingExamples: readonly StoredLink[];
  readonly seconds: number;
}

/** The metadata key under which the content hash of the corpus called `name` is kept. */
export function corpusHashKey(name: string): string {
  return `corpus.${name}.hash`;
}

/** Imports the corpus at `path` (folder with manifest.json, or one .jsonl/.jsonl.gz file) into `store`. */
export async function importCorpus(
  store: Store,
  path: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const started = performance.now();
  const keepGoing = options.keepGoing ?? false;
  const batchSize = options.batchSize ?? 1_000;
  const source = await openCorpusSource(path);
  const problems: ImportProblem[] = [];
  const present: CorpusFile[] = [];
  for (const file of source.files) {
    if (file.bytes !== undefined) {
      present.push(file);
      continue;
    }
    const error = new CampusGraphError("CORPUS_FILE_MISSING", { file: file.name });
    if (!keepGoing) throw error;
    problems.push(toProblem(error));
  }
  const corpusHash = await hashCorpus({ ...source, files: present });
  const totalBytes = present.reduce((sum, file) => sum + (file.bytes ?? 0), 0);
  const recordsByType: Record<string, number> = {};
  const totals = { inserted: 0, updated: 0, unchanged: 0 };
  const changed: RecordKey[] = [];
  let bytesRead = 0;
  let records = 0;

  const pendingBefore = await store.getMeta(REFRESH_PENDING_KEY);
  await store.transaction(async (writer) => {
    let batch: CorpusRecord[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const outcome = await writer.upsertRecords(batch);
      totals.inserted += outcome.inserted;
      totals.updated += outcome.updated;
      totals.unchanged += outcome.unchanged;
      changed.push(...outcome.changed);
      batch = [];
      options.onProgress?.({ bytesRead, totalBytes, records });
    };
    for (const file of present) {
      try {
        for await (const entry of readCorpusFile(file, { onBytes: (n) => (bytesRead += n) })) {
          if (entry.kind === "error") {
            if (!keepGoing) throw entry.error;
            problems.push(toProblem(entry.error));
            continue;
          }
          records += 1;
          recordsByType[entry.record.type] = (recordsByType[entry.record.type] ?? 0) + 1;
          batch.push(entry.record);
          if (batch.length >= batchSize) await flush();
        }
      } catch (error) {
        if (!keepGoing || !isCampusGraphError(error, "CORPUS_FILE_UNREADABLE")) throw error;
        problems.push(toProblem(error));
      }
    }
    await flush();
    await writer.setMeta(corpusHashKey(source.name), corpusHash);
    if (changed.length > 0) {
      await markDataChanged(writer);
      await markRefreshPending(writer, pendingBefore, changed);
    }
  });
  // Read after the commit: a server engine reads on other connections, which see committed rows only.
  const { danglingLinks } = await store.countLinks();
  const dangling = { count: danglingLinks, examples: await store.danglingLinks(10) };

  return {
    corpus: source.name,
    corpusHash,
    recordsByType,
    ...totals,
    changed,
    problems,
    danglingLinks: dangling.count,
    danglingExamples: dangling.examples,
    seconds: (performance.now() - started) / 1000,
  };
}

function toProblem(error: CampusGraphError): ImportProblem {
  const { file, line, field } = error.details;
  return {
    code: error.code,
    message: error.message,
    ...(typeof file === "string" ? { file } : {}),
    ...(typeof line === "number" ? { line } : {}),
    ...(typeof field === "string" ? { field } : {}),
  };
}
