import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import type { CorpusRecord } from "../core/record.js";
import type { Store } from "../store/store.js";
import { recordTexts } from "./concept-lists.js";
import { detectRecords } from "./detect-records.js";
import { DetectionPool } from "./detection-pool.js";
import { loadNodes } from "./graph-inputs.js";
import { loadConceptDictionary } from "./load-concept-dictionary.js";
import { recordProfile } from "./record-concepts.js";

let store: Store;
beforeAll(async () => {
  store = await openDemoStore();
});
afterAll(() => store.close());

describe("detectRecords", () => {
  it("keeps no record, but indexes their texts as recordTexts does over the records kept in memory", async () => {
    const dictionary = await loadConceptDictionary(store);
    const detection = await detectRecords(store, dictionary, () => undefined);
    expect(detection.nodes.records).toEqual([]);
    const nodes = await loadNodes(store);
    const expected = recordTexts(nodes.records.entries(), dictionary);
    expect(expected.index.documents).toBeGreaterThan(10);
    expect(detection.texts.index.documents).toBe(expected.index.documents);
    expect([...detection.texts.index.members]).toEqual([...expected.index.members]);
    expect([...detection.texts.index.tokens]).toEqual([...expected.index.tokens]);
    expect(detection.texts.names).toEqual(expected.names);
  });

  it("reads each concept's description for the concepts it names, other than itself, the best at 1", async () => {
    const dictionary = await loadConceptDictionary(store);
    const { described } = await detectRecords(store, dictionary, () => undefined);
    const il6 = dictionary.index.get("Interleukin_6") as number;
    const named = (described.get(il6) ?? []).map((e) => dictionary.ids[e.concept]);
    expect(named).toContain("Cytokine");
    expect(named).not.toContain("Interleukin_6");
    const scores = (described.get(il6) ?? []).map((e) => e.score);
    expect(Math.max(...scores)).toBe(1);
    for (const s of scores) expect(s).toBeGreaterThan(0);
  });

  it("detects the same profiles, evidence and mentions with worker threads as on its own thread", async () => {
    const dictionary = await loadConceptDictionary(store);
    const alone = await detectRecords(store, dictionary, () => undefined, { workers: 0 });
    // Blocks of 3 records: some go to each worker, others are detected here when both are busy.
    const pooled = await detectRecords(store, dictionary, () => undefined, { workers: 2, block: 3 });
    expect(alone.profiles.size).toBeGreaterThan(30);
    expect([...pooled.profiles]).toEqual([...alone.profiles]);
    expect([...pooled.mentions]).toEqual([...alone.mentions]);
    for (const [record, edges] of alone.profiles) {
      for (const { concept } of edges) {
        expect(alone.evidence.get(record, concept)).toBeDefined();
        expect(pooled.evidence.get(record, concept)).toEqual(alone.evidence.get(record, concept));
      }
    }
    expect(pooled.nodes.keys).toEqual(alone.nodes.keys);
    expect([...pooled.texts.index.tokens]).toEqual([...alone.texts.index.tokens]);
  });

  it("fails a block sent once a worker has stopped, rather than waiting for an answer", async () => {
    const dictionary = await loadConceptDictionary(store);
    const pool = new DetectionPool(dictionary, 1);
    await pool.close();
    await expect(pool.tryDetect([])).rejects.toThrow(/exited/);
  });
});

describe("recordProfile", () => {
  it("reads a person's description, not their name, for concepts", async () => {
    const dictionary = await loadConceptDictionary(store);
    const concepts = (record: CorpusRecord) =>
      recordProfile(record, dictionary).edges.map((e) => dictionary.ids[e.concept]);
    // The same words as a course's name are its subject; as a person's name, nothing.
    expect(concepts({ type: "course", id: "X-1", name: { en: "Vaccine Antibody" } })).toContain("Vaccine");
    expect(concepts({ type: "person", id: "p-vaccine-antibody", name: { en: "Vaccine Antibody" } })).toEqual(
      [],
    );
    expect(
      concepts({
        type: "person",
        id: "p-vaccine-antibody",
        name: { en: "Vaccine Antibody" },
        description: { en: "She studies how T cells recognise antigens." },
      }),
    ).toContain("T_cell");
  });
});
