import { describe, expect, it } from "vitest";
import { CSRF_VALIDITY_MS, csrfTokens } from "./csrf.js";

describe("csrfTokens", () => {
  it("accepts its own tokens until they expire, and refuses forged or foreign ones", () => {
    let now = 1_000;
    const tokens = csrfTokens(Buffer.from("secret"), () => now);
    const token = tokens.issue();
    expect(tokens.check(token)).toBe(true);
    expect(tokens.check(undefined)).toBe(false);
    expect(tokens.check("")).toBe(false);
    expect(tokens.check(`${token}x`)).toBe(false);
    expect(tokens.check(token.replace(/^\d+/, "2000"))).toBe(false);
    expect(csrfTokens(Buffer.from("other"), () => now).check(token)).toBe(false);
    now += CSRF_VALIDITY_MS;
    expect(tokens.check(token)).toBe(false);
  });
});
