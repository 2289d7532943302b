/**
 * `npm run eval:chat`: runs chat questions through POST /api/chat and prints, per set and intent, the recall of
 * the expected records among the answer's references, the share of fitting references, the share of out-of-scope
 * questions answered without references, and the share of multi-step questions whose plan has the right steps.
 * Sets: `dev` (../shared/data/eval/chat.jsonl), `tune` and `final` (the two halves of eval/chat-heldout.jsonl,
 * whose expected records are found in the corpus at run time by each item's rule, `chat-gold.ts`), and `weak`
 * (eval/chat-weak.jsonl: small talk, subjective and out-of-scope questions, injected instructions, long and garbled
 * input, written before the planner was tuned for them and never tuned on).
 * Options: --db FILE (a database with a built graph; else one is built), --sets dev,tune (default; add `final`
 * and `weak` only for the last check; `fresh2`, eval/chat-fresh2.jsonl, `fresh3`, eval/chat-fresh3.jsonl,
 * `fresh4`, eval/chat-fresh4.jsonl, `fresh5`, eval/chat-fresh5.jsonl, `fresh6`, eval/chat-fresh6.jsonl, `fresh7`,
 * eval/chat-fresh7.jsonl, `fresh8`, eval/chat-fresh8.jsonl, `fresh9`, eval/chat-fresh9.jsonl, `fresh10`, eval/chat-fresh10.jsonl,
 * `fresh11`, eval/chat-fresh11.jsonl, `fresh12`, eval/chat-fresh12.jsonl,
 * `held12`, eval/chat-held12.jsonl, and `held13`,
 * eval/chat-held13.jsonl, are held out whole; `held14`, eval/chat-held14.jsonl, questions about people, is split
 * into `held14-tune` and `held14-check`; `held15`, eval/chat-held15.jsonl, session 15's weak intents, into `held15-tune`
 * and `held15-check`; `held16`, eval/chat-held16.jsonl, session 16's, into `held16-tune` and `held16-check`; `held17`,
 * eval/chat-held17.jsonl, session 17's, into `held17-tune` and `held17-check`; `held18`, eval/chat-held18.jsonl,
 * held18, into `held18-tune` and `held18-check`; `fresh10` is also split, after it was scored blind, into
 * `fresh10-tune` and `fresh10-check`, and `fresh11` into `fresh11-tune` and `fresh11-check`; `held19`, eval/chat-held19.jsonl, records related to a named record, into
 * `held19-tune` and `held19-check`), --errors N (print N misses).
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildGraph } from "../src/app/build-graph.js";
import { ensureSearchIndex } from "../src/app/build-search-index.js";
import { openStore } from "../src/app/open-store.js";
import { createHttpApp } from "../src/server/create-app.js";
import { GoldRules } from "./chat-gold.js";
import { conversationOf, readChatSets } from "./chat-items.js";
import { type ChatItemScores, scoreChatAnswer } from "./chat-scores.js";
import { evalDatabasePath } from "./eval-store.js";

const { values } = parseArgs({
  options: { db: { type: "string" }, errors: { type: "string" }, sets: { type: "string" } },
});
const sets = (values.sets ?? "dev,tune").split(",");
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
const gold = new GoldRules(store);
const itemsOf = readChatSets();

let shown = 0;
for (const set of sets) {
  const byKind = new Map<string, ChatItemScores[]>();
  for (const item of itemsOf[set] ?? []) {
    const messages = conversationOf(item);
    const response = await app.request("/api/chat", {
      method: "POST",
      body: JSON.stringify({ messages, lang: item.lang }),
      headers: { "content-type": "application/json" },
    });
    const reply = (await response.json()) as {
      references?: { type: string; id: string }[];
      plan?: { steps?: { op: string }[] };
    };
    const refs = reply.references ?? [];
    const ids = item.expect.ids ?? (item.expect.gold ? await gold.expected(item.expect.gold) : []);
    if (item.expect.gold && ids.length === 0)
      console.error(`  [${set}] no record fits the rule of: ${item.question}`);
    const expect = { ...item.expect, ids };
    const scores = scoreChatAnswer(expect, refs, reply.plan?.steps?.map((s) => s.op) ?? []);
    byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), scores]);
    const missed = (scores.recall ?? 1) < 1 || scores.none === 0 || scores.steps === 0;
    if (missed && shown < Number(values.errors ?? 0)) {
      shown += 1;
      const cited = refs.slice(0, 4).map((r) => r.id);
      console.error(`  [${set}] ${item.question} → ${JSON.stringify(scores)}; cited ${cited.join(", ")}`);
    }
  }
  printTable(set, byKind);
}
console.log(
  "targets: recall ≥ 0.85 on held-out wordings; out-of-scope answers cite nothing; multi-step plans right",
);
await store.close();
rmSync(folder, { recursive: true, force: true });

function printTable(set: string, byKind: ReadonlyMap<string, readonly ChatItemScores[]>): void {
  const cell = (xs: readonly ChatItemScores[], key: keyof ChatItemScores) => {
    const measured = xs.map((s) => s[key]).filter((v): v is number => v !== undefined);
    return measured.length === 0 ? "-" : (measured.reduce((a, b) => a + b, 0) / measured.length).toFixed(3);
  };
  const rows = [[`${set}: intent`, "questions", "recall", "fitting refs", "no refs ok", "steps ok"]];
  for (const [kind, xs] of [...byKind].sort()) {
    rows.push([
      kind,
      String(xs.length),
      cell(xs, "recall"),
      cell(xs, "fitting"),
      cell(xs, "none"),
      cell(xs, "steps"),
    ]);
  }
  const all = [...byKind.values()].flat();
  rows.push([
    "all",
    String(all.length),
    cell(all, "recall"),
    cell(all, "fitting"),
    cell(all, "none"),
    cell(all, "steps"),
  ]);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  console.log(`${rows.map(line).join("\n")}\n`);
}

/** True when the database holds a built graph (node scores are written by every build). */
async function hasGraph(): Promise<boolean> {
  for await (const _ of store.graph.scanNodeScores()) return true;
  return false;
}
