/**
 * Runs every benchmark in bench/ one after the other (each file is a benchmark, except the helpers).
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

// Helpers, and the servers the HTTP benchmarks start (run alone, they would serve until stopped).
const HELPERS = new Set([
  "run-all.ts",
  "child.ts",
  "query-mix.ts",
  "scaled-corpus.ts",
  "minisearch-server.ts",
  "empty-server.ts",
]);
const tsx = join(import.meta.dirname, "..", "node_modules", "tsx", "dist", "cli.mjs");
for (const file of readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !HELPERS.has(f))
  .sort()) {
  console.log(`\n== bench/${file}`);
  execFileSync(process.execPath, [tsx, join(import.meta.dirname, file), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
}
