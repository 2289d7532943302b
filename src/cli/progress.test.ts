import { describe, expect, it } from "vitest";
import { createProgress } from "./progress.js";

/** A progress on a fake terminal, each update drawn (the clock moves past the redraw interval). */
function drawn(total: number, done: number): string {
  const lines: string[] = [];
  const progress = createProgress(
    "build: stage",
    { write: (t) => lines.push(t), isTTY: false },
    {
      unit: "records",
      logEveryMs: 0,
    },
  );
  progress.update(done, total, done);
  return lines.join("");
}

describe("createProgress", () => {
  it("prints the count, rate and ETA of a stage counted in many steps", () => {
    expect(drawn(1_000, 250)).toMatch(/25% \(250 records, [\d,]+ records\/s, ETA \d+s\)/);
  });

  it("prints only how long a stage of one step has run, no rate or ETA", () => {
    const line = drawn(1, 0);
    expect(line).toMatch(/running for \d+s/);
    expect(line).not.toMatch(/ETA|\/s/);
  });
});
