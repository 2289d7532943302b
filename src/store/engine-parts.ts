/**
 * What the engines share besides the port: the shape of a schema migration, how neighbour rows are ranked and
 * encoded for storage, how stored rows (neighbours, links, hits, completions) read back into the port's form,
 * and the bounds of autocomplete.
 */
import { CampusGraphError } from "../core/errors.js";
import type { NameCompletion, NeighbourRow, RecordKey, SearchHit, StoredLink } from "./store.js";

/** One schema step. Versions are consecutive from 1 and never edited once released. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The steps that bring a database at schema version `current` up to date, in order: what both engines run, each
 * under its own lock and one transaction per step. A database newer than this program is an error, and so is a
 * list whose versions are not 1, 2, 3, … (a step renumbered by mistake would otherwise be skipped or rerun).
 */
export function pendingMigrations(
  migrations: readonly Migration[],
  current: number,
  location: string,
): readonly Migration[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new CampusGraphError("INTERNAL", {
        problem: `migration ${m.name} has version ${m.version}, not ${i + 1}`,
      });
  });
  const known = migrations.length;
  if (current > known) throw new CampusGraphError("DATABASE_TOO_NEW", { location, found: current, known });
  return migrations.slice(current);
}

/** A neighbour row as both engines read it back. */
export interface StoredNeighbourRow {
  source_pk: number;
  rank: number;
  source_type: string;
  source_id: string;
  target_type: string;
  target_id: string;
  score: number;
  kind: string;
  evidence: string | Record<string, unknown>;
}

/** The port's form of a stored neighbour row (evidence parsed when the driver left it as text). */
export function toNeighbourRow(r: StoredNeighbourRow): NeighbourRow {
  return {
    source: { type: r.source_type, id: r.source_id },
    target: { type: r.target_type, id: r.target_id },
    score: r.score,
    kind: r.kind,
    evidence:
      typeof r.evidence === "string" ? (JSON.parse(r.evidence) as Record<string, unknown>) : r.evidence,
  };
}

// Small: a cached string outlives young-generation collections and is promoted, and 50,000 of them made the
// write of a full build leave ~300 MB of old-generation garbage that V8 collected late, if at all, before the end.
const EVIDENCE_CACHE = 1_000;

/** A neighbour row as both engines store it: source pk, target type, rank, target pk, score, kind, evidence JSON. */
export type EncodedNeighbourRow = [number, string, number, number, number, string, string];

/**
 * The rows to store, ranked in the order given within each (source, target type) list, with record keys resolved
 * by `pk` and evidence encoded once per object. A row whose source is not `allowed` (when given) is an error.
 */
export function* encodeNeighbourRows(
  rows: Iterable<NeighbourRow>,
  pk: (key: RecordKey) => number,
  allowed: ReadonlySet<number> | undefined,
): Generator<EncodedNeighbourRow> {
  const ranks = new ListRanks();
  // Both directions of an edge share one evidence object: remember its JSON for the next few rows only, since
  // a cache over the whole write would keep a string per edge alive until the end (hundreds of MB).
  let json = new Map<object, string>();
  for (const row of rows) {
    const source = pk(row.source);
    if (allowed && !allowed.has(source)) {
      throw new CampusGraphError("INTERNAL", {
        problem: `neighbour row of ${row.source.type} ${row.source.id} outside the sources replaced`,
      });
    }
    const rank = ranks.next(source, row.target.type);
    let evidence = json.get(row.evidence);
    if (evidence === undefined) {
      evidence = JSON.stringify(row.evidence);
      if (json.size >= EVIDENCE_CACHE) json = new Map();
      json.set(row.evidence, evidence);
    }
    yield [source, row.target.type, rank, pk(row.target), row.score, row.kind, evidence];
  }
}

/**
 * The next rank of each (source pk, target type) list, in one dense array per target type indexed by pk: 4 bytes
 * a record and type, where a map entry per list took ~40 and grew through a full build's write (millions of lists
 * at 600,000 records). Pks beyond DENSE_PKS (sparse after many deletions) fall back to a map.
 */
