/**
 * One search box over every type: ids, exact names, then full text (every word, then with typos corrected,
 * then some words), merged by match tier and ranked within a tier (see `ranking.ts`).
 */

import type { SearchFieldWeights, SearchHit, SearchIndexReader, TextQuery } from "../store/store.js";
import { editDistance } from "../text/edit-distance.js";
import type { TranslationTable } from "../text/learn-translations.js";
import { STOPWORDS } from "../text/stopwords.js";
import { blendTypes, TYPE_DECAY } from "./blend-types.js";
import { closeNameHits } from "./correct-names.js";
import { correctTypos } from "./correct-typos.js";
import { highlightText } from "./highlight.js";
import { type ParsedQuery, parseQuery, requiredGroups } from "./parse-query.js";
import {
  compareRanked,
  demoteRepeats,
  hitScore,
  MATCH_TIERS,
  type MatchTier,
  nameOverlap,
  REPEAT_PENALTY,
  spellingCloseness,
  TEXT_MATCH_FACTORS,
} from "./ranking.js";
import { prefixKey } from "./search-keys.js";

/** How search ranks; the defaults are the measured best (see docs/EXPERIMENTS.md, "Search"). */
export interface SearchTuning {
  /** BM25 weights of name, aliases, keywords, description, body; default `[10, 6, 30, 3, 1]`. */
  readonly fieldWeights: SearchFieldWeights;
  /** Strength of type weights from 0 (off) to 1 (ln-damped EPFL weights); default 1. */
  readonly typeStrength: number;
  /** Relevance given to hits found without full text (exact names, ids); default 1. */
  readonly floor: number;
  /** Correct typos when the words as typed match too little; default true. */
  readonly typos: boolean;
  /** Weight of the query-name word overlap: scores are multiplied by `1 + nameWeight × overlap`; default 0.1. */
  readonly nameWeight: number;
  /**
   * Name-matched copies of a record's type and name after the first fall to the text tier, their score
   * multiplied by this per copy above (1 turns it off); default 0.5 (see `demoteRepeats`).
   */
  readonly repeatPenalty: number;
  /**
   * In a list of several types, what each further text hit of a type is worth next to the one before
   * (`blendTypes`), in (0, 1], 1 turning it off; default `TYPE_DECAY`.
   */
  readonly typeDecay: number;
}

/** The default tuning. */
export const DEFAULT_TUNING: SearchTuning = {
  // Keywords are the subject headings their authors gave a course or a publication: 30 rather than 12 took keyword
  // nDCG@10 from 0.532 to 0.554 on the tune half (0.500 to 0.519 on the check half; see docs/EXPERIMENTS.md).
  fieldWeights: [10, 6, 30, 3, 1],
  typeStrength: 1,
  floor: 1,
  typos: true,
  nameWeight: 0.1,
  repeatPenalty: REPEAT_PENALTY,
  typeDecay: TYPE_DECAY,
};

/** Options of `search`. */
export interface SearchOptions {
  /** Only these types; default every type. */
  readonly types?: readonly string[];
  /** The query's language ("en" or "fr"), if known; both languages match either way. */
  readonly lang?: string;
  /** The corpus's learned French → English table (`app/corpus-translations.ts`); default none, cognate rules only. */
  readonly translations?: TranslationTable;
  /** Hits to return, default 10. */
  readonly limit?: number;
  /** Hits to skip, default 0. */
  readonly offset?: number;
  /** Ranking parameters; default `DEFAULT_TUNING`. */
  readonly tuning?: SearchTuning;
}

/** One ranked hit. */
export interface RankedHit {
  readonly type: string;
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly score: number;
  readonly tier: MatchTier;
  /** HTML snippet with the matched words in `<mark>`. */
  readonly highlight: string;
}

/** A page of hits, the number of matching records and their count per type. */
export interface SearchResult {
  readonly items: readonly RankedHit[];
  readonly total: number;
  readonly facets: Readonly<Record<string, number>>;
  /** The English a query read as French was also matched as, whole ("apprentissage automatique": "machine learning"). */
  readonly english: readonly string[];
}

// Fewer full-text hits than this with every word as typed, and typos are looked for.
const FEW_HITS = 5;
const SNIPPET_CHARS = 200;
const MAX_SPELLING_EDITS = 3;
// A phrase held by this many records or more boosts no hit.
const PHRASE_COMMON = 1_000;
const SHORT_FIELDS = ["name", "aliases", "keywords", "description"] as const;
// The best text hits of each type a mixed list fetches besides the best of all types, for `blendTypes` to interleave.
const PER_TYPE = 5;

