/**
 * `npm run eval:neighbours`: how well a concept page's lists ("Related courses", MOOCs, publications) find the
 * records whose authors tagged them with that concept. Gold: for concept X and a type, the records of that type
 * whose author keywords name X (title, or an alias no other concept has as its title); for lectures, those whose
 * source's topic maps to X (LectureBank's topic → Wikipedia title). The graph is built on a
 * copy of the corpus with every keyword and lecture topic withheld, so the answer is not in the input. Per type, over concepts with
 * at least 3 gold records, it prints nDCG@10 and recall@6 of the page's list and of a BM25 baseline (full-text
 * search of the concept's name and aliases over the records' texts), on two halves of the concepts split by a
 * hash of their id: `tune` (look at it while changing the ranking) and `check` (report it; do not tune on it).
 * Options: --db FILE (the keyword-free database; made when missing, kept), --rebuild (rebuild its graph first),
 * --show N (print the top 5 of N concepts of the check half, for reading), --params JSON (rank in memory from the
 * stored graph with these `ConceptRecordParams` instead of reading the stored lists, to try parameters fast; a JSON
 * array of them scores each in turn), --half tune|check (score one half only: tune while tuning), --diff N (with
 * two or more --params: the courses and MOOCs that enter the first ten of N check-half concepts under the last set
 * against the first, * marking gold records), --ontology K (with --params: the walk's share κ of the ontology's
 * filing in a relation, `walkWeight`; default the build's).
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildGraph } from "../src/app/build-graph.js";
import { buildSearchIndex } from "../src/app/build-search-index.js";
import { defaultCorpus } from "../src/app/config.js";
import { importCorpus } from "../src/app/import-corpus.js";
import { openStore } from "../src/app/open-store.js";
import type { CorpusRecord } from "../src/core/record.js";
import {
  type ConceptRecordParams,
  conceptRecords,
  DEFAULT_CONCEPT_RECORD_PARAMS,
  indexPostings,
} from "../src/graph/concept-records.js";
import { variantIds } from "../src/graph/record-variants.js";
import { parseQuery } from "../src/search/parse-query.js";
import type { Store } from "../src/store/store.js";
import { foldWord } from "../src/text/word-key.js";
import { keywordFreeDatabase } from "./eval-store.js";
import { formatTable } from "./format-table.js";
import { ndcg } from "./ranking-metrics.js";
import { coTaggedConcepts, scoreRelated } from "./related-concepts.js";
import { readStoredConceptGraph, type StoredConceptGraph } from "./stored-concept-graph.js";

/** The types whose author keywords (a lecture's: its topic, `TOPIC_ATTRS`) make the gold. */
const GOLD_TYPES = ["course", "mooc", "publication", "lecture"] as const;

/** A lecture's topic as its source gives it (LectureBank's, with the Wikipedia title it maps to): withheld too. */
const TOPIC_ATTRS = ["topic", "topic_name", "topic_wikipedia", "topic_wikipedia_via"];
const GOLD_KEY = "eval.neighbours.gold";
const MIN_GOLD = 3;

/** Gold per type: concept id → the ids of the records tagged with it. */
type Gold = Record<string, Record<string, string[]>>;

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    rebuild: { type: "boolean" },
    show: { type: "string" },
    params: { type: "string" },
    half: { type: "string" },
    diff: { type: "string" },
    ontology: { type: "string" },
  },
});
const path = keywordFreeDatabase(values.db);
const fresh = !existsSync(path);
const store = await openStore(path, { create: fresh });
if (fresh) {
  console.error(`eval: importing ${defaultCorpus()} into ${path}, keywords withheld`);
  await importCorpus(store, defaultCorpus());
  const goldText = JSON.stringify(await readGold(store));
  await store.transaction((w) => w.setMeta(GOLD_KEY, goldText));
  await withholdKeywords(store);
}
if (fresh || values.rebuild) {
  const report = await buildGraph(store);
  await buildSearchIndex(store);
  console.error(`eval: graph built in ${report.seconds.toFixed(1)} s`);
}
const gold = JSON.parse((await store.getMeta(GOLD_KEY)) ?? "{}") as Gold;
const stored = await readStoredConceptGraph(store, {
  mentions: values.params !== undefined,
  ...(values.ontology === undefined ? {} : { ontologyWeight: Number(values.ontology) }),
});
const paramSets: Partial<ConceptRecordParams>[] = values.params ? [JSON.parse(values.params)].flat() : [];
let inMemory: ((concept: string, type: string) => string[]) | undefined;
// Each parameter set's ranking, made once when first asked.
const systems: [string, () => void][] = paramSets.length
  ? paramSets.map((p) => {
      let lists: typeof inMemory;
      return [
        JSON.stringify(p),
        () => {
          lists ??= inMemoryLists(stored, p);
          inMemory = lists;
        },
      ];
    })
  : [["campus-graph", () => {}]];
