/**
 * The Wikipedia import use case: stream a MediaWiki dump and enrich the concepts the Store already has —
 * redirects become aliases, an article's lead becomes the description where the corpus has none (and, from a
 * non-English dump, the title becomes the concept's name in that language), categories are kept in attrs, and
 * every link to a concept becomes anchor statistics for the detector. Nothing the corpus gave is overwritten.
 */
import { basename } from "node:path";
import type { CorpusRecord } from "../core/record.js";
import { detectDumpLanguage, readWikipediaDump, type WikiPage } from "../ingest/wikipedia/wikipedia-dump.js";
import type { AnchorCount, Store } from "../store/store.js";
import { markDataChanged } from "./data-version.js";

/** Options of `importWikipedia`. */
export interface WikipediaImportOptions {
  /** The dump's language; default: read from the dump's header, else "en". */
  readonly lang?: string;
  /** Called as the dump is read, with raw bytes read and the number of pages so far. */
  readonly onProgress?: (bytesRead: number, pages: number) => void;
}

/** What a Wikipedia import did. */
export interface WikipediaImportReport {
  readonly dump: string;
  readonly lang: string;
  readonly pages: number;
  readonly articles: number;
  readonly redirects: number;
  /** Concepts that a page title or redirect matched. */
  readonly conceptsMatched: number;
  readonly descriptionsAdded: number;
  readonly namesAdded: number;
  readonly aliasesAdded: number;
  /** Distinct (anchor text, concept) pairs stored. */
  readonly anchors: number;
  readonly bytesRead: number;
  readonly seconds: number;
}

interface Enrichment {
  readonly concepts: Map<string, CorpusRecord>;
  readonly changed: Set<string>;
  readonly matched: Set<string>;
  readonly redirects: Map<string, string>;
  readonly anchors: Map<string, number>;
  readonly counts: {
    descriptions: number;
    names: number;
    aliases: number;
    articles: number;
    redirects: number;
  };
}

/** Imports the dump at `path` into `store` in one transaction. */
export async function importWikipedia(
  store: Store,
  path: string,
  options: WikipediaImportOptions = {},
): Promise<WikipediaImportReport> {
  const started = performance.now();
  const lang = options.lang ?? (await detectDumpLanguage(path)) ?? "en";
  const state = await loadConcepts(store);
  const byTitle = titleIndex(state.concepts, lang);
  let bytesRead = 0;
  let pages = 0;
  for await (const page of readWikipediaDump(path, {
    label: basename(path),
    onBytes: (n) => (bytesRead += n),
  })) {
    pages += 1;
    if (page.namespace === 0) applyPage(page, state, byTitle, lang);
    if (pages % 200 === 0) options.onProgress?.(bytesRead, pages);
  }
  const anchors: AnchorCount[] = [...state.anchors].map(([key, count]) => {
    const [surface = "", conceptId = ""] = key.split("\0");
    return { surface, conceptId, count };
  });
  await store.transaction(async (writer) => {
    await writer.upsertRecords([...state.changed].flatMap((id) => state.concepts.get(id) ?? []));
    await writer.replaceAnchors(`${lang}wiki`, anchors);
    await markDataChanged(writer);
  });
  return {
    dump: basename(path),
    lang,
    pages,
    articles: state.counts.articles,
    redirects: state.counts.redirects,
    conceptsMatched: state.matched.size,
    descriptionsAdded: state.counts.descriptions,
    namesAdded: state.counts.names,
    aliasesAdded: state.counts.aliases,
    anchors: anchors.length,
    bytesRead,
    seconds: (performance.now() - started) / 1000,
  };
}

async function loadConcepts(store: Store): Promise<Enrichment> {
  const concepts = new Map<string, CorpusRecord>();
  for await (const record of store.scanRecords("concept")) concepts.set(record.id, record);
  return {
    concepts,
    changed: new Set(),
    matched: new Set(),
    redirects: new Map(),
    anchors: new Map(),
    counts: { descriptions: 0, names: 0, aliases: 0, articles: 0, redirects: 0 },
  };
}

/** Page titles that name each concept: its id with spaces, and its name in the dump's language. */
function titleIndex(concepts: ReadonlyMap<string, CorpusRecord>, lang: string): Map<string, string> {
  const index = new Map<string, string>();
  for (const [id, record] of concepts) {
    const name = record.name[lang];
    if (name !== undefined && !index.has(name)) index.set(name, id);
  }
  for (const id of concepts.keys()) index.set(id.replace(/_/g, " "), id);
  return index;
}

function applyPage(
  page: WikiPage,
  state: Enrichment,
  byTitle: ReadonlyMap<string, string>,
  lang: string,
): void {
  const resolve = (title: string) => byTitle.get(title) ?? byTitle.get(state.redirects.get(title) ?? "");
  if (page.redirect !== undefined) {
    state.counts.redirects += 1;
    state.redirects.set(page.title, page.redirect);
    const target = resolve(page.redirect);
    if (target !== undefined) addAlias(state, target, page.title);
    return;
  }
  state.counts.articles += 1;
  const id = resolve(page.title);
  if (id !== undefined) enrichConcept(state, id, page, lang);
  for (const link of page.links) {
    const target = resolve(link.target);
    if (target === undefined || link.anchor.trim() === "") continue;
    const key = `${link.anchor.trim()}\0${target}`;
    state.anchors.set(key, (state.anchors.get(key) ?? 0) + 1);
  }
}

function enrichConcept(state: Enrichment, id: string, page: WikiPage, lang: string): void {
  const record = state.concepts.get(id);
  if (!record) return;
  state.matched.add(id);
  const next: { -readonly [K in keyof CorpusRecord]: CorpusRecord[K] } = { ...record };
  if (page.lead && !record.description?.[lang]) {
    next.description = { ...record.description, [lang]: page.lead };
    state.counts.descriptions += 1;
  }
  if (!record.name[lang]) {
    next.name = { ...record.name, [lang]: page.title };
    state.counts.names += 1;
  }
  if (page.categories.length > 0)
    next.attrs = { ...record.attrs, [`wikipedia_categories_${lang}`]: [...page.categories] };
  if (JSON.stringify(next) !== JSON.stringify(record)) {
    state.concepts.set(id, next);
    state.changed.add(id);
  }
}

function addAlias(state: Enrichment, id: string, alias: string): void {
  const record = state.concepts.get(id);
  if (!record) return;
  state.matched.add(id);
  const known = new Set([...Object.values(record.name), ...(record.aliases ?? [])]);
  if (known.has(alias) || alias === id.replace(/_/g, " ")) return;
  state.concepts.set(id, { ...record, aliases: [...(record.aliases ?? []), alias] });
  state.changed.add(id);
  state.counts.aliases += 1;
}