/** Searches the index for `raw` (any text a user may type: never throws on its content). */
export async function search(
  index: SearchIndexReader,
  raw: string,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const query = parseQuery(raw, options.lang, options.translations);
  const limit = options.limit ?? 10;
  const offset = options.offset ?? 0;
  const types = options.types && options.types.length > 0 ? options.types : undefined;
  const run: SearchRun = {
    index,
    query,
    tuning: options.tuning ?? DEFAULT_TUNING,
    types,
    wanted: Math.max(50, offset + limit),
    page: offset + limit,
    typed: prefixKey(query.text),
    groups: query.groups,
    someGroups: query.groups,
    ranked: new Map(),
  };
  if (query.idCandidate !== undefined) {
    const id = query.idCandidate;
    const hits = await index.findById(id, types, run.wanted);
    addHits(run, hits, (h) => (h.id === id ? MATCH_TIERS.idExact : MATCH_TIERS.idFolded));
  }
  if (query.groups.length === 0) return finish(run, limit, offset, {});
  const allWords = await addNameAndTextHits(run);
  let facetQuery = allWords.query;
  const named = (): boolean => [...run.ranked.values()].some((r) => r.tier > MATCH_TIERS.text);
  // A query that names a record as typed needs no correction.
  if (run.tuning.typos && allWords.found < FEW_HITS && !named()) {
    const corrected = await addCorrectedHits(run, allWords.found === 0);
    if (corrected !== undefined && allWords.found === 0) facetQuery = corrected;
  }
  if (allWords.found < FEW_HITS && !named() && query.groups.length > 1) {
    // Facets count what the list holds: records with some of the words. A number alone says nothing of what a
    // record is about ("Interleukin 6" must not list every "Studio BA6"), so numbers match only beside a word.
    const required = requiredGroups(run.someGroups, run.query.capitals);
    const worded = required.filter((g) => !/^\d+$/.test(g[0] ?? ""));
    facetQuery = textQuery(run, worded.length > 0 ? worded : required, "any");
    // A record whose name is some of the words in a row, whole, is what they name ("tackling Weed": the concept Weed
    // before "Noxious weed"): it weighs as a hit of every word (not by an alias: "weed" is also Cannabis's).
    const spans = new Set(subSpans(query.matchKey));
    addHits(
      run,
      await index.searchText(facetQuery),
      () => MATCH_TIERS.text,
      (h) => (spans.has(h.nameKeys[0] ?? "") ? TEXT_MATCH_FACTORS.allWords : TEXT_MATCH_FACTORS.someWords),
    );
  }
  if (run.tuning.typos && !named()) {
    const candidates = [...run.ranked.values()].map((r) => r.hit);
    addHits(run, await closeNameHits(index, run.typed, candidates, types), () => MATCH_TIERS.correctedName);
  }
  const facets =
    facetQuery === allWords.query && allWords.facets !== undefined
      ? allWords.facets
      : await index.countTextMatches({ ...facetQuery, types: [] });
  return finish(run, limit, offset, facets);
}

/** The runs of one or more consecutive words of `key` ("a b c": "a", "a b", "b", "b c", "c"), but the whole. */
function subSpans(key: string): string[] {
  const words = key.split(" ").filter((w) => w !== "");
  const spans: string[] = [];
  for (let i = 0; i < words.length; i += 1)
    for (let j = i + 1; j <= words.length; j += 1)
      if (j - i < words.length && !STOPWORDS.has(words[i] ?? "")) spans.push(words.slice(i, j).join(" "));
  return spans;
}

/** The state of one search: what it asks and the hits ranked so far, by record key. */
interface SearchRun {
  readonly index: SearchIndexReader;
  readonly query: ParsedQuery;
  readonly tuning: SearchTuning;
  readonly types: readonly string[] | undefined;
  /** Candidates each step fetches. */
  readonly wanted: number;
  /** Hits up to the end of the page asked for (offset + limit). */
  readonly page: number;
  /** The query's folded words, compared with whole names. */
  readonly typed: string;
  /** The query's word groups, with typo corrections once looked for. */
  groups: readonly (readonly string[])[];
  /** The groups a hit with some of the words is looked for with: typo corrections of unknown words only. */
  someGroups: readonly (readonly string[])[];
  readonly ranked: Map<string, RankedEntry>;
}

interface RankedEntry {
  readonly hit: SearchHit;
  readonly tier: MatchTier;
  readonly score: number;
}

