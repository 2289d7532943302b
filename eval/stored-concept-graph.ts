/**
 * The inputs of the concept pages' ranking read back from a built database: every record's stored concept edges,
 * every concept's stored related concepts, and the category tree. The evaluation ranks from them in memory, so
 * that the ranking's parameters can be tried without rebuilding the graph.
 */

import { categoryScoresOf, nameScoresOf, recordTexts, VARIANT_TYPES } from "../src/app/concept-lists.js";
import { personNames, withoutLinkedNames } from "../src/app/linked-names.js";
import { loadConceptDictionary } from "../src/app/load-concept-dictionary.js";
import { recordMentions } from "../src/app/record-concepts.js";
import { type CorpusRecord, displayName } from "../src/core/record.js";
import { categoryLevels } from "../src/graph/category-tree.js";
import type { ConceptRecordGraph } from "../src/graph/concept-records.js";
import { type RelationEvidence, walkWeight } from "../src/graph/concept-relations.js";
import type { ConceptEdge } from "../src/graph/entity-concepts.js";
import { type NameMentions, nameMentions } from "../src/graph/name-mentions.js";
import { type VariantKey, variantGroups } from "../src/graph/record-variants.js";
import { type SenseCoherence, senseCoherence } from "../src/graph/sense-coherence.js";
import type { Store } from "../src/store/store.js";

/** A stored graph in the ranking's terms, with the numbering of concepts and records. */
export interface StoredConceptGraph {
  readonly graph: ConceptRecordGraph;
  readonly conceptIndex: Map<string, number>;
  readonly recordIds: string[];
  /** Each concept's sense coherence with the corpus mean, as the build measures it (`graph.coherence` is its k). */
  readonly coherence: SenseCoherence;
}

/**
 * Reads the ranking's inputs from `store`'s stored neighbour rows and its concept and category records. With
 * `mentions`, also what every record's text names, read from the texts again as the build does (no row stores it).
 */