class ListRanks {
  private readonly dense = new Map<string, Int32Array>();
  private readonly sparse = new Map<string, Map<number, number>>();

  /** The rank of the next row of `source`'s list of `type`, counted. */
  next(source: number, type: string): number {
    if (source < 0 || source >= DENSE_PKS) {
      let ofType = this.sparse.get(type);
      if (ofType === undefined) {
        ofType = new Map();
        this.sparse.set(type, ofType);
      }
      const rank = ofType.get(source) ?? 0;
      ofType.set(source, rank + 1);
      return rank;
    }
    let ofType = this.dense.get(type) ?? new Int32Array(1024);
    if (source >= ofType.length) {
      const grown = new Int32Array(Math.min(DENSE_PKS, Math.max(ofType.length * 2, source + 1)));
      grown.set(ofType);
      ofType = grown;
    }
    this.dense.set(type, ofType);
    const rank = ofType[source] ?? 0;
    ofType[source] = rank + 1;
    return rank;
  }
}

const DENSE_PKS = 1 << 26;

/** A link row as both engines read it (the source's key joined in). */
export interface StoredLinkRow {
  source_type: string;
  source_id: string;
  rel: string;
  target_type: string;
  target_id: string;
}

/** The port's form of a stored link row. */
export function toStoredLink(row: StoredLinkRow): StoredLink {
  return {
    source: { type: row.source_type, id: row.source_id },
    rel: row.rel,
    target: { type: row.target_type, id: row.target_id },
  };
}

/** A search hit as both engines read it; name keys come joined by U+001F (SQLite) or as an array. */
export interface StoredHitRow {
  type: string;
  id: string;
  name: string;
  snippet: string;
  importance: number | null;
  relevance: number;
  name_keys: string | readonly string[] | null;
}

/** The port's form of a stored hit. */
export function toHit(row: StoredHitRow): SearchHit {
  const keys = row.name_keys;
  return {
    type: row.type,
    id: row.id,
    name: row.name,
    snippet: row.snippet,
    // One object shape for every hit: spreading an optional field in cost ~0.5 µs a row.
    importance: row.importance ?? undefined,
    relevance: row.relevance,
    nameKeys: keys === null ? [] : typeof keys === "string" ? keys.split("\u001f") : [...keys],
  };
}

// Above every character: `prefix <= key < prefix + TOP` is "key starts with prefix" by code point.
export const PREFIX_TOP = "\u{10FFFF}";
/** A prefix scan reads at most this many names before ranking; prefixes that broad rank on a sample. */
export const PREFIX_SCAN = 2_000;
/** Names completed from a later word are read in index order, this many per suggestion asked. */
export const WORD_SCAN_FACTOR = 20;

/** An autocomplete candidate as both engines read it (SQLite gives booleans as 0 and 1). */
export interface StoredCompletionRow {
  type: string;
  id: string;
  name: string;
  importance: number | null;
  alias: boolean | number;
  text: string;
  from_start: boolean | number;
}

/**
 * Completions from the start of names, then, when fewer than `limit`, those `laterWords` finds (records not
 * already completed), appended to `fromStart`, which is returned.
 */
export async function completeWithLaterWords(
  fromStart: NameCompletion[],
  limit: number,
  laterWords: () => Promise<readonly NameCompletion[]> | readonly NameCompletion[],
): Promise<NameCompletion[]> {
  if (fromStart.length >= limit) return fromStart;
  const seen = new Set(fromStart.map((r) => `${r.type}\u0000${r.id}`));
  for (const row of await laterWords()) if (!seen.has(`${row.type}\u0000${row.id}`)) fromStart.push(row);
  return fromStart;
}

/** A completion row in the port's form. */
export function toCompletion(r: StoredCompletionRow): NameCompletion {
  return {
    type: r.type,
    id: r.id,
    name: r.name,
    matched: r.text,
    alias: Boolean(r.alias),
    fromStart: Boolean(r.from_start),
    importance: r.importance ?? undefined,
  };
}
