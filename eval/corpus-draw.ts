/** What the draw scripts (eval/draw-*.ts) share: their `--seed N --count N` options and the corpus files they read. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { defaultCorpus } from "../src/app/config.js";
import type { CorpusRecord } from "../src/core/record.js";
import { mulberry32 } from "../src/core/seeded-random.js";

/** A draw's settings: the seeded generator (`--seed`, else `seed`) and how many to draw of each pool (`--count`, else `count`). */
export function drawSettings(seed: number, count: number): { random: () => number; count: number } {
  const { values } = parseArgs({ options: { seed: { type: "string" }, count: { type: "string" } } });
  return { random: mulberry32(Number(values.seed ?? seed)), count: Number(values.count ?? count) };
}

/** The records of one JSON Lines file of the default corpus (e.g. "courses.jsonl"). */
export function readCorpusFile(file: string): CorpusRecord[] {
  return readFileSync(join(defaultCorpus(), file), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as CorpusRecord);
}