const halves = values.half ? [values.half as "tune" | "check"] : (["tune", "check"] as const);

const rows: string[][] = [["type", "half", "concepts", "system", "nDCG@10", "recall@6"]];
for (const type of GOLD_TYPES) {
  const concepts = Object.entries(gold[type] ?? {}).filter(([, ids]) => ids.length >= MIN_GOLD);
  for (const half of halves) {
    const ofHalf = concepts.filter(([id]) => halfOf(id) === half);
    for (const [label, system] of [
      ...systems.map(
        ([label, use]) =>
          [
            label,
            (s: Store, c: string, t: string) => {
              use();
              return pageList(s, c, t);
            },
          ] as const,
      ),
      ["BM25 of names", bm25List] as const,
    ]) {
      let n = 0;
      let r = 0;
      for (const [concept, ids] of ofHalf) {
        const ranked = await system(store, concept, type);
        const relevant = new Set(ids);
        n += ndcg(ranked, new Map(ids.map((id) => [id, 1])), 10);
        r += ranked.slice(0, 6).filter((id) => relevant.has(id)).length / Math.min(6, relevant.size);
      }
      const k = ofHalf.length;
      rows.push([type, half, String(k), label, (n / k).toFixed(3), (r / k).toFixed(3)]);
    }
  }
}
console.log(formatTable(rows, 4));
console.log(`\n${formatTable(await relatedRows(), 2)}`);
if (values.show) await showExamples(Number(values.show));
if (values.diff) await showDiff(Number(values.diff));
await store.close();

/** The ids of a concept page's list of `type`, as a reader sees its first ten. */
async function pageList(store: Store, concept: string, type: string): Promise<string[]> {
  if (inMemory) return inMemory(concept, type);
  const page = await store.graph.neighbours({ type: "concept", id: concept }, type, 10, 0);
  // A record's variants shown under it ("also: PHYS-106(b), …") are read where it is.
  return page.items.flatMap((n) => [n.node.id, ...variantIds(n.edge.evidence)]).slice(0, 10);
}

/** Lists ranked in memory by `conceptRecords` with `params` over the stored graph. */
function inMemoryLists(
  stored: StoredConceptGraph,
  params: Partial<ConceptRecordParams>,
): (concept: string, type: string) => string[] {
  const full = { ...DEFAULT_CONCEPT_RECORD_PARAMS, ...params };
  const postings = indexPostings(stored.graph, full);
  return (concept, type) => {
    const c = stored.conceptIndex.get(concept);
    if (c === undefined) return [];
    const lists = conceptRecords(c, stored.graph, postings, full);
    return (lists.get(type) ?? [])
      .flatMap((r) => [r.record, ...r.also])
      .slice(0, 10)
      .map((r) => stored.recordIds[r] ?? "");
  };
}

/** The related-concepts table: per half, concepts with at least MIN_GOLD co-tagged concepts. */
async function relatedRows(): Promise<string[][]> {
  const partners = coTaggedConcepts(gold);
  const lists = new Map<string, string[]>();
  for (const [concept, set] of partners) {
    if (set.size < MIN_GOLD) continue;
    const page = await store.graph.neighbours({ type: "concept", id: concept }, "concept", 10, 0);
    lists.set(
      concept,
      page.items.map((n) => n.node.id),
    );
  }
  const rows = [["related concepts", "half", "concepts", "nDCG@10 co-tags", "same branch", "generic"]];
  for (const half of halves) {
    const concepts = [...lists.keys()].filter((id) => halfOf(id) === half);
    const s = scoreRelated(concepts, (c) => lists.get(c) ?? [], partners, stored);
    const f = (x: number) => x.toFixed(3);
    rows.push(["campus-graph", half, String(s.concepts), f(s.ndcg), f(s.sameBranch), f(s.generic)]);
  }
  return rows;
}

/** The best ten records of `type` for a full-text search of the concept's name, then of each alias. */
async function bm25List(store: Store, concept: string, type: string): Promise<string[]> {
  const record = await store.getRecord({ type: "concept", id: concept });
  const names = record ? [...Object.values(record.name), ...(record.aliases ?? [])] : [];
  const best = new Map<string, number>();
  for (const name of names) {
    const { groups } = parseQuery(name);
    if (groups.length === 0) continue;
    const hits = await store.search.searchText({
      groups: groups.map((g) => g.slice(0, 1)),
      require: "all",
      types: [type],
      weights: [1, 1, 1, 1, 1],
      limit: 10,
    });
    for (const h of hits) best.set(h.id, Math.max(best.get(h.id) ?? 0, h.relevance));
  }
  return [...best.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10)
    .map(([id]) => id);
}

/** Which half a concept falls in: by the last hex digit of sha1(id), even → tune, odd → check. */
function halfOf(id: string): "tune" | "check" {
  const digit = Number.parseInt(createHash("sha1").update(id).digest("hex").slice(-1), 16);
  return digit % 2 === 0 ? "tune" : "check";
}

