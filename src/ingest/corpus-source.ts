/**
 * Locates a corpus on disk: a folder with `manifest.json` (FORMAT.md), or one `.jsonl`/`.jsonl.gz` file,
 * and checks the manifest before anything is read.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename, isAbsolute, join, normalize, resolve, sep } from "node:path";
import { CampusGraphError } from "../core/errors.js";

/** One data file of a corpus. */
export interface CorpusFile {
  /** The name as the manifest lists it (relative to the corpus folder). */
  readonly name: string;
  readonly path: string;
  /** Size on disk, or undefined when the file is missing. */
  readonly bytes: number | undefined;
}

/** A corpus found on disk, ready to be read. */
export interface CorpusSource {
  /** The manifest's `name`, or the file or folder name. */
  readonly name: string;
  readonly root: string;
  /** The manifest's path, or undefined for a single-file corpus. */
  readonly manifestPath: string | undefined;
  readonly files: readonly CorpusFile[];
}

const DATA_FILE = /\.jsonl(\.gz)?$/;

/** Finds the corpus at `path` (folder or single file) and validates its manifest; throws on a bad manifest. */
export async function openCorpusSource(path: string): Promise<CorpusSource> {
  const root = resolve(path);
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new CampusGraphError("CORPUS_NOT_FOUND", { path });
  if (info.isFile()) {
    if (!DATA_FILE.test(root)) throw new CampusGraphError("CORPUS_NOT_FOUND", { path });
    return {
      name: basename(root),
      root,
      manifestPath: undefined,
      files: [{ name: basename(root), path: root, bytes: info.size }],
    };
  }
  const manifestPath = join(root, "manifest.json");
  const manifestText = await readFile(manifestPath, "utf8").catch(() => undefined);
  if (manifestText === undefined) throw new CampusGraphError("CORPUS_NOT_FOUND", { path });
  const manifest = parseManifest(manifestText, manifestPath);
  const files = await Promise.all(
    manifest.files.map(async (name): Promise<CorpusFile> => {
      const filePath = join(root, name);
      const fileInfo = await stat(filePath).catch(() => undefined);
      return { name, path: filePath, bytes: fileInfo?.isFile() ? fileInfo.size : undefined };
    }),
  );
  return { name: manifest.name ?? basename(root), root, manifestPath, files };
}

function parseManifest(text: string, file: string): { name: string | undefined; files: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CampusGraphError("MANIFEST_INVALID", {
      file,
      problem: `not valid JSON (${(error as Error).message})`,
    });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CampusGraphError("MANIFEST_INVALID", { file, problem: "must be a JSON object" });
  }
  const { name, files } = value as { name?: unknown; files?: unknown };
  if (name !== undefined && typeof name !== "string") {
    throw new CampusGraphError("MANIFEST_INVALID", { file, problem: 'field "name" must be a string' });
  }
  if (!Array.isArray(files) || files.length === 0) {
    throw new CampusGraphError("MANIFEST_INVALID", {
      file,
      problem: 'field "files" must be a non-empty array of file names',
    });
  }
  files.forEach((entry, index) => {
    const field = `files[${index}]`;
    if (typeof entry !== "string" || !DATA_FILE.test(entry)) {
      throw new CampusGraphError("MANIFEST_INVALID", {
        file,
        problem: `field "${field}" must name a .jsonl or .jsonl.gz file`,
      });
    }
    const normal = normalize(entry);
    if (isAbsolute(entry) || normal === ".." || normal.startsWith(`..${sep}`)) {
      throw new CampusGraphError("MANIFEST_INVALID", {
        file,
        problem: `field "${field}" points outside the corpus folder`,
      });
    }
  });
  return { name, files: files as string[] };
}

/** A SHA-256 over the manifest and every data file's bytes, in manifest order: changes when any byte does. */
export async function hashCorpus(source: CorpusSource): Promise<string> {
  const hash = createHash("sha256");
  const paths = source.manifestPath
    ? [source.manifestPath, ...source.files.map((f) => f.path)]
    : source.files.map((f) => f.path);
  for (const path of paths) {
    hash.update(`\0${path.slice(source.root.length)}\0`);
    const stream = createReadStream(path, { highWaterMark: 1 << 20 });
    for await (const chunk of stream) hash.update(chunk as Buffer);
  }
  return hash.digest("hex");
}
