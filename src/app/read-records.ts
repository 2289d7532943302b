/**
 * What pages and the API read about records, in one place: a record with its neighbour counts, a page of its
 * neighbours, the records that require it, its category trail, several records at once, the corpus's counts,
 * the curators' lists. The web and HTTP layers read the store through these, never by its methods.
 */
import type { Correction, Report } from "../core/correction.js";
import type { CorpusRecord } from "../core/record.js";
import type { NeighbourPage, RecordKey, Store } from "../store/store.js";

/** A record and how many neighbours of each type it has. */
export interface RecordWithCounts {
  readonly record: CorpusRecord;
  readonly counts: Readonly<Record<string, number>>;
}

/** The record of `key` with its neighbour counts, or undefined when there is no such record. */
export async function readRecordWithCounts(
  store: Store,
  key: RecordKey,
): Promise<RecordWithCounts | undefined> {
  const record = await store.getRecord(key);
  if (!record) return undefined;
  return { record, counts: await store.graph.neighbourCounts(key) };
}

/** The record of `key`, or undefined. */
export function readRecord(store: Store, key: RecordKey): Promise<CorpusRecord | undefined> {
  return store.getRecord({ type: key.type, id: key.id });
}

/** The records of `keys`, in order, read in parallel; undefined where there is none. */
export function readRecords(store: Store, keys: readonly RecordKey[]): Promise<(CorpusRecord | undefined)[]> {
  return Promise.all(keys.map((key) => readRecord(store, key)));
}

/** `limit` of the ranked neighbours of type `type` of `key`, from `offset`, with their total. */
export function readNeighbours(
  store: Store,
  key: RecordKey,
  type: string,
  limit: number,
  offset: number,
): Promise<NeighbourPage> {
  return store.graph.neighbours(key, type, limit, offset);
}

/** A neighbour with the year of its record (undefined when the record gives none). */
export type DatedNeighbour = NeighbourPage["items"][number] & { readonly year?: number };

/**
 * `limit` of the neighbours of type `type` of `key` from `offset`, newest first by their record's `year` attribute
 * (neighbours without a year last, in rank order), each with its year: the sort sees every neighbour, not a page.
 */
export async function readNeighboursByYear(
  store: Store,
  key: RecordKey,
  type: string,
  limit: number,
  offset: number,
): Promise<{ items: DatedNeighbour[]; total: number }> {
  const { total } = await store.graph.neighbours(key, type, 1, 0);
  const { items } = await store.graph.neighbours(key, type, total, 0);
  const records = await readRecords(
    store,
    items.map((n) => n.node),
  );
  const dated = items.map((n, i) => {
    const year = Number(records[i]?.attrs?.year);
    return Number.isFinite(year) ? { ...n, year } : n;
  });
  const yearOf = (n: DatedNeighbour) => n.year ?? Number.NEGATIVE_INFINITY;
  // Array.prototype.sort is stable: equal years keep their rank order.
  const sorted = dated.sort((a, b) => yearOf(b) - yearOf(a) || 0);
  return { items: sorted.slice(offset, offset + limit), total };
}

/** The records that name `key` as a prerequisite, by source. */
export async function readRequiredBy(store: Store, key: RecordKey): Promise<RecordKey[]> {
  return (await store.linksTo(key, "prerequisite")).map((link) => link.source);
}

/**
 * The categories from the root down to the record's category (for a category, to its parent), at most `depth`.
 * A concept's category is the one the graph holds (a curator may have moved it), else the corpus's.
 */
export async function readCategoryTrail(
  store: Store,
  record: CorpusRecord,
  depth: number,
): Promise<RecordKey[]> {
  const rel = record.type === "category" ? "parent" : "category";
  const path: RecordKey[] = [];
  const seen = new Set<string>([`${record.type}\u0000${record.id}`]);
  const placed =
    record.type === "concept"
      ? (await store.graph.neighbours({ type: record.type, id: record.id }, "category", 1, 0)).items[0]
      : undefined;
  let next: RecordKey | undefined =
    placed?.edge.kind === "category"
      ? { type: "category", id: placed.node.id }
      : record.links?.find((l) => l.rel === rel && l.type === "category");
  while (next && path.length < depth && !seen.has(`${next.type}\u0000${next.id}`)) {
    seen.add(`${next.type}\u0000${next.id}`);
    path.unshift({ type: next.type, id: next.id });
    const parent = await store.getRecord({ type: next.type, id: next.id });
    next = parent?.links?.find((l) => l.rel === "parent" && l.type === "category");
  }
  return path;
}

/** Records per type. */
export function readCounts(store: Store): Promise<Record<string, number>> {
  return store.countRecords();
}

/** The first record of `type` in key order, or undefined when there is none. */
export async function readFirstRecord(store: Store, type: string): Promise<CorpusRecord | undefined> {
  for await (const record of store.scanRecords(type)) return record;
  return undefined;
}

/** Every correction, withdrawn ones included, oldest first. */
export function readCorrections(store: Store): Promise<Correction[]> {
  return store.curation.listCorrections();
}

/** The newest `limit` readers' reports, newest first. */
export function readReports(store: Store, limit: number): Promise<Report[]> {
  return store.curation.listReports(limit);
}

/** The newest `limit` reports and every correction, for the curators' page. */
export async function readCurationLists(
  store: Store,
  limit: number,
): Promise<{ readonly reports: Report[]; readonly corrections: Correction[] }> {
  const [reports, corrections] = await Promise.all([readReports(store, limit), readCorrections(store)]);
  return { reports, corrections };
}
