import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runBin, serverUrl, spawnBin, stop } from "../cli-runner.js";

const DEMO = join(ROOT, "test", "fixtures", "demo-corpus");
const folder = mkdtempSync(join(tmpdir(), "campus-graph-serve-detect-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("campus-graph serve while the detection dictionary loads", () => {
  it("answers /api/health before a first /api/detect sent just before it", async () => {
    const db = join(folder, "demo.db");
    expect((await runBin(["import", DEMO, "--db", db])).code).toBe(0);
    const server = spawnBin(["serve", "--db", db, "--port", "0", "--host", "127.0.0.1"]);
    try {
      const url = await serverUrl(server);
      const answered: string[] = [];
      const detect = fetch(`${url}/api/detect`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "Immunology: cytokines such as interleukin 6 in the immune response." }),
      }).then(async (response) => {
        answered.push("detect");
        return { status: response.status, body: (await response.json()) as { concepts: unknown[] } };
      });
      const health = fetch(`${url}/api/health`).then(async (response) => {
        answered.push("health");
        return (await response.json()) as { detection?: string };
      });
      const [detected, healthBody] = await Promise.all([detect, health]);
      // Health answered while the dictionary was still loading, then the detect that waited for it.
      expect(healthBody.detection).toBe("loading");
      expect(detected.status).toBe(200);
      expect(detected.body.concepts.length).toBeGreaterThan(0);
      expect(answered).toEqual(["health", "detect"]);
      const after = (await (await fetch(`${url}/api/health`)).json()) as { detection?: string };
      expect(after.detection).toBe("ready");
    } finally {
      expect(await stop(server)).toBe(0);
    }
  });
});
