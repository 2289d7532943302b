/**
 * The record lists of concept pages, as neighbour edges: what the build and the incremental update share to rank
 * them with `conceptRecords` (src/graph/concept-records.ts) over the records' profiles, the concepts' relations
 * and the category tree.
 */
import type { ConceptDictionary } from "../detect/concept-dictionary.js";
import { categoryLevels } from "../graph/category-tree.js";
import {
  type ConceptRecordGraph,
  conceptRecords,
  DEFAULT_CONCEPT_RECORD_PARAMS,
  indexPostings,
} from "../graph/concept-records.js";
import type { ConceptEdge, ConceptEvidence } from "../graph/entity-concepts.js";
import type { NeighbourEdge } from "../graph/neighbourhood.js";
import { conceptEdgeEvidence, DERIVED, type Nodes } from "./graph-inputs.js";

/** The ranking's graph over `profiles` (records by node, concepts by dictionary number) and `related`. */
export function conceptRecordGraph(
  nodes: Nodes,
  dictionary: ConceptDictionary,
  profiles: ReadonlyMap<number, readonly ConceptEdge[]>,
  related: ReadonlyMap<number, readonly ConceptEdge[]>,
): ConceptRecordGraph {
  const parent = new Map<string, string>();
  const categoryOf: (string | undefined)[] = dictionary.ids.map(() => undefined);
  nodes.records.forEach((record) => {
    if (record.type === "category") {
      const up = record.links?.find((l) => l.rel === "parent" && l.type === "category");
      if (up) parent.set(record.id, up.id);
    } else if (record.type === "concept") {
      const concept = dictionary.index.get(record.id);
      const category = record.links?.find((l) => l.rel === "category" && l.type === "category");
      if (concept !== undefined && category) categoryOf[concept] = category.id;
    }
  });
  return {
    size: dictionary.ids.length,
    profiles,
    related: (c) => related.get(c) ?? [],
    tree: categoryLevels(categoryOf, parent),
    typeOf: (n) => nodes.keys[n]?.type ?? "",
  };
}

/**
 * The ranked record lists of the concepts in `concepts` (dictionary numbers; every concept when undefined), as
 * concept → record edges: with the detector's evidence when the record names the concept, else the concepts it
 * came through. `evidenceOf` gives the detector's evidence of a record's own edge to the concept, if it has one.
 */
export function conceptListEdges(
  nodes: Nodes,
  dictionary: ConceptDictionary,
  graph: ConceptRecordGraph,
  evidenceOf: (
    record: number,
    concept: number,
  ) => ConceptEvidence | Readonly<Record<string, unknown>> | undefined,
  concepts?: Iterable<number>,
): NeighbourEdge[] {
  // People are known mostly by what they teach and write, listed on those records' pages: ten per concept.
  const params = { ...DEFAULT_CONCEPT_RECORD_PARAMS, perTypeOf: { person: 10 } };
  const postings = indexPostings(graph, params);
  const edges: NeighbourEdge[] = [];
  const all = concepts ?? dictionary.ids.keys();
  for (const concept of all) {
    const source = nodes.index.get(`concept\0${dictionary.ids[concept] ?? ""}`);
    if (source === undefined) continue;
    for (const list of conceptRecords(concept, graph, postings, params).values()) {
      for (const item of list) {
        const via = item.via.map((v) => ({ id: dictionary.ids[v.concept], share: v.score }));
        // Named when the concept is in the record's profile, whether or not it is among the top contributors.
        const direct = (graph.profiles.get(item.record) ?? []).some((e) => e.concept === concept);
        const own = direct ? evidenceOf(item.record, concept) : undefined;
        const detail = own === undefined ? {} : isEvidence(own) ? conceptEdgeEvidence(own) : own;
        edges.push({
          source,
          target: item.record,
          score: item.score,
          kind: direct ? "concept" : "via-concept",
          // A record naming the concept is explained by its mentions; one reached through others, by those others.
          evidence: direct && detail !== DERIVED && Object.keys(detail).length > 0 ? detail : { via },
        });
      }
    }
  }
  return edges;
}

function isEvidence(e: ConceptEvidence | Readonly<Record<string, unknown>>): e is ConceptEvidence {
  return typeof e.detected === "number" && Array.isArray(e.mentions) && !("via" in e);
}
