import { describe, expect, it } from "vitest";
import { shortens } from "./resolve-subject.js";

describe("shortens", () => {
  it.each([
    ["Eigenvalues", "Eigenvalues and eigenvectors"],
    ["PCR", "Polymerase chain reaction"],
    ["Navier stokes", "Navier–Stokes equations"],
  ])("takes %j as a shorter way to say %j", (alias, name) => {
    expect(shortens(alias, name)).toBe(true);
  });

  it.each([
    ["adsorption isotherm", "Adsorption"],
    ["Copernicanism", "Heliocentrism"],
  ])("does not take %j, a narrower or other topic, as %j", (alias, name) => {
    expect(shortens(alias, name)).toBe(false);
  });
});
