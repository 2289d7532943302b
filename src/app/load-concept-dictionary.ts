/**
 * Builds the concept dictionary from what the Store holds: concepts with their names, aliases, cluster,
 * category and links; category parents; Wikipedia anchor counts; token frequencies over the corpus's
 * descriptions for specificity; and how often the corpus's courses, MOOCs, lectures and publications name each
 * concept.
 */

import type { CorpusRecord } from "../core/record.js";
import {
  buildConceptDictionary,
  type ConceptDictionary,
  type ConceptSource,
  documentFrequencies,
} from "../detect/concept-dictionary.js";
import { measureUsage } from "../detect/concept-usage.js";
import type { AnchorCount, StoreReader } from "../store/store.js";
import { phraseKeys } from "../text/tokenise.js";
import { recordCorrector } from "./curated-records.js";
import { DATA_VERSION_KEY } from "./data-version.js";

/** Record types whose texts give the token frequencies behind specificity, and how many of each at most. */
const FREQUENCY_SOURCES: readonly [type: string, max: number][] = [
  ["course", 5_000],
  ["mooc", 5_000],
  ["concept", 40_000],
  ["publication", 5_000],
  ["lecture", 10_000],
];

/**
 * The dictionary of `store`, built on first use and kept: a call at least `recheckMs` after the last check
 * reads the data version (one indexed read) and rebuilds the dictionary when an import changed the data since.
 * Until the new one is built, callers get the previous one; calls in between share one build.
 */
export function cachedConceptDictionary(
  store: StoreReader,
  options: { readonly recheckMs?: number; readonly now?: () => number } = {},
): () => Promise<ConceptDictionary> {
  const recheckMs = options.recheckMs ?? 10_000;
  const now = options.now ?? Date.now;
  let current: { version: string | undefined; dictionary: Promise<ConceptDictionary> } | undefined;
  let next: Promise<void> | undefined;
  let checked = now();
  const build = async (version: string | undefined) => ({
    version,
    dictionary: loadConceptDictionary(store),
  });
  return async () => {
    if (current === undefined) {
      current = await build(await store.getMeta(DATA_VERSION_KEY));
      checked = now();
      return current.dictionary;
    }
    if (next === undefined && now() - checked >= recheckMs) {
      checked = now();
      next = (async () => {
        const version = await store.getMeta(DATA_VERSION_KEY);
        if (version !== current?.version) {
          const fresh = await build(version);
          await fresh.dictionary;
          current = fresh;
        }
      })()
        .catch(() => undefined)
        .finally(() => {
          next = undefined;
        });
    }
    return current.dictionary;
  };
}

/** Reads the concepts of `store` and builds their dictionary. */
export async function loadConceptDictionary(store: StoreReader): Promise<ConceptDictionary> {
  const parents = new Map<string, string>();
  const fieldNames: string[] = [];
  for await (const category of store.scanRecords("category")) {
    const parent = category.links?.find((l) => l.rel === "parent" && l.type === "category");
    if (parent) parents.set(category.id, parent.id);
    fieldNames.push(...Object.values(category.name));
  }
  const concepts: ConceptSource[] = [];
  const correct = await recordCorrector(store);
  for await (const record of store.scanRecords("concept"))
    concepts.push(toConceptSource(correct(record), parents));
  const texts = new Map<string, string[]>();
  for (const [type, max] of FREQUENCY_SOURCES) {
    const ofType: string[] = [];
    for await (const record of store.scanRecords(type)) {
      if (ofType.length >= max) break;
      ofType.push(documentText(record));
    }
    texts.set(type, ofType);
  }
  const anchors: AnchorCount[] = [];
  for await (const anchor of store.scanAnchors()) anchors.push(anchor);
  const rarity = documentFrequencies([...texts.values()].flat(), phraseKeys);
  return measureUsage(buildConceptDictionary(concepts, { rarity, anchors, fieldNames }), texts);
}

function toConceptSource(record: CorpusRecord, parents: ReadonlyMap<string, string>): ConceptSource {
  const category = record.links?.find((l) => l.rel === "category" && l.type === "category")?.id;
  const cluster = record.attrs?.cluster;
  return {
    id: record.id,
    name: record.name.en ?? Object.values(record.name)[0] ?? record.id,
    names: [...new Set(Object.values(record.name))],
    aliases: record.aliases ?? [],
    cluster: cluster === undefined ? undefined : String(cluster),
    category,
    parentCategory: category === undefined ? undefined : parents.get(category),
    links: (record.links ?? []).filter((l) => l.rel === "link" && l.type === "concept").map((l) => l.id),
  };
}

/** The name, description and beginning of the text of a record, in every language: what describes it. */
function documentText(record: CorpusRecord): string {
  const parts = [
    ...Object.values(record.name),
    ...Object.values(record.description ?? {}),
    ...Object.values(record.text ?? {}).map((t) => t.slice(0, 2_000)),
  ];
  return parts.join("\n");
}
