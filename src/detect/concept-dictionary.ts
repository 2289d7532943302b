/**
 * The concept dictionary: every surface form of every concept (names in each language, aliases, Wikipedia
 * anchor texts) in a token trie, with each form's candidate concepts, their prior and the form's specificity;
 * plus the ontology (cluster, category, parent category, concept links) that disambiguation votes with.
 * Built once from plain data; matching is `spot-surfaces.ts`, scoring `candidate-evidence.ts`.
 */
import { sharedFloat32, sharedInt32From } from "../core/shared-arrays.js";
import { STOPWORDS } from "../text/stopwords.js";
import { phraseKeys } from "../text/tokenise.js";
import { buildLinkLists, type LinkLists, linksOf } from "./link-lists.js";
import {
  buildSurfaceTable,
  type SurfaceKind,
  type SurfaceSource,
  type SurfaceTable,
  surfaceAt,
} from "./surface-table.js";
import { buildSurfaceTrie, type SurfaceTrie, TRIE_ROOT, trieChild, trieSurface } from "./surface-trie.js";

/** What the dictionary needs to know of one concept. */
export interface ConceptSource {
  readonly id: string;
  /** Display name (English when it exists). */
  readonly name: string;
  /** Names in every language, the display name included. */
  readonly names: readonly string[];
  readonly aliases: readonly string[];
  readonly cluster: string | undefined;
  readonly category: string | undefined;
  readonly parentCategory: string | undefined;
  /** Ids of concepts this one links to. */
  readonly links: readonly string[];
}

/** How often an anchor text links to a concept in a Wikipedia dump. */
export interface AnchorSource {
  readonly surface: string;
  readonly conceptId: string;
  readonly count: number;
}

/**
 * The built dictionary. Concepts are numbered 0…n-1 in the order given. Its tables (trie, surface forms, ontology,
 * links, features) are typed arrays on shared memory: a structured copy of the dictionary (a worker's `workerData`)
 * shares them and copies only the ids, names and index.
 */
export interface ConceptDictionary {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** The token trie of every surface form (`surface-trie.ts`). */
  readonly trie: SurfaceTrie;
  /** The surface forms and their candidates (`surface-table.ts`), numbered as the trie's surfaces. */
  readonly surfaces: SurfaceTable;
  /** Cluster, category and parent category of each concept, as small integers (-1 when unknown). */
  readonly cluster: Int32Array;
  readonly category: Int32Array;
  readonly parentCategory: Int32Array;
  /** Concept links of each concept, both directions, sorted (`linksOf`). */
  readonly links: LinkLists;
  /** Longest surface form, in tokens. */
  readonly maxTokens: number;
  /**
   * What is known of each concept whatever the text, `CONCEPT_FEATURES.length` values per concept (row-major):
   * how connected it is in the ontology, how many forms name it, and how often the corpus names it (`measureUsage`
   * fills these; 0 until then).
   */
  readonly conceptFeatures: Float32Array;
}

/**
 * The per-concept features of `conceptFeatures`: ln(1 + concept links), ln(1 + the surface forms that may mean
 * it), and for each type of `USAGE_TYPES` the share of that type's records whose text names it. (The sizes of its
 * cluster and category were measured and left out: they taught the score that concepts of a large cluster, such as
 * the immune system's, matter less, for no gain.)
 */
export const CONCEPT_FEATURES = [
  "links",
  "forms",
  "courseUsage",
  "moocUsage",
  "lectureUsage",
  "publicationUsage",
] as const;

/** The record types whose texts `measureUsage` reads, in the order of the usage features. */
export const USAGE_TYPES = ["course", "mooc", "lecture", "publication"] as const;

/** Where the first usage feature sits in a concept's row. */
export const USAGE_OFFSET = CONCEPT_FEATURES.indexOf("courseUsage");

/** Inverse document frequencies of token keys over a collection (see `documentFrequencies`). */
export interface TokenRarity {
  /** ln(1 + N / (df + 1)) of a key; unknown keys are the rarest. */
  readonly idf: (key: string) => number;
  /** The largest idf: that of a key no document has, ln(1 + N). */
  readonly maxIdf: number;
}

