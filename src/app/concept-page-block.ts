/**
 * Concept pages in two halves, so that any thread can rank them and the build's thread writes them: a
 * `ConceptPageRanker` ranks the pages of a block of concepts (`conceptRecords`) and works out why each record is
 * listed, but for the stored evidence, into typed arrays (`ConceptPageBlock`, sent from a worker without a copy);
 * `pageEdges` makes one page's neighbour edges from a block, with the evidence the build's thread holds.
 */
import {
  type ConceptRecordGraph,
  type ConceptRecordParams,
  conceptRecords,
  type Postings,
} from "../graph/concept-records.js";
import { mentionCount } from "../graph/name-mentions.js";
import type { NeighbourEdge } from "../graph/neighbourhood.js";
import { withVariants } from "../graph/record-variants.js";
import { DERIVED } from "./graph-inputs.js";

/** Why a record is on a page (see `pageEdges`): its profile holds the concept… */
const OWN = 0;
/** …its text names the concept, `named` times… */
const NAMED = 1;
/** …full-text search finds one of the concept's names in it… */
const FOUND = 2;
/** …or it came through related concepts (and maybe the concept's field, `fields`). */
const VIA = 3;

/**
 * The ranked pages of a block of concepts: page p's records are [pageStarts[p], pageStarts[p + 1]) of the item
 * arrays; item i came through viaConcepts/viaShares[viaStarts[i]…viaStarts[i + 1]) and lists its variants
 * also[alsoStarts[i]…alsoStarts[i + 1]).
 */
export interface ConceptPageBlock {
  readonly pageStarts: Int32Array;
  readonly records: Int32Array;
  readonly scores: Float64Array;
  /** OWN, NAMED, FOUND or VIA. */
  readonly reasons: Uint8Array;
  /** How often the text names the concept (NAMED). */
  readonly named: Float64Array;
  /** The field's name in `fieldNames` (VIA), -1 for none. */
  readonly fields: Int32Array;
  readonly fieldNames: readonly string[];
  readonly viaStarts: Int32Array;
  readonly viaConcepts: Int32Array;
  readonly viaShares: Float64Array;
  readonly alsoStarts: Int32Array;
  readonly also: Int32Array;
}

/** The typed arrays of `block`, for a worker to transfer rather than copy. */
export function blockBuffers(block: ConceptPageBlock): ArrayBuffer[] {
  return [
    block.pageStarts,
    block.records,
    block.scores,
    block.reasons,
    block.named,
    block.fields,
    block.viaStarts,
    block.viaConcepts,
    block.viaShares,
    block.alsoStarts,
    block.also,
  ].map((array) => array.buffer as ArrayBuffer);
}

/** Ranks concept pages into blocks, over one graph and postings (whose scratch arrays it uses: one per thread). */
export class ConceptPageRanker {
  constructor(
    private readonly graph: ConceptRecordGraph,
    private readonly postings: Postings,
    private readonly params: ConceptRecordParams,
  ) {}

  /** The pages of `concepts` (dictionary numbers), in their order. */
  block(concepts: ArrayLike<number>): ConceptPageBlock {
    const pageStarts = [0];
    const records: number[] = [];
    const scores: number[] = [];
    const reasons: number[] = [];
    const named: number[] = [];
    const fields: number[] = [];
    const fieldNames: string[] = [];
    const viaStarts = [0];
    const viaConcepts: number[] = [];
    const viaShares: number[] = [];
    const alsoStarts = [0];
    const also: number[] = [];
    for (let p = 0; p < concepts.length; p += 1) {
      const concept = concepts[p] as number;
      for (const list of conceptRecords(concept, this.graph, this.postings, this.params).values()) {
        for (const item of list) {
          records.push(item.record);
          scores.push(item.score);
          const why = this.why(concept, item.record);
          reasons.push(why.reason);
          named.push(why.named);
          let field = -1;
          if (why.field !== undefined) {
            field = fieldNames.indexOf(why.field);
            if (field < 0) field = fieldNames.push(why.field) - 1;
          }
          fields.push(field);
          for (const v of item.via) {
            viaConcepts.push(v.concept);
            viaShares.push(v.score);
          }
          viaStarts.push(viaConcepts.length);
          also.push(...item.also);
          alsoStarts.push(also.length);
        }
      }
      pageStarts.push(records.length);
    }
    return {
      pageStarts: Int32Array.from(pageStarts),
      records: Int32Array.from(records),
      scores: Float64Array.from(scores),
      reasons: Uint8Array.from(reasons),
      named: Float64Array.from(named),
      fields: Int32Array.from(fields),
      fieldNames,
      viaStarts: Int32Array.from(viaStarts),
      viaConcepts: Int32Array.from(viaConcepts),
      viaShares: Float64Array.from(viaShares),
      alsoStarts: Int32Array.from(alsoStarts),
      also: Int32Array.from(also),
    };
  }

