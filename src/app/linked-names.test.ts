import { describe, expect, it } from "vitest";
import type { CorpusRecord } from "../core/record.js";
import { withoutLinkedNames } from "./linked-names.js";

const PEOPLE = new Map([
  ["p-adams", "Ryan Adams"],
  ["p-agarwal", "Anant Agarwal"],
  ["p-lee", "Lee"],
]);
const nameOf = (id: string) => PEOPLE.get(id);

const mooc = (name: string, description?: string, people = ["p-adams"]): CorpusRecord => ({
  type: "mooc",
  id: "m1",
  name: { en: name },
  ...(description ? { description: { en: description } } : {}),
  links: people.map((id) => ({ rel: "instructor", type: "person", id })),
});

describe("withoutLinkedNames", () => {
  it("blanks a linked person's name in the name and description, keeping the texts' lengths", () => {
    const record = mooc("Lecture slides by Ryan Adams (2020)", "Taught by RYAN ADAMS and Anant Agarwal.", [
      "p-adams",
      "p-agarwal",
    ]);
    const blanked = withoutLinkedNames(record, nameOf);
    expect(blanked.name.en).toBe(`Lecture slides by ${" ".repeat(10)} (2020)`);
    expect(blanked.description?.en).toBe(`Taught by ${" ".repeat(10)} and ${" ".repeat(13)}.`);
    expect(blanked.name.en?.length).toBe(record.name.en?.length);
    expect(record.name.en).toBe("Lecture slides by Ryan Adams (2020)");
  });

  it("leaves names of people the record does not link to, and one-word names", () => {
    const record = mooc("Anant Agarwal on circuits; Lee on Ryan Adams", undefined, ["p-lee", "p-agarwal"]);
    expect(withoutLinkedNames(record, nameOf).name.en).toBe(
      `${" ".repeat(13)} on circuits; Lee on Ryan Adams`,
    );
  });

  it("does not blank a name inside a longer word, and returns the record itself when nothing matches", () => {
    const record = mooc("Ryan Adamson's statistics");
    expect(withoutLinkedNames(record, nameOf)).toBe(record);
    const unlinked: CorpusRecord = { type: "course", id: "c", name: { en: "Ryan Adams" } };
    expect(withoutLinkedNames(unlinked, nameOf)).toBe(unlinked);
  });

  it("reads a name with characters that mean something in a pattern as plain text", () => {
    const record = mooc("Slides by J. (Jo) Doe+", undefined, ["p-odd"]);
    const blanked = withoutLinkedNames(record, (id) => (id === "p-odd" ? "J. (Jo) Doe+" : undefined));
    expect(blanked.name.en).toBe(`Slides by ${" ".repeat(12)}`);
  });
});
