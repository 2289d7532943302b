/**
 * What the engines share besides the port: the shape of a schema migration, how neighbour rows are ranked and
 * encoded for storage, and how a stored neighbour row reads back into the port's form.
 */
import { CampusGraphError } from "../core/errors.js";
import type { NeighbourRow, RecordKey } from "./store.js";

/** One schema step. Versions are consecutive from 1 and never edited once released. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
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

const EVIDENCE_CACHE = 50_000;

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
  const ranks = new Map<string, number>();
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
    const list = `${source}\0${row.target.type}`;
    const rank = ranks.get(list) ?? 0;
    ranks.set(list, rank + 1);
    let evidence = json.get(row.evidence);
    if (evidence === undefined) {
      evidence = JSON.stringify(row.evidence);
      if (json.size >= EVIDENCE_CACHE) json = new Map();
      json.set(row.evidence, evidence);
    }
    yield [source, row.target.type, rank, pk(row.target), row.score, row.kind, evidence];
  }
}
