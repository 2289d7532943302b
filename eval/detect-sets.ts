/**
 * The detection evaluation sets (`detect-*.jsonl` of the evaluation folder), read once for `eval:detect` and
 * `eval:fit-detect`.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One text of a detection set. */
export interface DetectItem {
  readonly id: string;
  /** Course code, in detect-courses: a course's two languages are one item of the split. */
  readonly course?: string;
  readonly lang?: string;
  readonly text: string;
  readonly gold: readonly string[];
  /** Wiki-Fair: only mentions starting inside this span are judged. */
  readonly evaluation_span?: readonly [number, number] | null;
}

/** Every detect-* set of `folder`, by name (file name without .jsonl), in name order. */
export function readDetectSets(folder: string): { name: string; items: DetectItem[] }[] {
  return readdirSync(folder)
    .filter((f) => /^detect-.*\.jsonl$/.test(f))
    .sort()
    .map((file) => ({
      name: file.replace(/\.jsonl$/, ""),
      items: readFileSync(join(folder, file), "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as DetectItem),
    }));
}

/** True when a mention starting at `offset` is judged: anywhere, or inside the item's evaluation span. */
export function judgedAt(item: DetectItem, offset: number): boolean {
  const span = item.evaluation_span;
  return !span || (offset >= span[0] && offset < span[1]);
}

/**
 * The course a course code belongs to, whatever its section: "MATH-101(c)" and "MATH-101(a)" are sections of
 * "MATH-101", as "PREPA-032(a)" is of "PREPA-32". Sections share their text and keywords, so a fit's folds keep
 * them together: one in the fit and another held out would be the same text twice.
 */
export function courseOf(code: string): string {
  return code.replace(/\([^)]*\)$/, "").replace(/-0+(?=\d)/, "-");
}

/** A half of a dev detection set: fit and tune on `tune`, report `check` as the held-back figure. */
export type DetectHalf = "tune" | "check";

/**
 * The half of an item of set `set`: from a hash of its key (a course's code without its section, so that a course's
 * languages and sections fall together; else the item's id), salted so that it is independent of the maintainers'
 * dev/hidden split.
 */
export function detectHalf(set: string, item: Pick<DetectItem, "id" | "course">): DetectHalf {
  const key = item.course === undefined ? item.id : courseOf(item.course);
  const digest = createHash("sha256").update(`half|${set}|${key}`).digest();
  return (digest[0] ?? 0) < 128 ? "tune" : "check";
}