/**
 * Exact-name hits and the hits holding every (long) word; returns the every-word query, its hit count and, when
 * those hits are every match of every type, their counts per type.
 */
async function addNameAndTextHits(
  run: SearchRun,
): Promise<{ query: TextQuery; found: number; facets?: Record<string, number> }> {
  const { index, query } = run;
  // "électricité" names the concept "Electricity" through its English form, as a corrected query would, below a
  // record whose own name (any language) is typed: "Biologie du développement" is the course of that French name
  // before it is the category "Developmental biology".
  const keys = [query.matchKey, ...query.englishKeys];
  const nameTier = (h: SearchHit) => {
    if (h.nameKeys[0] === query.matchKey) return MATCH_TIERS.name;
    return h.nameKeys.includes(query.matchKey) ? MATCH_TIERS.alias : MATCH_TIERS.correctedName;
  };
  addHits(run, await index.findByName(keys, run.types, run.wanted), nameTier);
  const all = textQuery(run, requiredGroups(query.groups, query.capitals), "all");
  // Long texts hold a common word everywhere: a one-word query matches the short fields first, the whole text
  // when they fill no page (several words intersect cheaply, and a column filter costs more than it saves).
  // Where counting is cheap, their matches are counted before they are ranked: a rare word's fill no page, and
  // ranking them would read the rows of hits thrown away.
  // A list of several types also takes the best few of each type (see `blendTypes`): "energy" holds 275 courses,
  // none among the 50 best concepts named with it.
  const mixed: TextQuery = isMixed(run) ? { ...all, perType: PER_TYPE } : all;
  const short: TextQuery = { ...mixed, fields: SHORT_FIELDS };
  const fillsPage =
    all.groups.length === 1 &&
    (!index.countsBeforeRanking || sumCounts(await index.countTextMatches(short)) >= run.page);
  let hits = fillsPage ? await index.searchText(short) : [];
  let complete = false;
  if (hits.length < run.page) {
    hits = await index.searchText(mixed);
    // Every match is in hand when fewer came than asked, of any type, and no field weighs 0 (PostgreSQL's BM25
    // leaves out a match found in such a field only; the count keeps it).
    complete = hits.length < all.limit && all.types === undefined && all.weights.every((w) => w > 0);
  }
  const tierOf = (h: SearchHit) =>
    keys.some((k) => h.nameKeys.includes(k)) ? nameTier(h) : MATCH_TIERS.text;
  const phrase = await phraseHolders(run, hits);
  addHits(run, hits, tierOf, (h) =>
    phrase.has(hitKey(h)) ? TEXT_MATCH_FACTORS.phrase : TEXT_MATCH_FACTORS.allWords,
  );
  // Fewer hits than asked, of any type: they are the facets, no need to count the matches again.
  return complete
    ? { query: all, found: hits.length, facets: countByType(hits) }
    : { query: all, found: hits.length };
}

/** True when the list mixes types (no type asked, or several): the All tab, whose text hits `blendTypes` interleaves. */
function isMixed(run: SearchRun): boolean {
  return run.types === undefined || run.types.length > 1;
}

/** Hits once typos are corrected; returns the corrected every-word query, or undefined without corrections. */
async function addCorrectedHits(run: SearchRun, everyWord: boolean): Promise<TextQuery | undefined> {
  const corrected = await correctTypos(run.index, run.query, everyWord);
  if (corrected === undefined) return undefined;
  run.groups = corrected.groups;
  run.someGroups = corrected.unknownGroups;
  const query = textQuery(run, requiredGroups(corrected.groups, run.query.capitals), "all");
  addHits(
    run,
    await run.index.findByName(corrected.matchKeys, run.types, run.wanted),
    () => MATCH_TIERS.correctedName,
  );
  const hits = await run.index.searchText(query);
  const tierOf = (h: SearchHit) =>
    corrected.matchKeys.some((k) => h.nameKeys.includes(k)) ? MATCH_TIERS.correctedName : MATCH_TIERS.text;
  addHits(run, hits, tierOf, () => TEXT_MATCH_FACTORS.correctedWords);
  return hits.length > 0 ? query : undefined;
}