export async function readStoredConceptGraph(
  store: Store,
  options: { readonly mentions?: boolean; readonly ontologyWeight?: number } = {},
): Promise<StoredConceptGraph> {
  const conceptIndex = new Map<string, number>();
  const categoryOf: string[] = [];
  for await (const concept of store.scanRecords("concept")) {
    conceptIndex.set(concept.id, categoryOf.length);
    categoryOf.push(concept.links?.find((l) => l.rel === "category")?.id ?? "");
  }
  const parent = new Map<string, string>();
  for await (const category of store.scanRecords("category")) {
    const up = category.links?.find((l) => l.rel === "parent")?.id;
    if (up) parent.set(category.id, up);
  }
  const recordIds: string[] = [];
  const recordIndex = new Map<string, number>();
  const types: string[] = [];
  const profiles = new Map<number, ConceptEdge[]>();
  // The edges the records' own texts gave, as the build measures sense coherence on (derived ones say `derived`).
  const own = new Map<number, ConceptEdge[]>();
  const related = new Map<number, ConceptEdge[]>();
  for await (const row of store.graph.scanNeighbours("concept")) {
    const concept = conceptIndex.get(row.target.id);
    if (concept === undefined) continue;
    if (row.source.type === "concept") {
      const source = conceptIndex.get(row.source.id);
      if (source === undefined || row.kind !== "related-concept") continue;
      const list = related.get(source) ?? [];
      // As the build's pages weigh it (`walkWeight`), unless another share of the ontology's filing is asked.
      list.push({
        concept,
        score: walkWeight(row.evidence as unknown as RelationEvidence, options.ontologyWeight),
      });
      related.set(source, list);
      continue;
    }
    if (row.kind !== "concept") continue;
    const key = `${row.source.type}\0${row.source.id}`;
    let record = recordIndex.get(key);
    if (record === undefined) {
      record = recordIds.length;
      recordIndex.set(key, record);
      recordIds.push(row.source.id);
      types.push(row.source.type);
    }
    const list = profiles.get(record) ?? [];
    list.push({ concept, score: row.score });
    profiles.set(record, list);
    if ((row.evidence as { derived?: unknown }).derived === true) continue;
    const ownList = own.get(record) ?? [];
    ownList.push({ concept, score: row.score });
    own.set(record, ownList);
  }
  const tree = categoryLevels(categoryOf, parent);
  const mentions = new Map<number, NameMentions>();
  let nameScores: ((concept: number) => ReadonlyMap<number, number>) | undefined;
  let field: ReturnType<typeof categoryScoresOf> | undefined;
  // Parts' parents and variant groups, read with the records' texts (by record number; none without them).
  const keys: VariantKey[] = [];
  const parentKeys = new Map<number, string>();
  const parents: number[] = [];
  let variants: Int32Array | undefined;
  if (options.mentions) {
    const dictionary = await loadConceptDictionary(store);
    const numbered: [number, CorpusRecord][] = [];
    const numberOf = (record: CorpusRecord) => {
      const key = `${record.type}\0${record.id}`;
      let number = recordIndex.get(key);
      if (number === undefined) {
        number = recordIds.length;
        recordIndex.set(key, number);
        recordIds.push(record.id);
        types.push(record.type);
      }
      return number;
    };
    const people = await personNames(store);
    for await (const stored of store.scanRecords()) {
      // As the build reads it: without the names of the people it links to.
      const record = withoutLinkedNames(stored, (id) => people.get(id));
      if (VARIANT_TYPES.has(record.type)) {
        const number = numberOf(record);
        keys[number] = { type: record.type, id: record.id, name: displayName(stored) };
        const parent = record.links?.find((l) => l.rel === "part_of");
        if (parent) parentKeys.set(number, `${parent.type}\0${parent.id}`);
      }
      if (record.type === "concept" || record.type === "category") numbered.push([-1, record]);
      else if (record.type !== "category" && record.type !== "person" && record.type !== "unit")
        numbered.push([numberOf(record), record]);
      const m = recordMentions(record, dictionary);
      if (!m || m.concepts.length === 0) continue;
      const number = numberOf(record);
      const counts = new Map<number, number>();
      m.concepts.forEach((c, i) => {
        const own = conceptIndex.get(dictionary.ids[c] ?? "");
        if (own !== undefined) counts.set(own, m.counts[i] ?? 0);
      });
      mentions.set(number, nameMentions(counts, m.length));
    }
    // The texts' concept names are numbered as the dictionary numbers concepts; the ranking, as conceptIndex.
    for (const [number, key] of parentKeys) parents[number] = recordIndex.get(key) ?? -1;
    variants = variantGroups(
      recordIds.map((id, n) => keys[n] ?? { type: types[n] ?? "", id, name: "" }),
      VARIANT_TYPES,
    );
    const texts = recordTexts(numbered, dictionary);
    const names = [...conceptIndex.keys()].map((id) => texts.names[dictionary.index.get(id) ?? -1] ?? []);
    const categories = [...conceptIndex.keys()].map(
      (id) => texts.categories?.[dictionary.index.get(id) ?? -1] ?? [],
    );
    nameScores = nameScoresOf({ index: texts.index, names });
    field = categoryScoresOf({ index: texts.index, names, categories });
  }
  const coherence = senseCoherence(conceptIndex.size, own.values(), tree);
  return {
    coherence,
    graph: {
      size: conceptIndex.size,
      profiles,
      related: (c) => related.get(c) ?? [],
      tree,
      coherence: coherence.k,
      mentions,
      ...(nameScores ? { nameScores } : {}),
      ...field,
      typeOf: (r) => types[r] ?? "",
      parentOf: (r) => parents[r] ?? -1,
      variantOf: (r) => variants?.[r] ?? -1,
    },
    conceptIndex,
    recordIds,
  };
}