  /**
   * How a listed record relates to the concept: its profile holds it, whether or not it is among the top
   * contributors; its text names it (how often, `mentionCount`); full-text search finds one of its names in its
   * text, as a phrase; else it came through related concepts, its text maybe naming the concept's field (its
   * category, or the parent's).
   */
  private why(concept: number, record: number): { reason: number; named: number; field?: string } {
    const { table } = this.postings;
    for (let i = table.edgesFrom(record), end = table.edgesTo(record); i < end; i += 1)
      if (table.concepts[i] === concept) return { reason: OWN, named: 0 };
    const named = mentionCount(this.graph.mentions?.get(record), concept);
    if (named > 0) return { reason: NAMED, named };
    if (this.graph.nameScores?.(concept).has(record)) return { reason: FOUND, named: 0 };
    const field = this.graph.fieldOf?.(concept, record);
    return field === undefined ? { reason: VIA, named: 0 } : { reason: VIA, named: 0, field };
  }
}

/** What `pageEdges` names records and concepts by, and the evidence the build holds. */
export interface PageEdgeNames {
  /** Each concept's id, by dictionary number. */
  readonly ids: readonly (string | undefined)[];
  /** Each node's record id. */
  readonly recordId: (node: number) => string | undefined;
  /**
   * The stored evidence of a record's own edge to the concept (`conceptEdgeEvidence`, or DERIVED), if it has one;
   * the page's row shares the object.
   */
  readonly evidenceOf: (record: number, concept: number) => Readonly<Record<string, unknown>> | undefined;
}

/**
 * The neighbour edges of page `page` of `block`, concept `concept`'s, whose node is `source`: `concept` when the
 * record's profile holds the concept (explained by the detector's mentions); `mention` when only its text names it
 * (with how often, 1 when only full-text search finds the name); else `via-concept` (explained by the concepts it
 * came through, and the field its text names).
 */
export function pageEdges(
  block: ConceptPageBlock,
  page: number,
  source: number,
  concept: number,
  names: PageEdgeNames,
): NeighbourEdge[] {
  // A page's rows share a few (concept, share) pairs: one object each, not one per row.
  const entries = new Map<number, Readonly<{ id: string | undefined; share: number }>>();
  const viaEntry = (via: number, share: number) => {
    const key = via * 101 + Math.round(share * 100);
    let entry = entries.get(key);
    if (entry === undefined) {
      entry = Object.freeze({ id: names.ids[via], share });
      entries.set(key, entry);
    }
    return entry;
  };
  const edges: NeighbourEdge[] = [];
  for (let i = block.pageStarts[page] as number; i < (block.pageStarts[page + 1] as number); i += 1) {
    const record = block.records[i] as number;
    const via: Readonly<{ id: string | undefined; share: number }>[] = [];
    for (let v = block.viaStarts[i] as number; v < (block.viaStarts[i + 1] as number); v += 1)
      via.push(viaEntry(block.viaConcepts[v] as number, block.viaShares[v] as number));
    const { kind, evidence } = explained(block, i, via, () => names.evidenceOf(record, concept));
    const also: string[] = [];
    for (let a = block.alsoStarts[i] as number; a < (block.alsoStarts[i + 1] as number); a += 1) {
      const id = names.recordId(block.also[a] as number);
      if (id !== undefined) also.push(id);
    }
    edges.push({
      source,
      target: record,
      score: block.scores[i] as number,
      kind,
      evidence: withVariants(evidence, also),
    });
  }
  return edges;
}

/** Item `i`'s kind and evidence (see `pageEdges`); `own` gives the stored evidence of the record's own edge. */
function explained(
  block: ConceptPageBlock,
  i: number,
  via: readonly Readonly<{ id: string | undefined; share: number }>[],
  own: () => Readonly<Record<string, unknown>> | undefined,
): Pick<NeighbourEdge, "kind" | "evidence"> {
  switch (block.reasons[i]) {
    case OWN: {
      const evidence = own();
      return {
        kind: "concept",
        evidence:
          evidence !== undefined && evidence !== DERIVED && Object.keys(evidence).length > 0
            ? evidence
            : { via },
      };
    }
    case NAMED:
      return {
        kind: "mention",
        evidence: { named: Math.round((block.named[i] as number) * 100) / 100, via },
      };
    case FOUND:
      return { kind: "mention", evidence: { named: 1, via } };
    default: {
      const field = block.fieldNames[block.fields[i] as number];
      return { kind: "via-concept", evidence: field === undefined ? { via } : { via, field } };
    }
  }
}
