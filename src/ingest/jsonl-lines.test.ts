import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { isCampusGraphError } from "../core/errors.js";
import { readLines, type SourceLine } from "./jsonl-lines.js";

const folder = mkdtempSync(join(tmpdir(), "campus-graph-lines-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

async function collect(path: string): Promise<SourceLine[]> {
  const lines: SourceLine[] = [];
  for await (const line of readLines(path, { label: "f.jsonl" })) lines.push(line);
  return lines;
}

describe("readLines", () => {
  it("numbers lines from 1, strips CRLF and a byte-order mark, keeps a last line without newline", async () => {
    const path = file("a.jsonl", "\uFEFFone\r\ntwo\n\nfour");
    expect(await collect(path)).toEqual([
      { line: 1, text: "one" },
      { line: 2, text: "two" },
      { line: 3, text: "" },
      { line: 4, text: "four" },
    ]);
  });

  it("keeps multi-byte characters split across chunks whole", async () => {
    const long = `${"é".repeat(700_000)}\n${"日本".repeat(10)}\n`;
    const lines = await collect(file("big.jsonl", long));
    expect(lines.map((l) => l.text?.length)).toEqual([700_000, 20]);
  });

  it("reads gzip-compressed files", async () => {
    const path = file("a.jsonl.gz", gzipSync("one\ntwo\n"));
    expect((await collect(path)).map((l) => l.text)).toEqual(["one", "two"]);
  });

  it("reports a truncated gzip with the file and the line reached", async () => {
    const whole = gzipSync(Array.from({ length: 5_000 }, (_, i) => `{"n":${i}}`).join("\n"));
    const path = file("cut.jsonl.gz", whole.subarray(0, Math.floor(whole.length / 2)));
    const error = await collect(path).catch((e: unknown) => e);
    expect(isCampusGraphError(error, "CORPUS_FILE_UNREADABLE")).toBe(true);
    expect(String((error as Error).message)).toMatch(/^f\.jsonl:\d+: .*truncated/);
  });

  it("reports bytes that are not gzip", async () => {
    const error = await collect(file("fake.jsonl.gz", "plain text")).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/not a valid gzip stream|gzip/);
  });

  it("marks a line that is not valid UTF-8, and only that line", async () => {
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]);
    const path = file(
      "latin1.jsonl",
      Buffer.concat([Buffer.from("ok\nalso ok\n"), latin1, Buffer.from("after\n")]),
    );
    expect(await collect(path)).toEqual([
      { line: 1, text: "ok" },
      { line: 2, text: "also ok" },
      { line: 3, text: undefined },
      { line: 4, text: "after" },
    ]);
  });

  it("counts raw bytes read for progress", async () => {
    const path = file("count.jsonl", "abc\ndef\n");
    let bytes = 0;
    for await (const _ of readLines(path, { onBytes: (n) => (bytes += n) })) {
      // drain
    }
    expect(bytes).toBe(8);
  });
});
