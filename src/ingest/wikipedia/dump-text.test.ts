import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeDumpReadError, readDumpText } from "./dump-text.js";

const FR_3 = join(
  import.meta.dirname,
  "..",
  "..",
  "..",
  "..",
  "shared",
  "data",
  "raw",
  "frwiki-minidump-3-pages.xml.bz2",
);

const folder = mkdtempSync(join(tmpdir(), "campus-graph-dumptext-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function readText(path: string): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of readDumpText(path)) chunks.push(chunk);
  return chunks.join("");
}

describe("readDumpText", () => {
  it("keeps multi-byte characters split across chunks whole", async () => {
    const text = "é".repeat(1_500_000);
    const path = join(folder, "accents.xml");
    writeFileSync(path, text);
    expect(await readText(path)).toBe(text);
  });

  it.skipIf(!existsSync(FR_3))(
    "decompresses concatenated bzip2 streams, as in multistream dumps",
    async () => {
      const single = await readText(FR_3);
      const path = join(folder, "double.xml.bz2");
      writeFileSync(path, Buffer.concat([readFileSync(FR_3), readFileSync(FR_3)]));
      expect(Buffer.byteLength(single)).toBe(156_255);
      expect(await readText(path)).toBe(single + single);
    },
  );
});

describe("describeDumpReadError", () => {
  it("names a missing file, a truncated stream and corrupt data", () => {
    expect(describeDumpReadError(Object.assign(new Error("x"), { code: "ENOENT" }))).toBe("no such file");
    expect(describeDumpReadError(new TypeError("Cannot read properties of undefined"))).toMatch(/truncated/);
    expect(describeDumpReadError(Object.assign(new Error("meh"), { name: "Bzip2Error" }))).toMatch(/corrupt/);
  });
});
