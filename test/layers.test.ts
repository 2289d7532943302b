/**
 * The import-direction rule of biome.json, tried on a scratch tree: an import pointing down the layers passes,
 * one pointing up (store → app) or a cycle fails, naming the rule. The real tree is checked by `npm run lint`.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "..");
const biome = join(root, "node_modules", ".bin", "biome");
const scratch = mkdtempSync(join(tmpdir(), "campus-layers-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function lint(files: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  const dir = mkdtempSync(join(scratch, "tree-"));
  copyFileSync(join(root, "biome.json"), join(dir, "biome.json"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  try {
    const { stdout, stderr } = await run(biome, ["lint", "--vcs-enabled=false", "--colors=off", "src"], {
      cwd: dir,
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string };
    return { ok: false, output: failed.stdout + failed.stderr };
  }
}

describe("the layers rule", () => {
  it("lets the app import the store", async () => {
    const result = await lint({
      "src/store/port.ts": "export const port = 1;\n",
      "src/app/use.ts": 'import { port } from "../store/port.js";\nexport const use = port;\n',
    });
    expect(result.output).not.toContain("noRestrictedImports");
    expect(result.ok).toBe(true);
  });

  it("refuses a store module that imports from the app, saying why", async () => {
    const result = await lint({
      "src/app/config.ts": "export const config = 1;\n",
      "src/store/sqlite/engine.ts":
        'import { config } from "../../app/config.js";\nexport const engine = config;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain("noRestrictedImports");
    expect(result.output).toContain("src/store sits below");
  });

  it("refuses an import cycle", async () => {
    const result = await lint({
      "src/core/a.ts": 'import { b } from "./b.js";\nexport const a = 1;\nexport const c = b;\n',
      "src/core/b.ts": 'import { a } from "./a.js";\nexport const b = a;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain("noImportCycles");
  });
});
