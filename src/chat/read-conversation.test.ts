import { describe, expect, it } from "vitest";
import type { ChatMessage } from "./plan.js";
import { readConversation } from "./read-conversation.js";

const listed: ChatMessage[] = [
  { role: "user", content: "moocs about glaciers" },
  { role: "assistant", content: "- [Ice Sheets](/mooc/m-ice)\n- [Glacier Hazards](/mooc/m-hazard)" },
];

describe("readConversation", () => {
  it("reads records of another type asked of the previous list as linked to that list, not about its subject", () => {
    const one: ChatMessage[] = [
      { role: "user", content: "publications about herbivory" },
      { role: "assistant", content: "There are 22, e.g. [Digestive physiology](/publication/ethz-rc-1)." },
    ];
    const units = readConversation([...one, { role: "user", content: "which units are they from" }]).reading;
    expect(units.subjects).toEqual(["herbivory"]);
    expect(units.types).toEqual(["unit", "publication"]);
    const labs = readConversation([...one, { role: "user", content: "which labs are those from?" }]);
    expect(labs.reading.types).toEqual(["unit", "publication"]);
    // With no pronoun, the same type asked about the subject is a list of its own.
    expect(readConversation([...one, { role: "user", content: "and units?" }]).reading.types).toEqual([
      "unit",
    ]);
  });

  it("reads a follow-up that picks a record of the last answer as a question about that record", () => {
    const read = readConversation([...listed, { role: "user", content: "who teaches the second one?" }]);
    expect(read.linked).toMatchObject({ type: "mooc", id: "m-hazard" });
    expect(read.reading.types).toEqual(["person"]);
    expect(read.reading.subjects).toEqual([]);
  });

  it("reads a pick with nothing else asked as what the record is about, not as small talk", () => {
    const read = readConversation([...listed, { role: "user", content: "more on the first one?" }]);
    expect(read.linked).toMatchObject({ id: "m-ice" });
    expect(read.reading.offTopic).toBeUndefined();
    expect(read.reading.cues.has("about")).toBe(true);
  });

  it("keeps a question about a picked record that asks more than what it is off topic", () => {
    const read = readConversation([...listed, { role: "user", content: "is the first one any good?" }]);
    expect(read.reading.offTopic).toBeDefined();
    const french = readConversation([
      ...listed,
      { role: "user", content: "tu peux m'en dire plus sur le dernier ?" },
    ]);
    expect(french.reading.offTopic).toBeUndefined();
  });
  it("reads a correction of the type asked ('sorry, I meant papers', 'non, je voulais dire des cours') with the same subject", () => {
    for (const [content, type] of [
      ["sorry, I meant papers", "publication"],
      ["non, je voulais dire des cours", "course"],
      ["I'd rather have lectures", "lecture"],
    ] as const) {
      const read = readConversation([...listed, { role: "user", content }]);
      expect(read.reading.types).toEqual([type]);
      expect(read.reading.subjects).toEqual(["glaciers"]);
      expect(read.inherited).toBe(true);
    }
  });

  it("reads a follow-up that asks the authors of the papers listed as pointing at all of them", () => {
    const papers: ChatMessage[] = [
      { role: "user", content: "papers on glaciers" },
      { role: "assistant", content: "- [Ice](/publication/p-ice)\n- [Melt](/publication/p-melt)" },
    ];
    const read = readConversation([
      ...papers,
      { role: "user", content: "qui sont les auteurs de ces articles ?" },
    ]);
    expect(read.linkedAll?.map((l) => l.id)).toEqual(["p-ice", "p-melt"]);
    expect(read.reading.cues.has("author")).toBe(true);
    expect(read.reading.subjects).toEqual(["glaciers"]);
  });

  it("reads a pronoun for a person as the first person the last answer linked, not the earlier subject", () => {
    const read = readConversation([
      { role: "user", content: "Who teaches Distributed intelligent systems?" },
      {
        role: "assistant",
        content:
          "[Distributed intelligent systems](/course/ENG-466) is taught by [Alcherio Martinoli](/person/p-am).",
      },
      { role: "user", content: "and which lab is he in?" },
    ]);
    expect(read.linked).toMatchObject({ type: "person", id: "p-am" });
    expect(read.reading.subjects).toEqual([]);
    expect(read.reading.types).toEqual(["unit"]);
  });
});
