/**
 * A MiniSearch HTTP server over the records of a database, for bench/http.ts to load next to Campus Graph:
 * `GET /api/search?q=` (top 10) and `GET /api/autocomplete?q=` (top 8) answer JSON `{ items: [key…] }`. Plain
 * node:http, no framework, so that what is measured is the index.
 * Run: npx tsx bench/minisearch-server.ts --db FILE [--port N]; prints "serving on URL" once listening.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { buildMiniSearch } from "../eval/minisearch-system.js";
import { openStore } from "../src/app/open-store.js";

const { values } = parseArgs({ options: { db: { type: "string" }, port: { type: "string" } } });
const store = await openStore(values.db ?? "data/campus-graph.db");
const mini = await buildMiniSearch(store);
await store.close();

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  const q = url.searchParams.get("q") ?? "";
  let items: string[] | undefined;
  if (url.pathname === "/api/search") items = mini.search(q, 10);
  else if (url.pathname === "/api/autocomplete") items = mini.complete(q, 8);
  if (items === undefined) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ items }));
});
server.listen(Number(values.port ?? 0), "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  console.log(`MiniSearch is serving on http://127.0.0.1:${port}`);
});
