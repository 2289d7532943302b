/**
 * `npm run eval:related`: how well a record's page lists the records related to it ("Related courses", MOOCs,
 * publications on a course's, MOOC's or publication's page). Gold from the corpus's author keywords, which the
 * graph never sees (the database is `eval:neighbours`'s, built with every keyword withheld): two records are
 * related when they share at least two keywords, or one that at most RARE records carry (grade: the keywords
 * shared, at most 3). Per page type → listed type, over the pages with a gold record, it prints nDCG@10 and recall@6
 * of the page's list and of a BM25 baseline (full-text search of the page's name over the other records' texts),
 * and, over every record of the page type, the share whose list is not empty; then how many records list no
 * course, MOOC, lecture or publication at all. Records are split into halves by a salted hash of their key:
 * `tune` (look at it while changing the edges) and `check` (report it; do not tune on it).
 * Options: --db FILE (default `eval:neighbours`'s; made by `npm run eval:neighbours`), --semantic JSON (find the
 * semantic edges in memory from the stored profiles with these `SemanticEdgeOptions` — `senses: true` weighs by the
 * stored ontology — instead of reading the stored lists; a JSON array tries each), --half tune|check,
 * --show N (print the top 5 of N check-half records of each page type, for reading).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { defaultCorpus } from "../src/app/config.js";
import { RECORD_EDGE_KINDS, SEMANTIC_POLICY } from "../src/app/graph-inputs.js";
import { openStore } from "../src/app/open-store.js";
import { type CorpusRecord, displayName } from "../src/core/record.js";
import { variantIds } from "../src/graph/record-variants.js";
import { type SemanticEdgeOptions, semanticEdgeFinder } from "../src/graph/semantic-edges.js";
import { parseQuery } from "../src/search/parse-query.js";
import { keywordFreeDatabase } from "./eval-store.js";
import { formatTable } from "./format-table.js";
import { keywordCarriers, keywordSet, relatedTo } from "./keyword-relatedness.js";
import { ndcg } from "./ranking-metrics.js";
import { readStoredConceptGraph } from "./stored-concept-graph.js";

/** The types with author keywords: the pages read, and the lists scored. */
const KEYWORD_TYPES = ["course", "mooc", "publication"] as const;
/** The lists whose emptiness is counted. */
const LIST_TYPES = ["course", "mooc", "lecture", "publication"] as const;
const CORPUS_FILES: Record<string, string> = {
  course: "courses.jsonl",
  mooc: "moocs.jsonl",
  publication: "publications.jsonl",
};

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    semantic: { type: "string" },
    half: { type: "string" },
    show: { type: "string" },
  },
});
const store = await openStore(keywordFreeDatabase(values.db), {
  create: false,
});
const keywords = readKeywords(defaultCorpus());
const gold = relatedByKeywords(keywords);
const halves = values.half ? [values.half as "tune" | "check"] : (["tune", "check"] as const);

type Lists = (key: string, targetType: string) => Promise<string[]>;
const systems: [string, Lists][] = [];
if (values.semantic) {
  const stored = await inMemoryGraph();
  for (const options of [JSON.parse(values.semantic)].flat() as Record<string, unknown>[])
    systems.push([JSON.stringify(options), stored(options)]);
} else systems.push(["campus-graph", storedList]);

const rows: string[][] = [["page → list", "half", "pages", "system", "nDCG@10", "recall@6", "non-empty"]];
for (const pageType of KEYWORD_TYPES) {
  for (const listType of KEYWORD_TYPES) {
    for (const half of halves) {
      const pages = [...keywords.keys()].filter((k) => typeOf(k) === pageType && halfOf(k) === half);
      const judged = pages.filter((k) => (gold.get(k)?.get(listType)?.size ?? 0) > 0);
      for (const [label, system] of [...systems, ["BM25 of the name", bm25List] as const]) {
        let n = 0;
        let r = 0;
        for (const page of judged) {
          const grades = gold.get(page)?.get(listType) ?? new Map<string, number>();
          const ranked = (await system(page, listType)).map((id) => `${listType}\0${id}`);
          n += ndcg(ranked, grades, 10);
          r += ranked.slice(0, 6).filter((k) => grades.has(k)).length / Math.min(6, grades.size);
        }
        const k = judged.length;
        const coverage = label === "BM25 of the name" ? "" : await nonEmpty(system, half, pageType, listType);
        rows.push([`${pageType} → ${listType}`, half, String(k), label, f(n / k), f(r / k), coverage]);
      }
    }
  }
}
console.log(formatTable(rows, 4));
for (const [label, system] of systems) console.log(`\n${label}\n${await emptyPages(system)}`);
if (values.show) await show(Number(values.show));
await store.close();