/** Options of `buildConceptDictionary`. */
export interface DictionaryOptions {
  /** Token rarity for specificity; default: every token as rare as in a 50,000-document collection. */
  readonly rarity?: TokenRarity;
  /** Wikipedia anchor statistics to add, if a dump was imported. */
  readonly anchors?: Iterable<AnchorSource>;
  /**
   * Names of the ontology's fields (its categories) that no concept bears: phrases of two words or more matched
   * with no candidate, so that the words inside one are read as part of it, as a phrase inside a longer one is
   * ("machine" and "learning" in "machine learning", a field here, are not the concepts Machine and Learning).
   */
  readonly fieldNames?: Iterable<string>;
}

const KIND_WEIGHT: Readonly<Record<SurfaceKind, number>> = {
  name: 1,
  alias: 0.7,
  anchor: 0.7,
  base: 0.5,
  derived: 0.5,
};
const MAX_TOKENS = 12;
// Specificity: 1 - exp(-(sum of the tokens' IDF) / (SPECIFICITY_SHARE · max IDF)): relative to the collection's
// size, so that a small corpus does not make every word look common.
const SPECIFICITY_SHARE = 0.65;
const DEFAULT_RARITY: TokenRarity = { idf: () => Math.log(1 + 50_000), maxIdf: Math.log(1 + 50_000) };

interface Draft {
  text: string;
  keys: string[];
  weights: Map<number, { weight: number; kind: SurfaceKind; caseSensitive: boolean }>;
  anchorCounts: Map<number, number>;
}

