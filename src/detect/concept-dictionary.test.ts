import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { isShared } from "../core/shared-arrays.js";
import { tokenise } from "../text/tokenise.js";
import { detectConcepts } from "./concept-detector.js";
import {
  acronymOf,
  buildConceptDictionary,
  isCaseBlindAmbiguous,
  withoutArticle,
} from "./concept-dictionary.js";
import { CONTAINED_WEIGHT, spotSurfaces } from "./spot-surfaces.js";
import { surfaceAt, surfaceTexts } from "./surface-table.js";

const CONCEPT = {
  aliases: [],
  cluster: "immunology",
  category: undefined,
  parentCategory: undefined,
  links: [],
} as const;

describe("acronymOf", () => {
  it.each([
    ["Recurrent neural network", "RNN"],
    ["Part of speech", "POS"],
    ["Long short-term memory", "LSTM"],
  ])("gives %s the initials %s", (name, acronym) => {
    expect(acronymOf(name)).toBe(acronym);
  });

  it("leaves out short names, long names, names with digits and disambiguated titles", () => {
    expect(acronymOf("Machine learning")).toBeUndefined();
    expect(acronymOf("Interleukin 6 receptor subunit")).toBeUndefined();
    expect(acronymOf("A b c d e f g")).toBeUndefined();
    expect(acronymOf("Theory of everything (physics)")).toBeUndefined();
  });
});

describe("isCaseBlindAmbiguous", () => {
  it("tells an acronym that is also a word from one that is not", () => {
    const dictionary = buildConceptDictionary([
      {
        ...CONCEPT,
        id: "EELS",
        name: "Electron energy loss spectroscopy",
        names: ["Electron energy loss spectroscopy"],
        aliases: ["EELS"],
      },
      { ...CONCEPT, id: "Eel", name: "Eel", names: ["Eel"] },
      {
        ...CONCEPT,
        id: "PCA",
        name: "Principal component analysis",
        names: ["Principal component analysis"],
        aliases: ["PCA"],
      },
    ]);
    expect(isCaseBlindAmbiguous(dictionary, "EELS")).toBe(true);
    expect(isCaseBlindAmbiguous(dictionary, "PCA")).toBe(false);
    expect(isCaseBlindAmbiguous(dictionary, "Eel")).toBe(false);
    expect(isCaseBlindAmbiguous(dictionary, "XYZ")).toBe(false);
  });
});

describe("buildConceptDictionary", () => {
  it("reads the words of a field's name as part of it, not as concepts of their own", () => {
    const concepts = ["Machine", "Learning", "Deep learning"].map((name) => ({
      ...CONCEPT,
      id: name.replace(/ /g, "_"),
      name,
      names: [name],
    }));
    const weights = (fieldNames: string[]) => {
      const dictionary = buildConceptDictionary(concepts, { fieldNames });
      const text = "Machine learning and deep learning; learning by doing with a machine.";
      return spotSurfaces(dictionary, tokenise(text, "en"), "en").map((s) => [
        dictionary.ids[s.surface.candidates[0]?.concept ?? -1],
        s.first,
        s.weight,
      ]);
    };
    expect(weights([])).toEqual([
      ["Machine", 0, 1],
      ["Learning", 1, 1],
      ["Deep_learning", 3, 1],
      ["Learning", 4, CONTAINED_WEIGHT],
      ["Learning", 5, 1],
      ["Machine", 10, 1],
    ]);
    // A field a concept names already ("Deep learning") stays that concept's; one-word fields add nothing.
    expect(weights(["Machine learning", "Deep learning", "Learning"])).toEqual([
      ["Machine", 0, CONTAINED_WEIGHT],
      ["Learning", 1, CONTAINED_WEIGHT],
      ["Deep_learning", 3, 1],
      ["Learning", 4, CONTAINED_WEIGHT],
      ["Learning", 5, 1],
      ["Machine", 10, 1],
    ]);
  });

  it("adds the initials of a long name as a derived form, matched in capitals only", () => {
    const dictionary = buildConceptDictionary([
      {
        id: "Recurrent_neural_network",
        name: "Recurrent neural network",
        names: ["Recurrent neural network"],
        aliases: [],
        cluster: undefined,
        category: undefined,
        parentCategory: undefined,
        links: [],
      },
    ]);
    const rnn = surfaceAt(dictionary.surfaces, surfaceTexts(dictionary.surfaces).indexOf("RNN"));
    expect(rnn.candidates.map((c) => [c.kind, c.caseSensitive])).toEqual([["derived", true]]);
  });

  it("files aliases without a leading article, so that the name and its capital make the mention", () => {
    const dictionary = buildConceptDictionary([
      {
        id: "United_States",
        name: "United States",
        names: ["United States"],
        aliases: ["the United States", "USA"],
        cluster: undefined,
        category: undefined,
        parentCategory: undefined,
        links: [],
      },
    ]);
    expect(surfaceTexts(dictionary.surfaces).sort()).toEqual(["USA", "United States"]);
    const [found] = detectConcepts(dictionary, "Swimming and diving in the United States.", { threshold: 0 });
    expect(found?.mentions.map((m) => m.text)).toEqual(["United States"]);
  });
});

/** Every typed array among `value`'s properties, one level of objects deep, by name. */
function typedArrays(value: object): [string, ArrayBufferView][] {
  return Object.entries(value).flatMap(([name, part]): [string, ArrayBufferView][] => {
    if (ArrayBuffer.isView(part)) return [[name, part]];
    if (typeof part !== "object" || part === null || part instanceof Map || Array.isArray(part)) return [];
    return typedArrays(part).map(([inner, array]) => [`${name}.${inner}`, array]);
  });
}

describe("a dictionary sent to a worker thread", () => {
  const dictionary = buildConceptDictionary([
    { ...CONCEPT, id: "T_cell", name: "T cell", names: ["T cell"], links: ["Antigen"] },
    { ...CONCEPT, id: "Antigen", name: "Antigen", names: ["Antigen"], aliases: ["antigens"] },
  ]);

  it("holds every table on shared memory", () => {
    const tables = typedArrays(dictionary);
    expect(tables.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        "trie.slotParent",
        "surfaces.prior",
        "links.targets",
        "cluster",
        "conceptFeatures",
      ]),
    );
    expect(tables.filter(([, array]) => !isShared(array)).map(([name]) => name)).toEqual([]);
  });

  it("is read there from the same memory, not from a copy", async () => {
    // The worker reads a value written after the dictionary was sent: only shared memory shows it the new one.
    const worker = new Worker(
      `const { parentPort, workerData } = require("node:worker_threads");
       parentPort.once("message", () => parentPort.postMessage([workerData.surfaces.prior[0], workerData.trie.surfaceAt[0]]));`,
      { eval: true, workerData: dictionary },
    );
    try {
      dictionary.surfaces.prior[0] = 0.125;
      dictionary.trie.surfaceAt[0] = 99;
      const seen = new Promise((resolve) => worker.once("message", resolve));
      worker.postMessage("read");
      expect(await seen).toEqual([0.125, 99]);
    } finally {
      await worker.terminate();
    }
  });
});

describe("withoutArticle", () => {
  it.each([
    ["the United States", "United States"],
    ["The Hague", "Hague"],
    ["l'Europe", "Europe"],
    ["la Suisse", "Suisse"],
    ["Theory", "Theory"],
    ["Lagrangian", "Lagrangian"],
    ["A priori", "A priori"],
    ["The", "The"],
  ])("files %s as %s", (form, filed) => {
    expect(withoutArticle(form)).toBe(filed);
  });
});
