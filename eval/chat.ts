/**
 * `npm run eval:chat`: runs ../shared/data/eval/chat.jsonl through POST /api/chat and prints, per template, the
 * recall of the expected records among the answer's references and the share of references that are expected
 * or of the expected type. Options: --db FILE (a database with a built graph; else one is built), --errors N.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildGraph } from "../src/app/build-graph.js";
import { ensureSearchIndex } from "../src/app/build-search-index.js";
import { openStore } from "../src/app/open-store.js";
import { createHttpApp } from "../src/http/http-app.js";
import { evalDatabasePath, evalFolder } from "./eval-store.js";

interface Item {
  readonly question: string;
  readonly lang: "en" | "fr";
  readonly template: string;
  readonly kind: string;
  readonly expect: {
    readonly types: readonly string[];
    readonly ids: readonly { type: string; id: string }[];
  };
}

const { values } = parseArgs({ options: { db: { type: "string" }, errors: { type: "string" } } });
const folder = mkdtempSync(join(tmpdir(), "campus-graph-eval-chat-"));
const db = join(folder, "chat.db");
copyFileSync(await evalDatabasePath(values.db), db);
const store = await openStore(db);
if (!(await hasGraph())) {
  console.error("eval: building the graph first (about a minute)");
  await buildGraph(store);
}
await ensureSearchIndex(store);
const app = createHttpApp(store);
const items = readFileSync(join(evalFolder(), "chat.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as Item);

const byKind = new Map<string, { recall: number[]; precision: number[] }>();
let shown = 0;
for (const item of items) {
  const response = await app.request("/api/chat", {
    method: "POST",
    body: JSON.stringify({ messages: [{ role: "user", content: item.question }], lang: item.lang }),
    headers: { "content-type": "application/json" },
  });
  const reply = (await response.json()) as { references?: { type: string; id: string }[] };
  const refs = reply.references ?? [];
  const expected = new Set(item.expect.ids.map((r) => `${r.type}\0${r.id}`));
  const hit = refs.filter((r) => expected.has(`${r.type}\0${r.id}`)).length;
  const fitting = refs.filter(
    (r) => expected.has(`${r.type}\0${r.id}`) || item.expect.types.includes(r.type),
  ).length;
  const scores = byKind.get(item.kind) ?? { recall: [], precision: [] };
  scores.recall.push(expected.size === 0 ? 1 : hit / expected.size);
  scores.precision.push(refs.length === 0 ? 0 : fitting / refs.length);
  byKind.set(item.kind, scores);
  if (hit < expected.size && shown < Number(values.errors ?? 0)) {
    shown += 1;
    console.error(
      `  ${item.question} → ${hit}/${expected.size}; cited ${refs
        .slice(0, 4)
        .map((r) => r.id)
        .join(", ")}`,
    );
  }
}
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
const rows = [["template", "questions", "recall", "fitting refs"]];
const all = { recall: [] as number[], precision: [] as number[] };
for (const [kind, s] of [...byKind].sort()) {
  rows.push([kind, String(s.recall.length), mean(s.recall).toFixed(3), mean(s.precision).toFixed(3)]);
  all.recall.push(...s.recall);
  all.precision.push(...s.precision);
}
rows.push(["all", String(all.recall.length), mean(all.recall).toFixed(3), mean(all.precision).toFixed(3)]);
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
console.log(
  rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  "))
    .join("\n"),
);
console.log("targets: recall ≥ 0.8 overall and on each template");
await store.close();
rmSync(folder, { recursive: true, force: true });

/** True when the database holds a built graph (node scores are written by every build). */
async function hasGraph(): Promise<boolean> {
  for await (const _ of store.scanNodeScores()) return true;
  return false;
}
