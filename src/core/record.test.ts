import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayName, validateRecord } from "./record.js";

const valid = { type: "course", id: "BIO-479", name: { en: "Immunology" } };

function problemOf(value: unknown): { field: string; problem: string } {
  const result = validateRecord(value);
  if (result.ok) throw new Error(`expected a validation error for ${JSON.stringify(value)}`);
  return { field: result.field, problem: result.problem };
}

describe("validateRecord", () => {
  it("accepts a minimal record and a type the format does not list", () => {
    expect(validateRecord(valid)).toEqual({ ok: true, record: valid });
    expect(validateRecord({ ...valid, type: "startup" }).ok).toBe(true);
  });

  it.each([
    ["a record that is not an object", [1, 2], "(record)"],
    ["a missing type", { id: "x", name: { en: "x" } }, "type"],
    ["a numeric id", { type: "course", id: 12, name: { en: "x" } }, "id"],
    ["an empty id", { type: "course", id: "  ", name: { en: "x" } }, "id"],
    ["an id with a newline", { type: "course", id: "a\nb", name: { en: "x" } }, "id"],
    ["an upper-case type", { type: "Course", id: "x", name: { en: "x" } }, "type"],
    ["a missing name", { type: "course", id: "x" }, "name"],
    ["a name that is a string", { type: "course", id: "x", name: "x" }, "name"],
    ["a name with no text", { type: "course", id: "x", name: { en: " " } }, "name"],
    ["a name in a non-string", { type: "course", id: "x", name: { en: 5 } }, "name.en"],
    ["a bad language code", { type: "course", id: "x", name: { "english!": "x" } }, "name.english!"],
    ["a description that is an array", { ...valid, description: ["x"] }, "description"],
    ["aliases that are a string", { ...valid, aliases: "IL-6" }, "aliases"],
    ["a keyword that is a number", { ...valid, keywords: ["a", 3] }, "keywords[1]"],
    ["an attribute that is an object", { ...valid, attrs: { url: { href: "x" } } }, "attrs.url"],
    ["an attribute array holding an object", { ...valid, attrs: { tags: ["a", {}] } }, "attrs.tags[1]"],
    ["attrs that are an array", { ...valid, attrs: [] }, "attrs"],
    [
      "an attribute called __proto__",
      JSON.parse('{"type":"course","id":"x","name":{"en":"x"},"attrs":{"__proto__":1}}'),
      "attrs.__proto__",
    ],
    ["links that are an object", { ...valid, links: {} }, "links"],
    ["a link without id", { ...valid, links: [{ rel: "teacher", type: "person" }] }, "links[0].id"],
    ["a link with a numeric rel", { ...valid, links: [{ rel: 1, type: "person", id: "p" }] }, "links[0].rel"],
    [
      "a link id with a NUL",
      { ...valid, links: [{ rel: "teacher", type: "person", id: "p\u0000" }] },
      "links[0].id",
    ],
    ["a description with a NUL", { ...valid, description: { en: "a\u0000b" } }, "description.en"],
    ["a keyword with a NUL", { ...valid, keywords: ["ok", "a\u0000"] }, "keywords[1]"],
    ["an attribute with a NUL", { ...valid, attrs: { tags: ["a", "b\u0000"] } }, "attrs.tags[1]"],
  ])("names the field of %s", (_label, value, field) => {
    expect(problemOf(value).field).toBe(field);
  });

  it("drops empty optional fields, null attributes and unknown top-level fields", () => {
    const result = validateRecord({
      ...valid,
      description: { en: "" },
      aliases: [],
      keywords: [" "],
      attrs: { year: null },
      links: [],
      extra: "ignored",
    });
    expect(result).toEqual({ ok: true, record: valid });
  });

  it("rejects values past the limits", () => {
    expect(problemOf({ ...valid, id: "x".repeat(513) }).field).toBe("id");
    expect(problemOf({ ...valid, name: { en: "x".repeat(2_001) } }).problem).toMatch(/longer than/);
  });

  it("returns a record that validates to itself (normalisation is idempotent)", () => {
    const text = fc.dictionary(fc.constantFrom("en", "fr", "de", "pt-BR"), fc.string());
    const scalar = fc.oneof(fc.string(), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    const record = fc.record(
      {
        type: fc.constantFrom("course", "concept", "startup"),
        id: fc.string({ minLength: 1 }),
        name: fc.constant({ en: "Name" }),
        description: text,
        aliases: fc.array(fc.string()),
        attrs: fc.dictionary(fc.string(), fc.oneof(scalar, fc.array(scalar))),
        links: fc.array(
          fc.record({ rel: fc.constant("link"), type: fc.constant("concept"), id: fc.constant("X") }),
        ),
      },
      { requiredKeys: ["type", "id", "name"] },
    );
    fc.assert(
      fc.property(record, (value) => {
        const first = validateRecord(value);
        if (!first.ok) return;
        const again = validateRecord(JSON.parse(JSON.stringify(first.record)));
        expect(again).toEqual(first);
      }),
    );
  });
});

describe("displayName", () => {
  it("prefers the asked language, then English, French, any", () => {
    expect(displayName({ name: { en: "Immunology", fr: "Immunologie" } }, "fr")).toBe("Immunologie");
    expect(displayName({ name: { fr: "Immunologie", de: "Immunologie (de)" } }, "it")).toBe("Immunologie");
    expect(displayName({ name: { de: "Immunologie" } })).toBe("Immunologie");
  });
});
