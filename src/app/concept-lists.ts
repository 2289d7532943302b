/**
 * The record lists of concept pages, as neighbour edges: what the build and the incremental update share to rank
 * them with `conceptRecords` (src/graph/concept-records.ts) over the records' profiles, the concepts' relations
 * and the category tree.
 */
import type { CorpusRecord, LangText } from "../core/record.js";
import { type ConceptDictionary, isCaseBlindAmbiguous } from "../detect/concept-dictionary.js";
import { categoryLevels } from "../graph/category-tree.js";
import {
  type ConceptRecordGraph,
  type ConceptRecordParams,
  DEFAULT_CONCEPT_RECORD_PARAMS,
  indexPostings,
  type RecordScores,
  recordScores,
  scoreOf,
} from "../graph/concept-records.js";
import type { ConceptEdge } from "../graph/entity-concepts.js";
import { nameScores, type TextIndex, TextIndexBuilder } from "../graph/name-bm25.js";
import type { NameMentions } from "../graph/name-mentions.js";
import type { NeighbourEdge } from "../graph/neighbourhood.js";
import { variantGroups } from "../graph/record-variants.js";
import type { SenseCoherence } from "../graph/sense-coherence.js";
import { parseQuery } from "../search/parse-query.js";
import { toSearchDocument } from "../search/search-document.js";
import { isOtherLanguage } from "../text/language.js";
import { ConceptPageRanker, type PageEdgeNames, pageEdges } from "./concept-page-block.js";
import { forEachLink, NO_TEXT_TYPES, type Nodes } from "./graph-inputs.js";

/** Each concept's category at each depth of the ontology's tree (`categoryLevels`), concepts by dictionary number. */
export function conceptTree(nodes: Nodes, dictionary: ConceptDictionary): Int32Array[] {
  const categoryOf: (string | undefined)[] = dictionary.ids.map(() => undefined);
  for (const [id, category] of nodes.categories.ofConcept) {
    const concept = dictionary.index.get(id);
    if (concept !== undefined) categoryOf[concept] = category;
  }
  return categoryLevels(categoryOf, nodes.categories.parent);
}

/** What the concept pages are ranked from: records by node, concepts by dictionary number. */
export interface ConceptListInputs {
  /** Each record's concept edges. */
  readonly profiles: ReadonlyMap<number, readonly ConceptEdge[]>;
  /** Each concept's related concepts (a map, or `RelatedLists` over packed arrays). */
  readonly related: Pick<ReadonlyMap<number, readonly ConceptEdge[]>, "get">;
  readonly tree: readonly Int32Array[];
  readonly coherence: SenseCoherence;
  /** What each record's text names. */
  readonly mentions: ReadonlyMap<number, NameMentions>;
  /** The records' texts as the search index holds them (`recordTexts`); default none. */
  readonly texts?: RecordTexts;
}

/** The records' texts as word postings, and each concept's names as word keys (by dictionary number). */
export interface RecordTexts {
  readonly index: TextIndex;
  readonly names: readonly (readonly (readonly string[])[])[];
  /** The names of each concept's categories as word keys, its own first then its parent's (`CATEGORY_LEVELS`). */
  readonly categories?: readonly (readonly CategoryName[])[];
}

/** A category's name as word keys, with its id (results are shared by the concepts of one category). */
export interface CategoryName {
  readonly id: string;
  readonly name: string;
  readonly words: readonly string[];
}

/** How many categories up the tree a concept's field is read from: its own and its parent. */
const CATEGORY_LEVELS = 2;

/** Types whose name is a proper name and whose text says nothing of concepts (people, units). */
const UNSEARCHED_TYPES = new Set([...NO_TEXT_TYPES, "person", "unit"]);

/**
 * The texts of `records` (by node number) as the search index holds them (name, aliases, keywords, description,
 * the start of the text, short attributes), and every concept's names and aliases as a search query reads them:
 * full-text search's evidence for the concept pages.
 */
