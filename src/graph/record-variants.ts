/**
 * Records that a reader takes for one: the sections of a course (PHYS-106(a), PHYS-106(b): one code, a section
 * in brackets) and records of one type with the same name (a MOOC's reruns, their lectures, a publication entered
 * twice). A concept page lists one of each group and the others under it.
 */
import { foldWord } from "../text/word-key.js";

/** A record as grouped: its type, id and display name. */
export interface VariantKey {
  readonly type: string;
  readonly id: string;
  readonly name: string;
}

/** The id without a trailing bracketed section: "PHYS-106(en)" → "PHYS-106"; the id itself when it has none. */
export function codeStem(id: string): string {
  const match = /^(.+?)\s*\([^()]*\)$/.exec(id);
  return match?.[1] ?? id;
}

/** A name as grouped: folded, words only, single spaces. */
function nameKey(name: string): string {
  return foldWord(name.replace(/[^\p{L}\p{N}]+/gu, " ").trim());
}

/**
 * Each record's variant group (the smallest record number of the group), or -1 when it has no variant: records of
 * one type of `types` that share a code stem or a folded name are variants, and so are their variants in turn.
 */
export function variantGroups(records: readonly VariantKey[], types: ReadonlySet<string>): Int32Array {
  const root = Int32Array.from(records, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (root[r] !== r) r = root[r] as number;
    let j = i;
    while (root[j] !== r) {
      const next = root[j] as number;
      root[j] = r;
      j = next;
    }
    return r;
  };
  const first = new Map<string, number>();
  const join = (key: string, i: number) => {
    const other = first.get(key);
    if (other === undefined) {
      first.set(key, i);
      return;
    }
    const [a, b] = [find(other), find(i)];
    if (a !== b) root[Math.max(a, b)] = Math.min(a, b);
  };
  records.forEach((record, i) => {
    if (!types.has(record.type)) return;
    const name = nameKey(record.name);
    if (name !== "") join(`${record.type}\0n\0${name}`, i);
    join(`${record.type}\0c\0${codeStem(record.id)}`, i);
  });
  const size = new Int32Array(records.length);
  for (let i = 0; i < records.length; i += 1) {
    const r = find(i);
    size[r] = (size[r] ?? 0) + 1;
  }
  return Int32Array.from(records, (_, i) => {
    const r = find(i);
    return (size[r] ?? 0) > 1 ? r : -1;
  });
}

/** The most variants a listed record names under it. */
const ALSO_LISTED = 8;

/**
 * The evidence with the ids of the record's variants listed under it, if any: the first ALSO_LISTED as `also`, and
 * how many more there are as `alsoMore` (the page says "and N more" rather than dropping them silently).
 */
export function withVariants(
  evidence: Readonly<Record<string, unknown>>,
  ids: readonly string[],
): Readonly<Record<string, unknown>> {
  if (ids.length === 0) return evidence;
  const more = ids.length - ALSO_LISTED;
  return { ...evidence, also: ids.slice(0, ALSO_LISTED), ...(more > 0 ? { alsoMore: more } : {}) };
}

/** The ids of the variants a list names under an item (its `evidence.also`, see `withVariants`). */
export function variantIds(evidence: Readonly<Record<string, unknown>>): string[] {
  const ids = evidence.also;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
}