function f(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : "-";
}

/** A record's key as the eval numbers them: type, NUL, id. */
function typeOf(key: string): string {
  return key.slice(0, key.indexOf("\0"));
}

function idOf(key: string): string {
  return key.slice(key.indexOf("\0") + 1);
}

/** Which half a record falls in: by sha1 of a salted key, even last digit → tune. */
function halfOf(key: string): "tune" | "check" {
  const digit = Number.parseInt(createHash("sha1").update(`related\0${key}`).digest("hex").slice(-1), 16);
  return digit % 2 === 0 ? "tune" : "check";
}

/** Every keyword-carrying record's folded keywords, by key, read from the corpus files (the store has none). */
function readKeywords(corpus: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [type, file] of Object.entries(CORPUS_FILES)) {
    for (const line of readFileSync(join(corpus, file), "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const record = JSON.parse(line) as CorpusRecord;
      const words = keywordSet(record.keywords ?? []);
      if (words.size > 0) out.set(`${type}\0${record.id}`, words);
    }
  }
  return out;
}

/** Each record's related records by type (key → grade), as `relatedTo` finds them. */
function relatedByKeywords(keywords: ReadonlyMap<string, ReadonlySet<string>>) {
  const carriers = keywordCarriers(keywords);
  const related = new Map<string, Map<string, Map<string, number>>>();
  for (const [key, words] of keywords) {
    const byType = new Map<string, Map<string, number>>();
    for (const [other, grade] of relatedTo(key, words, carriers)) {
      const list = byType.get(typeOf(other)) ?? new Map<string, number>();
      list.set(other, grade);
      byType.set(typeOf(other), list);
    }
    related.set(key, byType);
  }
  return related;
}

/** The ids of a page's list of `type`, as a reader sees its first ten (variants under an item after it). */
async function storedList(key: string, type: string): Promise<string[]> {
  const page = await store.graph.neighbours({ type: typeOf(key), id: idOf(key) }, type, 10, 0);
  // A record's variants shown under it ("also: PHYS-106(b), …") are read where it is.
  return page.items.flatMap((n) => [n.node.id, ...variantIds(n.edge.evidence)]).slice(0, 10);
}

/** The best ten records of `type` for a full-text search of any word of the page's name. */
async function bm25List(key: string, type: string): Promise<string[]> {
  const record = await store.getRecord({ type: typeOf(key), id: idOf(key) });
  const { groups } = parseQuery(record ? displayName(record) : "");
  if (groups.length === 0) return [];
  const hits = await store.search.searchText({
    groups: groups.map((g) => g.slice(0, 1)),
    require: "any",
    types: [type],
    weights: [1, 1, 1, 1, 1],
    limit: 11,
  });
  return hits
    .filter((h) => !(h.type === typeOf(key) && h.id === idOf(key)))
    .slice(0, 10)
    .map((h) => h.id);
}

/** The share of `half`'s records of `pageType` whose list of `listType` is not empty. */
async function nonEmpty(system: Lists, half: string, pageType: string, listType: string): Promise<string> {
  let n = 0;
  let listed = 0;
  for await (const record of store.scanRecords(pageType)) {
    const key = `${pageType}\0${record.id}`;
    if (halfOf(key) !== half) continue;
    n += 1;
    if ((await system(key, listType)).length > 0) listed += 1;
  }
  return f(listed / n);
}