// A leading article ("the United States", "la Suisse") adds nothing to an alias or an anchor text but a longer
// match than the name, which hid the name and its capital: the text's "the" is not part of the mention.
// Not "a" or "an", which begin Latin phrases ("a priori") and names.
const ARTICLE = /^(?:(?:the|le|la|les)\s+|l['’]\s*)(?=\S)/i;

/** `form` without a leading article, unless nothing but the article would be left. */
export function withoutArticle(form: string): string {
  const rest = form.replace(ARTICLE, "");
  return rest.trim() === "" ? form : rest;
}

/** Builds the dictionary from the concepts (and optional anchor statistics). */
export function buildConceptDictionary(
  concepts: Iterable<ConceptSource>,
  options: DictionaryOptions = {},
): ConceptDictionary {
  const ids: string[] = [];
  const names: string[] = [];
  const index = new Map<string, number>();
  const ontology = { cluster: [] as number[], category: [] as number[], parent: [] as number[] };
  const intern = internTable();
  const linkLists: string[][] = [];
  const drafts = new Map<string, Draft>();
  for (const concept of concepts) {
    if (index.has(concept.id)) continue;
    const n = ids.length;
    index.set(concept.id, n);
    ids.push(concept.id);
    names.push(concept.name);
    ontology.cluster.push(intern("cluster", concept.cluster));
    ontology.category.push(intern("category", concept.category));
    ontology.parent.push(intern("parent", concept.parentCategory));
    linkLists.push([...concept.links]);
    for (const form of concept.names) addForm(drafts, form, n, isDisambiguated(form) ? "base" : "name");
    for (const form of concept.aliases) addForm(drafts, withoutArticle(form), n, "alias");
    for (const form of concept.names) {
      const acronym = acronymOf(form);
      if (acronym) addForm(drafts, acronym, n, "derived");
    }
  }
  for (const anchor of options.anchors ?? []) {
    const n = index.get(anchor.conceptId);
    if (n !== undefined) addForm(drafts, withoutArticle(anchor.surface), n, "anchor", anchor.count);
  }
  for (const form of options.fieldNames ?? []) addField(drafts, form);
  const rarity = options.rarity ?? DEFAULT_RARITY;
  const finished = [...drafts.values()];
  const surfaces = finished.map((draft) => finishSurface(draft, rarity));
  const links = buildLinkLists(symmetricLinks(linkLists, index));
  return {
    ids,
    names,
    index,
    trie: buildSurfaceTrie(finished.map((draft) => draft.keys)),
    surfaces: buildSurfaceTable(surfaces),
    cluster: sharedInt32From(ontology.cluster),
    category: sharedInt32From(ontology.category),
    parentCategory: sharedInt32From(ontology.parent),
    links,
    maxTokens: finished.reduce((most, draft) => Math.max(most, draft.keys.length), 0),
    conceptFeatures: ontologyFeatures(ids.length, links, surfaces),
  };
}

/** The rows of `conceptFeatures`, with the ontology's part filled in. */
function ontologyFeatures(n: number, links: LinkLists, surfaces: readonly SurfaceSource[]): Float32Array {
  const forms = new Uint32Array(n);
  for (const surface of surfaces)
    for (const c of surface.candidates) forms[c.concept] = (forms[c.concept] ?? 0) + 1;
  const width = CONCEPT_FEATURES.length;
  const rows = sharedFloat32(n * width);
  for (let i = 0; i < n; i += 1) {
    rows[i * width] = coarse(Math.log1p(linksOf(links, i).length));
    rows[i * width + 1] = coarse(Math.log1p(forms[i] ?? 0));
  }
  return rows;
}

/**
 * A log-scale value rounded to half units: a concept feature then says "about this many", never a value that only
 * one cluster or concept has, which a fitted score could learn to recognise instead of learning what it means.
 */
export function coarse(logValue: number): number {
  return Math.round(logValue * 2) / 2;
}

/**
 * The initials of a name of three to six words, as its likely acronym: "Recurrent neural network" → "RNN",
 * "Part of speech" → "POS". Undefined for shorter or longer names and for names with digits.
 */
export function acronymOf(name: string): string | undefined {
  if (isDisambiguated(name) || /\d/.test(name)) return undefined;
  const words = name.match(/[\p{L}\p{M}]+/gu) ?? [];
  if (words.length < 3 || words.length > 6) return undefined;
  return words.map((w) => w.charAt(0).toUpperCase()).join("");
}

/** True for a title with a disambiguator in brackets: "Mercury (planet)". */
function isDisambiguated(form: string): boolean {
  return /\S\s*\([^)]+\)\s*$/.test(form);
}

function addForm(
  drafts: Map<string, Draft>,
  form: string,
  concept: number,
  kind: SurfaceKind,
  count = 0,
): void {
  const visible = kind === "base" ? form.replace(/\s*\([^)]*\)\s*$/, "") : form;
  const keys = phraseKeys(visible);
  const caseSensitive = isAcronym(visible);
  if (!isMatchable(keys, caseSensitive)) return;
  const key = keys.join(" ");
  let draft = drafts.get(key);
  if (!draft) {
    draft = { text: visible.trim(), keys, weights: new Map(), anchorCounts: new Map() };
    drafts.set(key, draft);
  }
  if (kind === "anchor") draft.anchorCounts.set(concept, (draft.anchorCounts.get(concept) ?? 0) + count);
  const previous = draft.weights.get(concept);
  if (!previous || KIND_WEIGHT[kind] > previous.weight) {
    draft.weights.set(concept, {
      weight: KIND_WEIGHT[kind],
      kind,
      caseSensitive: previous ? previous.caseSensitive && caseSensitive : caseSensitive,
    });
  } else if (!caseSensitive && previous.caseSensitive) {
    draft.weights.set(concept, { ...previous, caseSensitive: false });
  }
}

/** A field's name of two words or more as a phrase with no candidate, unless a concept bears it already. */
function addField(drafts: Map<string, Draft>, form: string): void {
  const keys = phraseKeys(form);
  if (keys.length < 2 || !isMatchable(keys, false)) return;
  const key = keys.join(" ");
  if (!drafts.has(key))
    drafts.set(key, { text: form.trim(), keys, weights: new Map(), anchorCounts: new Map() });
}

/**
 * True when `form` is an acronym (in capitals) whose words, read without their case, are a phrase of the dictionary
 * that means something else too: full text, blind to case, cannot tell "EELS" (the spectroscopy) from "eels".
 */
export function isCaseBlindAmbiguous(dictionary: ConceptDictionary, form: string): boolean {
  if (!isAcronym(form)) return false;
  let node = TRIE_ROOT;
  for (const key of phraseKeys(form)) {
    node = trieChild(dictionary.trie, node, key);
    if (node < 0) return false;
  }
  const s = trieSurface(dictionary.trie, node);
  return s >= 0 && surfaceAt(dictionary.surfaces, s).candidates.some((c) => !c.caseSensitive);
}

