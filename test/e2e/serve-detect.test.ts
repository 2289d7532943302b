import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runBin, serverUrl, spawnBin, stop } from "../cli-runner.js";

const DEMO = join(ROOT, "test", "fixtures", "demo-corpus");
const folder = mkdtempSync(join(tmpdir(), "campus-graph-serve-detect-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("campus-graph serve while the detection dictionary loads", () => {
  it("serves /api/detect from its worker and reports the dictionary's state on /api/health", async () => {
    const db = join(folder, "demo.db");
    expect((await runBin(["import", DEMO, "--db", db])).code).toBe(0);
    const server = spawnBin(["serve", "--db", db, "--port", "0", "--host", "127.0.0.1"]);
    try {
      const url = await serverUrl(server);
      const detect = fetch(`${url}/api/detect`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "Immunology: cytokines such as interleukin 6 in the immune response." }),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as { concepts: unknown[] },
      }));
      const health = fetch(`${url}/api/health`).then(
        (response) => response.json() as Promise<{ detection?: string }>,
      );
      const [detected, healthBody] = await Promise.all([detect, health]);
      // How far the worker got when health was asked depends on the machine; that health never waits for the
      // dictionary is checked without a race in create-app.test.ts, with a detection the test holds back.
      expect(["loading", "ready"]).toContain(healthBody.detection);
      expect(detected.status).toBe(200);
      expect(detected.body.concepts.length).toBeGreaterThan(0);
      const after = (await (await fetch(`${url}/api/health`)).json()) as { detection?: string };
      expect(after.detection).toBe("ready");
    } finally {
      expect(await stop(server)).toBe(0);
    }
  });
});