/** Scores hits in their tier (text relevance × `factor`) and keeps each record's best (tier, score). */
function addHits(
  run: SearchRun,
  hits: readonly SearchHit[],
  tierOf: (hit: SearchHit) => MatchTier,
  factorOf: (hit: SearchHit) => number = () => TEXT_MATCH_FACTORS.allWords,
): void {
  const { tuning } = run;
  for (const hit of hits) {
    const tier = tierOf(hit);
    const byName = tier >= MATCH_TIERS.correctedName && tier <= MATCH_TIERS.name;
    // A whole-name match ranks by type, importance and spelling, not by how often its words occur.
    const relevance = byName ? 0 : hit.relevance * factorOf(hit);
    let score = hitScore(relevance, hit.type, hit.importance, tuning.typeStrength, tuning.floor);
    score *= 1 + tuning.nameWeight * nameOverlap(run.groups, hit.nameKeys[0] ?? "");
    if (byName) score *= spellingCloseness(editDistance(run.typed, prefixKey(hit.name), MAX_SPELLING_EDITS));
    const key = hitKey(hit);
    const seen = run.ranked.get(key);
    if (seen === undefined || tier > seen.tier || (tier === seen.tier && score > seen.score)) {
      run.ranked.set(key, { hit, tier, score });
    }
  }
}

/**
 * Keys of the hits holding the query's words as one phrase ("T cells" together, not a "T" in one sentence and
 * "cells" in another), when the query has several words, none a function word, and there are hits to order.
 */
async function phraseHolders(run: SearchRun, hits: readonly SearchHit[]): Promise<Set<string>> {
  const holders = new Set<string>();
  if (hits.length < 2) return holders;
  // The query as typed, and its English forms: "science des données" is the phrase "data science" in English texts.
  for (const key of [run.query.matchKey, ...run.query.englishKeys]) {
    const words = key.split(" ");
    // Not through function words: theirs are the longest position lists of the index ("immunology of cell" costs
    // twice "t cell" to look up), and keyword nDCG@10 keeps 0.529 of the 0.539 that every phrase gives.
    if (words.length < 2 || words.some((w) => STOPWORDS.has(w))) continue;
    // A phrase that many records hold tells the hits little apart: the store boosts none then.
    const found = await run.index.findPhraseHolders(words, hits, run.types, PHRASE_COMMON);
    for (const hit of found) holders.add(hitKey(hit));
  }
  return holders;
}

/** The key of a record in `SearchRun.ranked`. */
function hitKey(key: { readonly type: string; readonly id: string }): string {
  return `${key.type}\u0000${key.id}`;
}

function sumCounts(counts: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (const n of Object.values(counts)) sum += n;
  return sum;
}

function countByType(hits: readonly SearchHit[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const hit of hits) counts[hit.type] = (counts[hit.type] ?? 0) + 1;
  return counts;
}

function textQuery(
  run: SearchRun,
  groups: readonly (readonly string[])[],
  require: TextQuery["require"],
): TextQuery {
  return {
    groups,
    require,
    types: run.types,
    weights: run.tuning.fieldWeights,
    limit: run.wanted,
  };
}

function finish(
  run: SearchRun,
  limit: number,
  offset: number,
  facets: Readonly<Record<string, number>>,
): SearchResult {
  const { types } = run;
  const sorted = [...run.ranked.values()]
    // Built field by field: sorting objects made by spreading cost a tenth of a search.
    .map((r) => ({ hit: r.hit, tier: r.tier, score: r.score, type: r.hit.type, id: r.hit.id }))
    .sort(compareRanked);
  const all = demoteRepeats(
    sorted,
    (r) => r.hit.nameKeys[0] ?? prefixKey(r.hit.name),
    run.tuning.repeatPenalty,
  );
  const shown = isMixed(run) ? blendTypes(all, run.tuning.typeDecay) : all;
  const counted = Object.entries(facets)
    .filter(([type]) => types === undefined || types.includes(type))
    .reduce((sum, [, n]) => sum + n, 0);
  const keys = new Set(run.groups.flat());
  const items = shown.slice(offset, offset + limit).map(({ hit, tier, score }) => {
    // Where the description holds none of the words (a match in the keywords, the text or the name alone), its
    // beginning says what the record is about; the name, shown beside it anyway, only when there is no description.
    const fromSnippet = highlightText(hit.snippet, keys, SNIPPET_CHARS);
    const highlight =
      fromSnippet.matches > 0 || hit.snippet.trim() !== ""
        ? fromSnippet
        : highlightText(hit.name, keys, SNIPPET_CHARS);
    return {
      type: hit.type,
      id: hit.id,
      name: hit.name,
      description: hit.snippet,
      score: Math.round(score * 1e4) / 1e4,
      tier,
      highlight: highlight.html,
    };
  });
  return { items, total: Math.max(counted, all.length), facets, english: run.query.englishKeys };
}
