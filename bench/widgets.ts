/**
 * Widget benchmark: the size of /widgets.js (raw and gzipped), and the time the widgets take to show their
 * first items in Debian's headless Chromium, embedded in a plain page of another origin: from the start of the
 * navigation to the `campus-graph-load` event of the last of three widgets (related courses of a concept, the
 * concepts of a course, related lectures), median and p90 over repeated loads with a warm browser cache, and the
 * first (cold) load. Runs on the default database (a copy of the evaluation database: --db FILE to choose).
 * Run: npm run bench (or: npx tsx bench/widgets.ts [--db FILE] [--runs N]).
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { chromium } from "playwright-core";
import { evalDatabasePath } from "../eval/eval-store.js";
import { openStore } from "../src/app/open-store.js";
import { createHttpApp } from "../src/server/create-app.js";
import { WIDGET_SCRIPT } from "../src/web/widget-script.js";
import { table } from "./child.js";

const CHROMIUM = "/usr/bin/chromium";
const { values } = parseArgs({ options: { db: { type: "string" }, runs: { type: "string" } } });
const runs = Number(values.runs ?? 20);

console.log(
  table([
    ["script", "bytes", "gzipped bytes"],
    [
      "/widgets.js",
      String(Buffer.byteLength(WIDGET_SCRIPT)),
      String(gzipSync(WIDGET_SCRIPT, { level: 9 }).length),
    ],
  ]),
);
if (!existsSync(CHROMIUM)) {
  console.log(`bench/widgets: ${CHROMIUM} is missing, render time not measured`);
  process.exit(0);
}

function listen(fetch: (request: Request) => Response | Promise<Response>) {
  return new Promise<{ url: string; close: () => void }>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

const folder = mkdtempSync(join(tmpdir(), "campus-graph-bench-widgets-"));
const db = join(folder, "widgets.db");
copyFileSync(await evalDatabasePath(values.db), db);
const store = await openStore(db);
let apiUrl = "";
const host = new Hono();
host.get("/", (c) =>
  c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script>window.loads=[];document.addEventListener("campus-graph-load",()=>loads.push(performance.now()));</script>
<script type="module" src="${apiUrl}/widgets.js"></script></head><body>
<campus-graph-related type="concept" id="Interleukin_6" related="course" limit="5"></campus-graph-related>
<campus-graph-related type="course" id="CS-433" related="concept" limit="8"></campus-graph-related>
<campus-graph-related type="concept" id="Interleukin_6" related="lecture" limit="5" lang="fr"></campus-graph-related>
</body></html>`),
);
const site = await listen(host.fetch);
const api = await listen(createHttpApp(store, { corsOrigins: [site.url] }).fetch);
apiUrl = api.url;
const context = await chromium.launchPersistentContext(join(folder, "profile"), {
  executablePath: CHROMIUM,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    await page.goto(site.url);
    await page.waitForFunction("window.loads.length === 3", undefined, { timeout: 10_000 });
    times.push((await page.evaluate("Math.max(...window.loads)")) as number);
  }
  const [cold, ...warm] = times;
  warm.sort((a, b) => a - b);
  const at = (q: number) => (warm[Math.min(warm.length - 1, Math.floor(q * warm.length))] ?? 0).toFixed(0);
  console.log(
    table([
      ["three widgets on a page of another origin", "first load ms", "median ms", "p90 ms", "runs"],
      ["navigation start → last widget shown", (cold ?? 0).toFixed(0), at(0.5), at(0.9), String(warm.length)],
    ]),
  );
} finally {
  await context.close();
  site.close();
  api.close();
  await store.close();
  rmSync(folder, { recursive: true, force: true });
}
