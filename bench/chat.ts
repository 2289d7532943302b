/**
 * Chat benchmark: POST /api/chat in process (the offline parser, no model) on the open-campus graph, for the
 * chat evaluation questions (dev set, held-out file, weak-kind set with its 10,000-character messages). After
 * one warm-up question (it loads the concept dictionary), prints per-intent p50/p99 latency of each question asked the first time, then of the same questions
 * asked again over --rounds passes (default 2), when the search's caches hold them. Never asserts times.
 * Run: npm run bench (or: npx tsx bench/chat.ts [--db FILE] [--rounds N]).
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type ChatItem, conversationOf, readChatSets } from "../eval/chat-items.js";
import { evalDatabasePath } from "../eval/eval-store.js";
import { buildGraph } from "../src/app/build-graph.js";
import { ensureSearchIndex } from "../src/app/build-search-index.js";
import { openStore } from "../src/app/open-store.js";
import { createHttpApp } from "../src/server/create-app.js";
import { table } from "./child.js";

const { values } = parseArgs({ options: { db: { type: "string" }, rounds: { type: "string" } } });
const folder = mkdtempSync(join(tmpdir(), "campus-graph-bench-chat-"));
const db = join(folder, "chat.db");
copyFileSync(await evalDatabasePath(values.db), db);
const store = await openStore(db);
if ((await store.graph.neighbourCounts({ type: "concept", id: "Interleukin_6" })).course === undefined) {
  console.error("bench/chat: building the graph first (about a minute)");
  await buildGraph(store);
}
await ensureSearchIndex(store);
const app = createHttpApp(store);
const items = Object.values(readChatSets()).flat();

const ask = async (item: ChatItem) => {
  const messages = conversationOf(item);
  const response = await app.request("/api/chat", {
    method: "POST",
    body: JSON.stringify({ messages }),
    headers: { "content-type": "application/json" },
  });
  await response.arrayBuffer();
};
await ask({
  question: "Which classes deal with wind energy?",
  lang: "en",
  kind: "warm-up",
  expect: { types: [] },
});
const timed = async (rounds: number) => {
  const latencies = new Map<string, number[]>();
  for (let round = 0; round < rounds; round += 1) {
    for (const item of items) {
      const started = performance.now();
      await ask(item);
      const ms = performance.now() - started;
      for (const key of [item.kind, "all"]) latencies.set(key, [...(latencies.get(key) ?? []), ms]);
    }
  }
  return latencies;
};
const first = await timed(1);
const again = await timed(Number(values.rounds ?? 2));
const quantile = (xs: readonly number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const rows = [["intent", "questions", "first p50 ms", "first p99 ms", "again p50 ms", "again p99 ms"]];
const ms = (xs: readonly number[], q: number) => quantile(xs, q).toFixed(1);
for (const kind of [...[...first.keys()].filter((k) => k !== "all").sort(), "all"]) {
  const xs = first.get(kind) ?? [];
  const ys = again.get(kind) ?? [];
  rows.push([kind, String(xs.length), ms(xs, 0.5), ms(xs, 0.99), ms(ys, 0.5), ms(ys, 0.99)]);
}
console.log(table(rows));
await store.close();
rmSync(folder, { recursive: true, force: true });
