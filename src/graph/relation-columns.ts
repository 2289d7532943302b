/**
 * Concept relations (`conceptRelations`) grouped by source node in typed arrays: about 60 bytes a relation, where
 * the relations as objects, each with its evidence object, took ~200 (~95 MB for the 480,000 relations of the
 * default ontology, held by a build from its relations stage to its last row). An evidence object is flat (numbers
 * and booleans); each distinct list of keys is kept once, as a shape, and each relation's values in one column.
 * Each node's edges are made as objects when its lists are written, with the relation's fields, values and key order.
 */
import { CampusGraphError } from "../core/errors.js";
import type { ConceptRelation } from "./concept-relations.js";
import type { NeighbourEdge } from "./neighbourhood.js";

/** The keys of an evidence object, in order, and which of them hold booleans. */
interface EvidenceShape {
  readonly keys: readonly string[];
  readonly booleans: readonly boolean[];
}

/** The relations' edges by source node, each source's in the order given; each handed out once (`take`). */
export class RelationColumns {
  private readonly starts: Int32Array;
  private readonly targets: Int32Array;
  private readonly scores: Float64Array;
  /** Each relation's evidence: its shape, and where its values start in `values`. */
  private readonly shapeOf: Int32Array;
  private readonly valuesAt: Int32Array;
  private readonly values: Float64Array;
  private readonly shapes: EvidenceShape[] = [];
  private readonly taken: Uint8Array;

  /**
   * The relations of `relations` whose ends both have a node (`nodeOf` undefined otherwise), by source node, for
   * nodes 0…nodes − 1.
   */
  constructor(
    relations: readonly ConceptRelation[],
    nodeOf: (concept: number) => number | undefined,
    nodes: number,
  ) {
    const kept: number[] = [];
    const sources: number[] = [];
    relations.forEach((r, i) => {
      const source = nodeOf(r.source);
      if (source === undefined || nodeOf(r.target) === undefined) return;
      kept.push(i);
      sources.push(source);
    });
    this.starts = new Int32Array(nodes + 1);
    for (const source of sources) this.starts[source + 1] = (this.starts[source + 1] as number) + 1;
    for (let n = 0; n < nodes; n += 1)
      this.starts[n + 1] = (this.starts[n + 1] as number) + (this.starts[n] as number);
    const filled = this.starts.slice(0, nodes);
    this.targets = new Int32Array(kept.length);
    this.scores = new Float64Array(kept.length);
    this.shapeOf = new Int32Array(kept.length);
    this.valuesAt = new Int32Array(kept.length);
    const shapeIds = new Map<string, number>();
    const values: number[] = [];
    kept.forEach((i, k) => {
      const r = relations[i] as ConceptRelation;
      const source = sources[k] as number;
      const at = filled[source] as number;
      filled[source] = at + 1;
      this.targets[at] = nodeOf(r.target) as number;
      this.scores[at] = r.score;
      this.valuesAt[at] = values.length;
      this.shapeOf[at] = this.shapeId(r.evidence, shapeIds);
      for (const value of Object.values(r.evidence)) values.push(Number(value));
    });
    this.values = Float64Array.from(values);
    this.taken = new Uint8Array(nodes);
  }

  /** The edges of `source`, as the relations' (kind "related-concept"); none once taken. */
  take(source: number): NeighbourEdge[] {
    if (source < 0 || source >= this.taken.length || this.taken[source]) return [];
    this.taken[source] = 1;
    const edges: NeighbourEdge[] = [];
    for (let at = this.starts[source] as number; at < (this.starts[source + 1] as number); at += 1) {
      edges.push({
        source,
        target: this.targets[at] as number,
        score: this.scores[at] as number,
        kind: "related-concept",
        evidence: this.evidence(at),
      });
    }
    return edges;
  }

  /** The number of `evidence`'s shape, added to `ids` and `shapes` when new; throws on a value not flat. */
  private shapeId(evidence: object, ids: Map<string, number>): number {
    const entries = Object.entries(evidence);
    const booleans = entries.map(([key, value]) => {
      if (typeof value !== "number" && typeof value !== "boolean")
        throw new CampusGraphError("INTERNAL", { problem: `relation evidence ${key} is not a number` });
      return typeof value === "boolean";
    });
    const signature = entries.map(([key], i) => `${key}${booleans[i] ? "?" : ""}`).join("\0");
    let id = ids.get(signature);
    if (id === undefined) {
      id = this.shapes.length;
      ids.set(signature, id);
      this.shapes.push({ keys: entries.map(([key]) => key), booleans });
    }
    return id;
  }

  /** Relation `at`'s evidence, its keys in the relation's order. */
  private evidence(at: number): Record<string, number | boolean> {
    const shape = this.shapes[this.shapeOf[at] as number] as EvidenceShape;
    const from = this.valuesAt[at] as number;
    const evidence: Record<string, number | boolean> = {};
    shape.keys.forEach((key, i) => {
      const value = this.values[from + i] as number;
      evidence[key] = shape.booleans[i] ? value !== 0 : value;
    });
    return evidence;
  }
}