/** A keyword or name as compared for the gold: folded, single spaces. */
function normalise(text: string): string {
  return foldWord(text.replace(/_/g, " ").trim().replace(/\s+/g, " "));
}

/** The gold of every type: records whose keywords name a concept by its title or by an alias of it alone. */
async function readGold(store: Store): Promise<Gold> {
  const byTitle = new Map<string, string>();
  const byAlias = new Map<string, Set<string>>();
  for await (const concept of store.scanRecords("concept")) {
    for (const name of Object.values(concept.name)) byTitle.set(normalise(name), concept.id);
    for (const alias of concept.aliases ?? []) {
      const set = byAlias.get(normalise(alias)) ?? new Set();
      set.add(concept.id);
      byAlias.set(normalise(alias), set);
    }
  }
  const conceptOf = (keyword: string): string | undefined => {
    const key = normalise(keyword);
    const titled = byTitle.get(key);
    if (titled) return titled;
    const aliased = byAlias.get(key);
    return aliased?.size === 1 ? [...aliased][0] : undefined;
  };
  const gold: Gold = {};
  for (const type of GOLD_TYPES) {
    const ofType: Record<string, string[]> = {};
    for await (const record of store.scanRecords(type)) {
      const topic = record.attrs?.topic_wikipedia;
      const tags = [...(record.keywords ?? []), ...(typeof topic === "string" ? [topic] : [])];
      const concepts = new Set(tags.flatMap((k) => conceptOf(k) ?? []));
      for (const c of concepts) ofType[c] = [...(ofType[c] ?? []), record.id];
    }
    gold[type] = ofType;
  }
  return gold;
}

/** Replaces every record that has keywords or a topic by the same record without them. */
async function withholdKeywords(store: Store): Promise<void> {
  const batch: CorpusRecord[] = [];
  for await (const record of store.scanRecords()) {
    const topics = TOPIC_ATTRS.filter((key) => record.attrs?.[key] !== undefined);
    if ((record.keywords ?? []).length === 0 && topics.length === 0) continue;
    const { keywords: _withheld, ...rest } = record;
    const attrs = Object.fromEntries(Object.entries(record.attrs ?? {}).filter(([k]) => !topics.includes(k)));
    batch.push(record.attrs ? { ...rest, attrs } : rest);
  }
  await store.transaction(async (w) => {
    for (let i = 0; i < batch.length; i += 1_000) await w.upsertRecords(batch.slice(i, i + 1_000));
  });
}

/** Prints the first five courses, MOOCs and lectures of `count` check-half concepts with gold courses. */
async function showExamples(count: number): Promise<void> {
  const concepts = Object.entries(gold.course ?? {})
    .filter(([id, ids]) => ids.length >= MIN_GOLD && halfOf(id) === "check")
    .slice(0, count);
  for (const [concept, ids] of concepts) {
    console.log(`\n${concept}  (gold courses: ${ids.join(", ")})`);
    for (const type of ["course", "mooc", "lecture", "concept"]) {
      const page = await store.graph.neighbours({ type: "concept", id: concept }, type, 5, 0);
      const items = page.items.map(
        (n) => `${n.node.id} ${n.node.name.slice(0, 40)} ${n.edge.score.toFixed(2)}`,
      );
      console.log(`  ${type} (${page.total}): ${items.join(" | ")}`);
    }
  }
}

/** Prints, for `count` check-half concepts with gold courses, the records the last parameter set brings into a first ten. */
async function showDiff(count: number): Promise<void> {
  const first = systems[0];
  const last = systems[systems.length - 1];
  if (!first || !last || first === last) return;
  const concepts = Object.entries(gold.course ?? {})
    .filter(([id, ids]) => ids.length >= MIN_GOLD && halfOf(id) === "check")
    .slice(0, count);
  for (const [concept] of concepts) {
    console.log(`\n${concept}`);
    for (const type of ["course", "mooc"]) {
      first[1]();
      const before = new Set(await pageList(store, concept, type));
      last[1]();
      const after = await pageList(store, concept, type);
      const relevant = new Set(gold[type]?.[concept] ?? []);
      const entered = await Promise.all(
        after
          .map((id, rank) => ({ id, rank }))
          .filter(({ id }) => !before.has(id))
          .map(async ({ id, rank }) => {
            const record = await store.getRecord({ type, id });
            const name = record ? (Object.values(record.name)[0] ?? id) : id;
            return `${rank + 1}. ${relevant.has(id) ? "*" : ""}${id} ${name.slice(0, 50)}`;
          }),
      );
      const left = [...before].filter((id) => !after.includes(id));
      console.log(
        `  ${type}: in ${entered.join(" | ") || "none"}; out ${left.map((id) => (relevant.has(id) ? `*${id}` : id)).join(", ") || "none"}`,
      );
    }
  }
}
