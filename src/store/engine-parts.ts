/**
 * What the engines share besides the port: the shape of a schema migration, and how a stored neighbour row
 * reads back into the port's form.
 */
import type { NeighbourRow } from "./store.js";

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
