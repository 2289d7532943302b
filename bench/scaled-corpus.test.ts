import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CorpusRecord } from "../src/core/record.js";
import { DEMO_CORPUS } from "../test/demo-store.js";
import { writeScaledCorpus } from "./scaled-corpus.js";

const folder = mkdtempSync(join(tmpdir(), "campus-graph-scaled-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function readCorpus(path: string): CorpusRecord[] {
  return readdirSync(path)
    .filter((file) => file.endsWith(".jsonl"))
    .sort()
    .flatMap((file) =>
      readFileSync(join(path, file), "utf8")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as CorpusRecord),
    );
}

describe("writeScaledCorpus", () => {
  it("writes the ontology once and every other record K times, each copy linked within itself", async () => {
    const original = readCorpus(DEMO_CORPUS);
    const count = await writeScaledCorpus(DEMO_CORPUS, join(folder, "x3"), 3);
    const scaled = readCorpus(join(folder, "x3"));
    const ontology = original.filter((r) => r.type === "concept" || r.type === "category").length;
    expect(scaled).toHaveLength(ontology + 3 * (original.length - ontology));
    expect(count).toBe(scaled.length);
    const keys = new Set(scaled.map((r) => `${r.type} ${r.id}`));
    expect(keys.size).toBe(scaled.length);
    const linked = (records: CorpusRecord[]) =>
      records.flatMap((r) => r.links ?? []).filter((l) => keys.has(`${l.type} ${l.id}`)).length;
    // Every link that reached a record in the original reaches one in each copy.
    expect(linked(scaled)).toBe(
      3 * linked(original) -
        2 * linked(original.filter((r) => r.type === "concept" || r.type === "category")),
    );
    for (const record of scaled.filter((r) => r.id.endsWith("~2"))) {
      for (const link of record.links ?? []) {
        if (link.type !== "concept" && link.type !== "category") expect(link.id).toMatch(/~2$/);
      }
    }
  });

  it("varies the texts of the copies and writes the same corpus every time", async () => {
    await writeScaledCorpus(DEMO_CORPUS, join(folder, "a"), 2);
    await writeScaledCorpus(DEMO_CORPUS, join(folder, "b"), 2);
    const a = readCorpus(join(folder, "a"));
    expect(readCorpus(join(folder, "b"))).toEqual(a);
    const course = a.find((r) => r.type === "course" && r.id === "BIO-310");
    const copy = a.find((r) => r.type === "course" && r.id === "BIO-310~2");
    expect(copy?.name).toEqual(course?.name);
    expect(copy?.description).not.toEqual(course?.description);
  });
});