export function recordTexts(
  records: Iterable<readonly [number, CorpusRecord]>,
  dictionary: ConceptDictionary,
): RecordTexts {
  const builder = new RecordTextsBuilder(dictionary);
  for (const [node, record] of records) builder.add(node, record);
  return builder.finish();
}

/** Builds `RecordTexts` from records added one at a time, as a build reads them (see `recordTexts`). */
export class RecordTextsBuilder {
  private readonly names: string[][][];
  private readonly index = new TextIndexBuilder();
  private readonly categoryNames = new Map<
    string,
    { name: string; words: string[]; parent: string | undefined }
  >();
  private readonly categoryOf = new Map<number, string>();

  constructor(private readonly dictionary: ConceptDictionary) {
    this.names = dictionary.ids.map(() => []);
  }

  /** Adds record `record`, numbered `node`: a concept's names, or another record's searched words. */
  add(node: number, record: CorpusRecord): void {
    if (record.type === "category") {
      const name = Object.values(record.name)[0] ?? "";
      const parent = record.links?.find((l) => l.rel === "parent" && l.type === "category")?.id;
      this.categoryNames.set(record.id, { name, words: queryWords(name), parent });
      return;
    }
    if (record.type === "concept") {
      const concept = this.dictionary.index.get(record.id);
      if (concept === undefined) return;
      const category = record.links?.find((l) => l.rel === "category" && l.type === "category")?.id;
      if (category !== undefined) this.categoryOf.set(concept, category);
      // Full text is blind to case: an alias in capitals that is also a word ("EELS", "eels") would find the word.
      const aliases = (record.aliases ?? []).filter((a) => !isCaseBlindAmbiguous(this.dictionary, a));
      this.names[concept] = [...Object.values(record.name), ...aliases]
        .map(queryWords)
        .filter((words) => words.length > 0);
      return;
    }
    const { words, lead } = searchedText(record);
    this.index.add(node, words, lead);
  }

  /** The texts, names and categories added. */
  finish(): RecordTexts {
    // Concepts of one category share its path: one array per category, not per concept.
    const paths = new Map<string, readonly CategoryName[]>();
    const pathOf = (category: string): readonly CategoryName[] => {
      let path = paths.get(category);
      if (path === undefined) {
        const found: CategoryName[] = [];
        let id: string | undefined = category;
        while (id !== undefined && found.length < CATEGORY_LEVELS) {
          const named = this.categoryNames.get(id);
          if (!named) break;
          if (named.words.length > 0) found.push({ id, name: named.name, words: named.words });
          id = named.parent;
        }
        path = found;
        paths.set(category, path);
      }
      return path;
    };
    const categories = this.names.map((_, concept) => {
      const category = this.categoryOf.get(concept);
      return category === undefined ? [] : pathOf(category);
    });
    return { index: this.index.finish(), names: this.names, categories };
  }
}

/** A name's words as a search query reads them (one key per word). */
function queryWords(name: string): string[] {
  return parseQuery(name).groups.map((g) => g[0] ?? "");
}

/**
 * The word keys of a record's text as `recordTexts` indexes it; none for types it does not index. A record's
 * languages written in another language (`isOtherLanguage`: a Spanish MOOC's text under `en`) give no words: they are
 * false friends of the concepts' names ("módulo", "del"), which detection does not read either (`spotText`); its
 * aliases, keywords and attributes still count.
 */
function searchedWords(record: CorpusRecord): string[] {
  return searchedText(record).words;
}

/** `searchedWords`, and how many of the first are the record's name (its search document's first field). */
function searchedText(record: CorpusRecord): { words: string[]; lead: number } {
  if (UNSEARCHED_TYPES.has(record.type)) return { words: [], lead: 0 };
  const languages = new Set([record.name, record.description ?? {}, record.text ?? {}].flatMap(Object.keys));
  const foreign = [...languages].filter((lang) =>
    isOtherLanguage([record.name[lang], record.description?.[lang], record.text?.[lang]].join("\n\n")),
  );
  const read =
    foreign.length === 0
      ? record
      : {
          ...record,
          name: without(record.name, foreign),
          description: without(record.description, foreign),
          text: without(record.text, foreign),
        };
  const { fields } = toSearchDocument(read);
  const words = Object.values(fields).join(" ").split(" ").filter(Boolean);
  return { words, lead: fields.name.split(" ").filter(Boolean).length };
}

