/**
 * Concept relations (`conceptRelations`) grouped by source node in typed arrays: about 50 bytes a relation, where
 * the relations as objects, each with its evidence object, took ~200 (~95 MB for the 480,000 relations of the
 * default ontology, held by a build from its relations stage to its last row). Each node's edges are made as
 * objects when its lists are written, with the same fields, values and key order as the relation's own.
 */
import type { ConceptRelation, RelationEvidence } from "./concept-relations.js";
import type { NeighbourEdge } from "./neighbourhood.js";

/** Which of a relation's optional evidence fields it has, as bits. */
const DESCRIBED = 1;
const SENSE = 2;
const TREE = 4;
/** Its yes/no fields, as bits. */
const LINK = 8;
const CLUSTER = 16;
const CATEGORY = 32;

/** The relations' edges by source node, each source's in the order given; each handed out once (`take`). */
export class RelationColumns {
  private readonly starts: Int32Array;
  private readonly targets: Int32Array;
  private readonly scores: Float64Array;
  private readonly bits: Uint8Array;
  /** Evidence numbers: described, cooccurrence, sense, tree (NaN where absent). */
  private readonly numbers: Float64Array;
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
    const targetNodes: number[] = [];
    relations.forEach((r, i) => {
      const source = nodeOf(r.source);
      const target = nodeOf(r.target);
      if (source === undefined || target === undefined) return;
      kept.push(i);
      sources.push(source);
      targetNodes.push(target);
    });
    this.starts = new Int32Array(nodes + 1);
    for (const source of sources) this.starts[source + 1] = (this.starts[source + 1] as number) + 1;
    for (let n = 0; n < nodes; n += 1)
      this.starts[n + 1] = (this.starts[n + 1] as number) + (this.starts[n] as number);
    const filled = this.starts.slice(0, nodes);
    this.targets = new Int32Array(kept.length);
    this.scores = new Float64Array(kept.length);
    this.bits = new Uint8Array(kept.length);
    this.numbers = new Float64Array(kept.length * 4);
    kept.forEach((i, k) => {
      const r = relations[i] as ConceptRelation;
      const source = sources[k] as number;
      const at = filled[source] as number;
      filled[source] = at + 1;
      this.targets[at] = targetNodes[k] as number;
      this.scores[at] = r.score;
      this.put(at, r.evidence);
    });
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

  private put(at: number, e: RelationEvidence): void {
    let bits = (e.link ? LINK : 0) | (e.cluster ? CLUSTER : 0) | (e.category ? CATEGORY : 0);
    if ("described" in e) bits |= DESCRIBED;
    if ("sense" in e) bits |= SENSE;
    if ("tree" in e) bits |= TREE;
    this.bits[at] = bits;
    const n = at * 4;
    this.numbers[n] = e.described ?? Number.NaN;
    this.numbers[n + 1] = e.cooccurrence;
    this.numbers[n + 2] = e.sense ?? Number.NaN;
    this.numbers[n + 3] = e.tree ?? Number.NaN;
  }

  /** Relation `at`'s evidence, its fields in `conceptRelations`' order. */
  private evidence(at: number): RelationEvidence {
    const bits = this.bits[at] as number;
    const n = at * 4;
    return {
      link: (bits & LINK) !== 0,
      ...(bits & DESCRIBED ? { described: this.numbers[n] as number } : {}),
      cooccurrence: this.numbers[n + 1] as number,
      cluster: (bits & CLUSTER) !== 0,
      category: (bits & CATEGORY) !== 0,
      ...(bits & SENSE ? { sense: this.numbers[n + 2] as number } : {}),
      ...(bits & TREE ? { tree: this.numbers[n + 3] as number } : {}),
    };
  }
}