/** Per page type, the records that list no course, MOOC, lecture or publication, of those that have concepts. */
async function emptyPages(system: Lists): Promise<string> {
  const profiled = new Set<string>();
  for await (const row of store.graph.scanNeighbours("concept"))
    if (row.kind === "concept") profiled.add(`${row.source.type}\0${row.source.id}`);
  const out: string[] = [];
  for (const pageType of KEYWORD_TYPES) {
    let empty = 0;
    let all = 0;
    for await (const record of store.scanRecords(pageType)) {
      const key = `${pageType}\0${record.id}`;
      if (!profiled.has(key)) continue;
      all += 1;
      let listed = false;
      for (const t of LIST_TYPES) if (!listed && (await system(key, t)).length > 0) listed = true;
      if (!listed) empty += 1;
    }
    out.push(`${pageType}: ${empty} of ${all} with concepts list no course, MOOC, lecture or publication`);
  }
  return out.join("\n");
}

/**
 * Lists made in memory: the stored list's facts (rows that are not semantic edges) first, then the semantic
 * edges `semanticEdgeFinder` finds over the stored profiles with the graph's policy and `options`.
 */
async function inMemoryGraph(): Promise<(options: Record<string, unknown>) => Lists> {
  const stored = await readStoredConceptGraph(store);
  const keyOf = new Map<string, number>();
  stored.recordIds.forEach((id, n) => {
    keyOf.set(`${stored.graph.typeOf(n)}\0${id}`, n);
  });
  const facts = new Map<string, string[]>();
  const factsOf = async (key: string, type: string) => {
    const at = `${key}\0${type}`;
    let list = facts.get(at);
    if (!list) {
      const page = await store.graph.neighbours({ type: typeOf(key), id: idOf(key) }, type, 10, 0);
      list = page.items.filter((n) => !RECORD_EDGE_KINDS.has(n.edge.kind)).map((n) => n.node.id);
      facts.set(at, list);
    }
    return list;
  };
  return (options) => {
    const { senses, ...rest } = options;
    const finder = semanticEdgeFinder(stored.graph.profiles, stored.graph.typeOf, {
      ...SEMANTIC_POLICY,
      ...(rest as SemanticEdgeOptions),
      ...(senses
        ? {
            senses: {
              tree: stored.graph.tree,
              coherence: stored.coherence,
              ...(typeof senses === "object" ? senses : {}),
            },
          }
        : {}),
    });
    const cache = new Map<number, Map<string, string[]>>();
    return async (key, type) => {
      const n = keyOf.get(key);
      const first = await factsOf(key, type);
      if (n === undefined) return first;
      let byType = cache.get(n);
      if (!byType) {
        byType = new Map();
        for (const e of finder(n)) {
          const t = stored.graph.typeOf(e.target);
          byType.set(t, [...(byType.get(t) ?? []), stored.recordIds[e.target] ?? ""]);
        }
        cache.set(n, byType);
      }
      const seen = new Set(first);
      return [...first, ...(byType.get(type) ?? []).filter((id) => !seen.has(id))].slice(0, 10);
    };
  };
}

/** Prints the first five of each list of `count` check-half records of each page type, gold marked *. */
async function show(count: number): Promise<void> {
  for (const pageType of KEYWORD_TYPES) {
    const pages = [...keywords.keys()].filter((k) => typeOf(k) === pageType && halfOf(k) === "check");
    for (const page of pages.slice(0, count)) {
      const record = await store.getRecord({ type: pageType, id: idOf(page) });
      console.log(`\n${pageType} ${idOf(page)} ${record ? displayName(record).slice(0, 70) : ""}`);
      for (const listType of KEYWORD_TYPES) {
        const grades = gold.get(page)?.get(listType);
        for (const [label, system] of systems) {
          const ids = (await system(page, listType)).slice(0, 5);
          const names = await Promise.all(
            ids.map(async (id) => {
              const r = await store.getRecord({ type: listType, id });
              const mark = grades?.has(`${listType}\0${id}`) ? "*" : "";
              return `${mark}${r ? displayName(r).slice(0, 45) : id}`;
            }),
          );
          console.log(`  ${listType} [${label.slice(0, 20)}]: ${names.join(" | ") || "—"}`);
        }
      }
    }
  }
}