/** `text` without the languages `langs`. */
function without(text: LangText | undefined, langs: readonly string[]): LangText {
  return Object.fromEntries(Object.entries(text ?? {}).filter(([lang]) => !langs.includes(lang)));
}

/** The concepts (dictionary numbers) one of whose names has every word in `record`'s text. */
export function conceptsFoundIn(texts: RecordTexts, record: CorpusRecord): number[] {
  const words = new Set(searchedWords(record));
  if (words.size === 0) return [];
  const found: number[] = [];
  texts.names.forEach((names, concept) => {
    if (names.some((name) => name.every((w) => words.has(w)))) found.push(concept);
  });
  return found;
}

/** The types whose records a concept page lists one of when several are variants (`variantGroups`). */
export const VARIANT_TYPES: ReadonlySet<string> = new Set(["course", "lecture", "mooc", "publication"]);

/** Each node's parent (the record it is `part_of`), or -1. */
function partParents(nodes: Nodes): Int32Array {
  const parents = new Int32Array(nodes.keys.length).fill(-1);
  forEachLink(nodes.links, (source, target, rel) => {
    if (rel === "part_of" && (parents[source] ?? -1) < 0) parents[source] = target;
  });
  return parents;
}

/** What the ranking reads of a build's nodes: each one's parent (the record it is `part_of`, or -1), variant group
 * (`variantGroups`, or -1) and type. */
export interface PageNodes {
  readonly parents: Int32Array;
  readonly variants: Int32Array;
  readonly typeOf: (node: number) => string;
}

/** The parents, variant groups and types of `nodes` (see `PageNodes`). */
export function pageNodes(nodes: Nodes): PageNodes {
  return {
    parents: partParents(nodes),
    variants: variantGroups(
      nodes.keys.map((key, n) => ({ type: key.type, id: key.id, name: nodes.names[n] ?? "" })),
      VARIANT_TYPES,
    ),
    typeOf: (n) => nodes.keys[n]?.type ?? "",
  };
}

/** The ranking's graph over `size` concepts and the records of `nodes`. */
export function conceptRecordGraph(
  nodes: Nodes | PageNodes,
  size: number,
  inputs: ConceptListInputs,
): ConceptRecordGraph {
  const { parents, variants, typeOf } = "parents" in nodes ? nodes : pageNodes(nodes);
  return {
    parentOf: (n) => parents[n] ?? -1,
    variantOf: (n) => variants[n] ?? -1,
    size,
    profiles: inputs.profiles,
    related: (c) => inputs.related.get(c) ?? [],
    tree: inputs.tree,
    coherence: inputs.coherence.k,
    mentions: inputs.mentions,
    ...(inputs.texts ? { nameScores: nameScoresOf(inputs.texts), ...categoryScoresOf(inputs.texts) } : {}),
    typeOf,
  };
}

/** BM25 of each concept's names over the records' texts; the last concept's answer is kept for a second ask. */
export function nameScoresOf(texts: RecordTexts): (concept: number) => ReadonlyMap<number, number> {
  let last = -1;
  let answer: ReadonlyMap<number, number> = new Map();
  return (concept) => {
    if (concept !== last) {
      answer = nameScores(texts.index, texts.names[concept] ?? []);
      last = concept;
    }
    return answer;
  };
}

/** How much a parent category's name counts against the concept's own category's. */
const PARENT_CATEGORY_WEIGHT = 0.5;

