import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { isCampusGraphError } from "../core/errors.js";
import type { CorpusRecord } from "../core/record.js";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";
import { corpusHashKey, importCorpus } from "./import-corpus.js";

const folder = mkdtempSync(join(tmpdir(), "campus-graph-import-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let counter = 0;

const concepts: CorpusRecord[] = [
  { type: "concept", id: "Interleukin_6", name: { en: "Interleukin 6" }, aliases: ["IL-6"] },
  { type: "concept", id: "T_cell", name: { en: "T cell", fr: "Lymphocyte T" } },
];
const courses: CorpusRecord[] = [
  {
    type: "course",
    id: "BIO-479",
    name: { en: "Immunology" },
    links: [
      { rel: "prerequisite", type: "course", id: "BIO-101" },
      { rel: "prerequisite", type: "course", id: "BIO-999" },
    ],
  },
  { type: "course", id: "BIO-101", name: { en: "Biology" } },
  { type: "startup", id: "AC/DC", name: { en: "A startup" } } as CorpusRecord,
];

const lines = (records: readonly unknown[]) =>
  records.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n");

/** Writes a corpus folder: each entry is a file name and its lines (strings are written as they are). */
function corpus(files: Record<string, readonly unknown[] | Buffer>, manifest?: unknown): string {
  const dir = join(folder, `corpus-${counter++}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), Buffer.isBuffer(content) ? content : `${lines(content)}\n`);
  }
  writeFileSync(
    join(dir, "manifest.json"),
    JSON.stringify(manifest ?? { name: "test", files: Object.keys(files) }),
  );
  return dir;
}

const newDb = () => join(folder, `db-${counter++}.db`);

async function withStore<T>(path: string, work: (store: SqliteStore) => Promise<T>): Promise<T> {
  const store = SqliteStore.open(path);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Every row of every table, in a fixed order: the database's content. */
function dumpContent(path: string): string {
  const db = new Database(path, { readonly: true });
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'search_text%' ORDER BY name",
    )
    .all() as { name: string }[];
  const dump = tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]);
  db.close();
  return JSON.stringify(dump);
}

const fileHash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("importCorpus", () => {
  const good = corpus({ "concepts.jsonl": concepts, "courses.jsonl": courses });

  it("imports every record of every type, unknown types included, and counts dangling links", async () => {
    const report = await withStore(newDb(), (store) => importCorpus(store, good));
    expect(report.recordsByType).toEqual({ concept: 2, course: 2, startup: 1 });
    expect(report.inserted).toBe(5);
    expect(report.danglingLinks).toBe(1);
    expect(report.danglingExamples[0]?.target).toEqual({ type: "course", id: "BIO-999" });
    expect(report.problems).toEqual([]);
  });

  it("changes nothing when the same corpus is imported twice", async () => {
    const db = newDb();
    await withStore(db, (store) => importCorpus(store, good));
    const before = dumpContent(db);
    const again = await withStore(db, (store) => importCorpus(store, good));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
    expect(dumpContent(db)).toBe(before);
  });

  it("replaces a record whose content changed and records the corpus hash", async () => {
    const db = newDb();
    await withStore(db, (store) => importCorpus(store, good));
    const changed = corpus({
      "courses.jsonl": [{ type: "course", id: "BIO-101", name: { en: "Biology I" } }],
    });
    const report = await withStore(db, (store) => importCorpus(store, changed));
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    await withStore(db, async (store) => {
      expect(await store.getRecord({ type: "course", id: "BIO-101" })).toEqual({
        type: "course",
        id: "BIO-101",
        name: { en: "Biology I" },
      });
      expect(await store.getMeta(corpusHashKey("test"))).toBe(report.corpusHash);
    });
  });

  it("reads gzip-compressed files and single-file corpora", async () => {
    const gz = corpus({ "concepts.jsonl.gz": gzipSync(`${lines(concepts)}\n`) });
    expect((await withStore(newDb(), (store) => importCorpus(store, gz))).inserted).toBe(2);
    const single = join(folder, "single.jsonl");
    writeFileSync(single, lines(courses));
    expect((await withStore(newDb(), (store) => importCorpus(store, single))).recordsByType).toEqual({
      course: 2,
      startup: 1,
    });
  });

  const badLines: [string, string, RegExp][] = [
    ["a line that is not JSON", "{not json", /^courses\.jsonl:2: not valid JSON/],
    [
      "a record without type",
      JSON.stringify({ id: "X", name: { en: "x" } }),
      /^courses\.jsonl:2: field "type": is required/,
    ],
    [
      "a record without id",
      JSON.stringify({ type: "course", name: { en: "x" } }),
      /^courses\.jsonl:2: field "id": is required/,
    ],
    [
      "a record without name",
      JSON.stringify({ type: "course", id: "X" }),
      /^courses\.jsonl:2: field "name": is required/,
    ],
    [
      "a field of the wrong type",
      JSON.stringify({ type: "course", id: "X", name: { en: "x" }, keywords: "a, b" }),
      /^courses\.jsonl:2: field "keywords": must be an array/,
    ],
  ];

  describe.each(badLines)("with %s", (_label, badLine, message) => {
    // Lines before the bad one change a record and add one, so that a lost rollback would show.
    const changedConcept = { ...concepts[0], name: { en: "Interleukin six" } };
    const newCourse = { type: "course", id: "NEW-1", name: { en: "New" } };
    const bad = corpus({
      "concepts.jsonl": [changedConcept, concepts[1]],
      "courses.jsonl": [newCourse, badLine, courses[1]],
    });

    it("fails naming file, line and field, and leaves the database exactly as it was", async () => {
      const db = newDb();
      await withStore(db, (store) => importCorpus(store, good));
      const content = dumpContent(db);
      const bytes = fileHash(db);
      // Batches of one: the lines before the bad one are written before it fails.
      const error = await withStore(db, (store) => importCorpus(store, bad, { batchSize: 1 })).catch(
        (e: unknown) => e,
      );
      expect(isCampusGraphError(error)).toBe(true);
      expect((error as Error).message).toMatch(message);
      expect(dumpContent(db)).toBe(content);
      expect(fileHash(db)).toBe(bytes);
    });

    it("skips only that line with keepGoing, and reports it", async () => {
      const report = await withStore(newDb(), (store) => importCorpus(store, bad, { keepGoing: true }));
      expect(report.inserted).toBe(4);
      expect(report.problems).toHaveLength(1);
      expect(report.problems[0]).toMatchObject({ file: "courses.jsonl", line: 2 });
      expect(report.problems[0]?.message).toMatch(message);
    });
  });

  it("reports a line that is not UTF-8 as a bad line", async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${JSON.stringify(concepts[0])}\n`),
      Buffer.from([0x7b, 0xe9, 0x7d, 0x0a]),
    ]);
    const bad = corpus({ "concepts.jsonl": bytes });
    await expect(withStore(newDb(), (store) => importCorpus(store, bad))).rejects.toThrow(
      "concepts.jsonl:2: not valid UTF-8 text",
    );
  });

  it("fails on a file the manifest names but the folder lacks, or skips it with keepGoing", async () => {
    const missing = corpus(
      { "concepts.jsonl": concepts },
      { name: "m", files: ["concepts.jsonl", "people.jsonl"] },
    );
    await expect(withStore(newDb(), (store) => importCorpus(store, missing))).rejects.toThrow(
      "people.jsonl: listed in manifest.json but not found",
    );
    const report = await withStore(newDb(), (store) => importCorpus(store, missing, { keepGoing: true }));
    expect(report.inserted).toBe(2);
    expect(report.problems.map((p) => p.code)).toEqual(["CORPUS_FILE_MISSING"]);
  });

  it("fails on a truncated gzip and keeps nothing, or keeps what was readable with keepGoing", async () => {
    const many = Array.from({ length: 3_000 }, (_, i) => ({
      type: "person",
      id: `p-${i}`,
      name: { en: `Person ${i}` },
    }));
    const whole = gzipSync(`${lines(many)}\n`);
    const cut = corpus({
      "concepts.jsonl": concepts,
      "people.jsonl.gz": whole.subarray(0, whole.length - 200),
    });
    const db = newDb();
    const error = await withStore(db, (store) => importCorpus(store, cut)).catch((e: unknown) => e);
    expect(isCampusGraphError(error, "CORPUS_FILE_UNREADABLE")).toBe(true);
    expect((error as Error).message).toMatch(/^people\.jsonl\.gz:\d+: .*truncated/);
    expect(await withStore(db, (store) => store.countRecords())).toEqual({});
    const report = await withStore(newDb(), (store) => importCorpus(store, cut, { keepGoing: true }));
    expect(report.problems.map((p) => p.code)).toEqual(["CORPUS_FILE_UNREADABLE"]);
    expect(report.recordsByType.concept).toBe(2);
    expect(report.recordsByType.person).toBeGreaterThan(0);
  });

  it.each([
    ["not JSON", "{", /not valid JSON/],
    ["without files", JSON.stringify({ name: "x" }), /"files" must be a non-empty array/],
    [
      "naming a file outside the folder",
      JSON.stringify({ files: ["../x.jsonl"] }),
      /outside the corpus folder/,
    ],
    ["naming a file that is not JSON Lines", JSON.stringify({ files: ["x.csv"] }), /must name a \.jsonl/],
  ])("rejects a manifest %s", async (_label, manifest, message) => {
    const dir = corpus({ "concepts.jsonl": concepts });
    writeFileSync(join(dir, "manifest.json"), manifest);
    await expect(withStore(newDb(), (store) => importCorpus(store, dir))).rejects.toThrow(message);
  });

  it("rejects a path that is not a corpus", async () => {
    const error = await withStore(newDb(), (store) => importCorpus(store, join(folder, "nowhere"))).catch(
      (e) => e,
    );
    expect(isCampusGraphError(error, "CORPUS_NOT_FOUND")).toBe(true);
  });
});
