/**
 * Makes a fresh set of typo and prefix queries from the corpus, drawn the way the eval README describes the
 * search set's (`../shared/data/eval/README.md`) but from names the dev file never uses, so that a ranking tuned
 * on the dev set can be checked on queries it has never seen. Deterministic for a given `--seed`.
 * - typo: a course or concept name of 8+ characters, unique among its type's names, with one edit (swap of two
 *   adjacent letters, drop of a letter, or a neighbouring QWERTY key; never the first letter) → that record.
 * - prefix: the first 4 to 7 characters of a course or concept name, ending inside its first word, that at most 30
 *   names of the corpus start with → that record in the autocomplete top 5.
 * Run: npx tsx eval/make-search-queries.ts [--db FILE] [--seed S] [--per-kind N] > FILE; then
 * npx tsx eval/search.ts --set FILE.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { CorpusRecord } from "../src/core/record.js";
import { prefixKey } from "../src/search/search-keys.js";
import { evalFolder, openEvalStore } from "./eval-store.js";

const { values } = parseArgs({
  options: { db: { type: "string" }, seed: { type: "string" }, "per-kind": { type: "string" } },
});
const seed = values.seed ?? "fresh-1";
const perKind = Number(values["per-kind"] ?? 300);

const QWERTY_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

interface Name {
  readonly type: string;
  readonly id: string;
  readonly lang: string;
  readonly name: string;
}

const dev = readFileSync(join(evalFolder(), "search.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as { relevant: { type: string; id: string }[] });
// Records any dev query is about: their names are never drawn.
const devRecords = new Set(dev.flatMap((i) => i.relevant.map((r) => `${r.type}:${r.id}`)));

const store = await openEvalStore(values.db);
const names: Name[] = [];
const allPrefixKeys: string[] = [];
for await (const record of store.scanRecords()) {
  for (const [lang, name] of Object.entries(record.name)) {
    if (name === undefined || name === "") continue;
    allPrefixKeys.push(prefixKey(name));
    if (record.type === "course" || record.type === "concept") names.push(nameOf(record, lang, name));
  }
}
await store.close();
const uses = new Map<string, number>();
for (const n of names)
  uses.set(`${n.type}|${prefixKey(n.name)}`, (uses.get(`${n.type}|${prefixKey(n.name)}`) ?? 0) + 1);
allPrefixKeys.sort();

// Courses and concepts alternate, as in the dev set (about half of its typo and prefix targets are courses).
const fresh = interleave(
  ["course", "concept"].map((type) =>
    names
      .filter((n) => n.type === type && !devRecords.has(`${n.type}:${n.id}`) && !n.name.includes("("))
      .filter((n) => uses.get(`${n.type}|${prefixKey(n.name)}`) === 1)
      .sort((a, b) => draw(a.name).localeCompare(draw(b.name))),
  ),
);

let typos = 0;
for (const n of fresh) {
  if (typos >= perKind) break;
  if (n.name.length < 8) continue;
  const edited = editOnce(n.name, draw(`edit|${n.name}`));
  if (edited === undefined) continue;
  print({
    query: edited.query,
    lang: n.lang,
    kind: "typo",
    n,
    extra: { source_name: n.name, edit: edited.edit },
  });
  typos += 1;
}
let prefixes = 0;
for (const n of fresh) {
  if (prefixes >= perKind) break;
  const first = n.name.split(/\s/)[0] ?? "";
  const length = 4 + (Number.parseInt(draw(`len|${n.name}`).slice(0, 4), 16) % 4);
  if (first.length <= length) continue;
  const query = n.name.slice(0, length);
  const sharedBy = countStartingWith(prefixKey(query));
  if (sharedBy > 30) continue;
  print({
    query,
    lang: n.lang,
    kind: "prefix",
    n,
    extra: { k: 5, shared_by: sharedBy, source_name: n.name },
  });
  prefixes += 1;
}

function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const longest = Math.max(...lists.map((l) => l.length));
  for (let i = 0; i < longest; i += 1)
    for (const list of lists) if (list[i] !== undefined) out.push(list[i] as T);
  return out;
}

function nameOf(record: CorpusRecord, lang: string, name: string): Name {
  return { type: record.type, id: record.id, lang, name };
}

function draw(text: string): string {
  return createHash("sha1").update(`${seed}|${text}`).digest("hex");
}

/** One edit of a letter after the first, chosen by `hash`; undefined when the chosen place is not a letter. */
function editOnce(name: string, hash: string): { query: string; edit: string } | undefined {
  const kind = Number.parseInt(hash.slice(0, 4), 16) % 3;
  const at = 1 + (Number.parseInt(hash.slice(4, 8), 16) % (name.length - 2));
  const c = name[at] ?? "";
  const next = name[at + 1] ?? "";
  if (!/\p{L}/u.test(c)) return undefined;
  if (kind === 0) {
    if (!/\p{L}/u.test(next) || next === c) return undefined;
    return { query: name.slice(0, at) + next + c + name.slice(at + 2), edit: `swap@${at}` };
  }
  if (kind === 1) return { query: name.slice(0, at) + name.slice(at + 1), edit: `drop@${at}` };
  const neighbours = qwertyNeighbours(c.toLowerCase());
  if (neighbours.length === 0) return undefined;
  const pick = neighbours[Number.parseInt(hash.slice(8, 12), 16) % neighbours.length] ?? "";
  const replaced = c === c.toLowerCase() ? pick : pick.toUpperCase();
  return { query: name.slice(0, at) + replaced + name.slice(at + 1), edit: `replace@${at}` };
}

function qwertyNeighbours(c: string): string[] {
  const found: string[] = [];
  QWERTY_ROWS.forEach((row, r) => {
    const i = row.indexOf(c);
    if (i < 0) return;
    for (const [dr, di] of [
      [0, -1],
      [0, 1],
      [-1, 0],
      [-1, 1],
      [1, -1],
      [1, 0],
    ] as const) {
      const key = QWERTY_ROWS[r + dr]?.[i + di];
      if (key !== undefined) found.push(key);
    }
  });
  return found;
}

function countStartingWith(prefix: string): number {
  let lo = 0;
  let hi = allPrefixKeys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((allPrefixKeys[mid] ?? "") < prefix) lo = mid + 1;
    else hi = mid;
  }
  let n = 0;
  while ((allPrefixKeys[lo + n] ?? "").startsWith(prefix) && lo + n < allPrefixKeys.length) n += 1;
  return n;
}

function print(q: {
  query: string;
  lang: string;
  kind: string;
  n: Name;
  extra: Record<string, unknown>;
}): void {
  const relevant = [{ type: q.n.type, id: q.n.id, grade: 2 }];
  process.stdout.write(
    `${JSON.stringify({ query: q.query, lang: q.lang, kind: q.kind, relevant, ...q.extra })}\n`,
  );
}