/**
 * A phrase can be matched unless it is empty, too long, one letter, or only numbers and stopwords; an acronym
 * (matched in capitals only) may be made of stopwords: "IL-6" is not the French "il".
 */
function isMatchable(keys: readonly string[], acronym: boolean): boolean {
  if (keys.length === 0 || keys.length > MAX_TOKENS) return false;
  if (keys.every((k) => /^\d+$/.test(k))) return false;
  if (!acronym && keys.every((k) => /^\d+$/.test(k) || STOPWORDS.has(k))) return false;
  return !(keys.length === 1 && (keys[0]?.length ?? 0) < 2);
}

/**
 * Written without lower-case letters, with 2 to 6 letters: "DNA", "IL-6", "ACID"; or the plural of one ("PDEs"), as
 * the tokeniser reads capitals.
 */
function isAcronym(form: string): boolean {
  const singular = form.replace(/(?<=\p{Lu})s$/u, "");
  const letters = singular.match(/\p{L}/gu) ?? [];
  return letters.length >= 2 && letters.length <= 6 && !/\p{Ll}/u.test(singular);
}

function finishSurface(draft: Draft, rarity: TokenRarity): SurfaceSource {
  const anchorTotal = [...draft.anchorCounts.values()].reduce((a, b) => a + b, 0);
  const raw = [...draft.weights].map(([concept, w]) => {
    // With anchor statistics, commonness (the share of the anchor's links to this concept) joins the kind's weight.
    const commonness = anchorTotal > 0 ? (draft.anchorCounts.get(concept) ?? 0) / anchorTotal : 0;
    return {
      concept,
      weight: w.weight * (anchorTotal > 0 ? 0.5 + commonness : 1),
      kind: w.kind,
      cs: w.caseSensitive,
    };
  });
  const total = raw.reduce((sum, c) => sum + c.weight, 0);
  // An acronym's words are never function words: "IL" in "IL-6" is not the French "il".
  const acronym = isAcronym(draft.text);
  const sumIdf = draft.keys.reduce(
    (sum, key) => sum + (STOPWORDS.has(key) && !acronym ? 0 : rarity.idf(key)),
    0,
  );
  return {
    text: draft.text,
    tokens: draft.keys.length,
    candidates: raw.map((c) => ({
      concept: c.concept,
      prior: c.weight / total,
      kind: c.kind,
      caseSensitive: c.cs,
    })),
    specificity: 1 - Math.exp(-sumIdf / (SPECIFICITY_SHARE * rarity.maxIdf)),
  };
}

function internTable(): (table: string, value: string | undefined) => number {
  const tables = new Map<string, Map<string, number>>();
  return (table, value) => {
    if (value === undefined) return -1;
    let map = tables.get(table);
    if (!map) {
      map = new Map();
      tables.set(table, map);
    }
    let id = map.get(value);
    if (id === undefined) {
      id = map.size;
      map.set(value, id);
    }
    return id;
  };
}

function symmetricLinks(lists: readonly string[][], index: ReadonlyMap<string, number>): Int32Array[] {
  const sets = lists.map(() => new Set<number>());
  lists.forEach((targets, source) => {
    for (const target of targets) {
      const t = index.get(target);
      if (t === undefined || t === source) continue;
      sets[source]?.add(t);
      sets[t]?.add(source);
    }
  });
  return sets.map((set) => Int32Array.from([...set].sort((a, b) => a - b)));
}

/** Document frequency of each token key over `texts`, as an IDF function: ln(1 + N / (df + 1)). */
export function documentFrequencies(
  texts: Iterable<string>,
  tokenKeys: (text: string) => string[],
): TokenRarity {
  const df = new Map<string, number>();
  let documents = 0;
  for (const text of texts) {
    documents += 1;
    for (const key of new Set(tokenKeys(text))) df.set(key, (df.get(key) ?? 0) + 1);
  }
  return {
    idf: (key) => Math.log(1 + documents / ((df.get(key) ?? 0) + 1)),
    maxIdf: Math.log(1 + documents),
  };
}