/**
 * BM25 of the names of each concept's own category and its parent over the records' texts (the parent's weighing
 * PARENT_CATEGORY_WEIGHT; the ranking takes a record's larger): the records of the concept's field, as the search
 * box finds them when its name ("Immunology", "Cell biology") is typed. `fieldOf` names the category a record was
 * found by. Each category's scores are computed once and kept to the end (packed, ~12 bytes a record it names:
 * 5.7 MB for the 1,403 categories at 600,000 records): the concepts' node order comes back to a category long
 * after its last concept (EXPERIMENTS). They are handed out as they are, not merged into a new one per concept.
 */
export function categoryScoresOf(
  texts: RecordTexts,
): Required<Pick<ConceptRecordGraph, "categoryScores" | "fieldOf">> {
  const cache = new Map<string, RecordScores>();
  const scoresOf = (category: CategoryName) => {
    let scores = cache.get(category.id);
    if (scores === undefined) {
      scores = recordScores(nameScores(texts.index, [category.words]));
      cache.set(category.id, scores);
    }
    return scores;
  };
  return {
    categoryScores: (concept) =>
      (texts.categories?.[concept] ?? []).map((category, level) => ({
        scores: scoresOf(category),
        weight: level === 0 ? 1 : PARENT_CATEGORY_WEIGHT,
      })),
    fieldOf: (concept, record) =>
      (texts.categories?.[concept] ?? []).find(
        (category) => scoreOf(scoresOf(category), record) !== undefined,
      )?.name,
  };
}

/**
 * The ranked record lists of the concepts in `concepts` (dictionary numbers; every concept when undefined), as
 * concept → record edges: with the detector's evidence when the record names the concept, else the concepts it
 * came through. `evidenceOf` gives the stored evidence of a record's own edge to the concept (`conceptEdgeEvidence`,
 * or DERIVED), if it has one; the page's row shares the object.
 */
export function conceptListEdges(
  nodes: Nodes,
  dictionary: ConceptDictionary,
  graph: ConceptRecordGraph,
  evidenceOf: (record: number, concept: number) => Readonly<Record<string, unknown>> | undefined,
  concepts?: Iterable<number>,
): NeighbourEdge[] {
  const listOf = conceptListFinder(nodes, dictionary, graph, evidenceOf);
  const edges: NeighbourEdge[] = [];
  for (const concept of concepts ?? dictionary.ids.keys()) edges.push(...listOf(concept));
  return edges;
}

/** The ranking's parameters for a build's pages. People are known mostly by what they teach and write, listed on
 * those records' pages: ten per concept. */
export const PAGE_PARAMS: ConceptRecordParams = {
  ...DEFAULT_CONCEPT_RECORD_PARAMS,
  perTypeOf: { person: 10 },
};

/**
 * `conceptListEdges` one concept at a time: a build asks for each concept's page as it writes that concept's
 * node, so that the pages' rows (millions at 600,000 records) are never all held at once. The page is ranked on
 * this thread (a build with worker threads ranks them with `ConceptPageThread`, the same way).
 */
export function conceptListFinder(
  nodes: Nodes,
  dictionary: Pick<ConceptDictionary, "ids">,
  graph: ConceptRecordGraph,
  evidenceOf: (record: number, concept: number) => Readonly<Record<string, unknown>> | undefined,
): (concept: number) => NeighbourEdge[] {
  const ranker = new ConceptPageRanker(graph, indexPostings(graph, PAGE_PARAMS), PAGE_PARAMS);
  const names = pageEdgeNames(nodes, dictionary, evidenceOf);
  return (concept) => {
    const source = nodes.index.get(`concept\0${dictionary.ids[concept] ?? ""}`);
    if (source === undefined) return [];
    return pageEdges(ranker.block([concept]), 0, source, concept, names);
  };
}

/** What `pageEdges` names a build's records and concepts by. */
export function pageEdgeNames(
  nodes: Nodes,
  dictionary: Pick<ConceptDictionary, "ids">,
  evidenceOf: PageEdgeNames["evidenceOf"],
): PageEdgeNames {
  return { ids: dictionary.ids, recordId: (node) => nodes.keys[node]?.id, evidenceOf };
}
