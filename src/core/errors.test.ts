import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CampusGraphError, ERROR_CATALOGUE, formatErrorMessage, isCampusGraphError } from "./errors.js";

describe("error catalogue", () => {
  it("documents every code in docs/ERRORS.md", () => {
    const doc = readFileSync(join(import.meta.dirname, "..", "..", "docs", "ERRORS.md"), "utf8");
    const documented = new Set([...doc.matchAll(/^\|\s*`([A-Z_0-9]+)`\s*\|/gm)].map((m) => m[1]));
    const undocumented = Object.keys(ERROR_CATALOGUE).filter((code) => !documented.has(code));
    expect(undocumented).toEqual([]);
  });

  it("fills a message template from the details and leaves unknown placeholders visible", () => {
    expect(
      formatErrorMessage("RECORD_INVALID", { file: "a.jsonl", line: 3, field: "id", problem: "is required" }),
    ).toBe('a.jsonl:3: field "id": is required');
    expect(formatErrorMessage("CORPUS_FILE_MISSING", {})).toBe(
      "{file}: listed in manifest.json but not found",
    );
  });

  it("carries its code, details and cause", () => {
    const cause = new Error("low level");
    const error = new CampusGraphError("CORPUS_NOT_FOUND", { path: "/x" }, { cause });
    expect(isCampusGraphError(error, "CORPUS_NOT_FOUND")).toBe(true);
    expect(isCampusGraphError(error, "INTERNAL")).toBe(false);
    expect(error.cause).toBe(cause);
    expect(error.details.path).toBe("/x");
  });
});
