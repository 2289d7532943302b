import { describe, expect, it } from "vitest";
import { CampusGraphError } from "../core/errors.js";
import { type Migration, pendingMigrations } from "./engine-parts.js";

const steps: Migration[] = [1, 2, 3].map((version) => ({ version, name: `step ${version}`, sql: "" }));

describe("pendingMigrations", () => {
  it("returns the steps after the database's version, in order", () => {
    expect(pendingMigrations(steps, 0, "db").map((m) => m.version)).toEqual([1, 2, 3]);
    expect(pendingMigrations(steps, 2, "db").map((m) => m.version)).toEqual([3]);
    expect(pendingMigrations(steps, 3, "db")).toEqual([]);
  });

  it("refuses a database newer than the program, naming it", () => {
    const run = () => pendingMigrations(steps, 4, "campus.db");
    expect(run).toThrow(CampusGraphError);
    expect(run).toThrow(/campus\.db/);
  });

  it("refuses a list whose versions are not 1, 2, 3, …", () => {
    const gap = [steps[0], steps[2]] as Migration[];
    expect(() => pendingMigrations(gap, 0, "db")).toThrow(/step 3 has version 3, not 2/);
  });
});
