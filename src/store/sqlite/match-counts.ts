/**
 * How many documents of each type match a full-text query, from the postings in memory: by listing the
 * documents of the query's rarest group and looking each up in the other groups when that group is small, else
 * by ANDing and ORing bit sets a 32-bit word at a time (a frequent key has its own; a rarer one's documents are
 * set in a scratch one), then counting the set bits by type. Either way the cost is a pass over the index's
 * size in words and a step per match, not a lookup per document holding a common key.
 */
import { FIELD_COUNT, findPosting, holders, setBit, type TermIndex } from "./term-index.js";

// What looking up one listed document costs, in words ANDed.
const LOOKUP_WORDS = 4;

/** A query to count: groups of alternative key ids, all or any of them, in the fields given. */
export interface CountQuery {
  readonly groups: readonly (readonly number[])[];
  readonly require: "all" | "any";
  /** The fields a key must occur in, or undefined for any field. */
  readonly fields?: readonly number[];
}

/** Matching documents per type code. */
export function countMatches(index: TermIndex, query: CountQuery): Int32Array {
  const counts = new Int32Array(index.typeNames.length);
  const groups = query.groups.filter((g) => g.length > 0);
  if (groups.length === 0 || (query.require === "all" && groups.length < query.groups.length)) return counts;
  const size = (group: readonly number[]) => group.reduce((sum, t) => sum + holders(index, t), 0);
  const { words } = index;
  const listed =
    query.require === "all" ? Math.min(...groups.map(size)) : groups.reduce((s, g) => s + size(g), 0);
  // Looking a document up in the other groups costs a few word operations of the bit sets' pass.
  if (query.fields !== undefined || listed * LOOKUP_WORDS <= words) {
    countListed(index, query, groups, counts);
    return counts;
  }
  const bits = new Uint32Array(words);
  const scratch = new Uint32Array(words);
  groups.forEach((group, g) => {
    if (query.require === "any" || g === 0) groupBits(index, group, bits);
    else {
      scratch.fill(0);
      groupBits(index, group, scratch);
      for (let w = 0; w < words; w += 1) bits[w] = ((bits[w] ?? 0) & (scratch[w] ?? 0)) >>> 0;
    }
  });
  const { typeOf } = index;
  for (let w = 0; w < words; w += 1) {
    let word = bits[w] ?? 0;
    while (word !== 0) {
      const low = word & -word;
      const code = typeOf[w * 32 + 31 - Math.clz32(low)] ?? 0;
      counts[code] = (counts[code] ?? 0) + 1;
      word = (word ^ low) >>> 0;
    }
  }
  return counts;
}

/** Counts by listing the smallest group's documents (every group's for "any") and checking the others. */
function countListed(
  index: TermIndex,
  query: CountQuery,
  groups: readonly (readonly number[])[],
  counts: Int32Array,
): void {
  const size = (group: readonly number[]) => group.reduce((sum, t) => sum + holders(index, t), 0);
  const listed =
    query.require === "all" ? [groups.reduce((a, b) => (size(b) < size(a) ? b : a))] : [...groups];
  const others = query.require === "all" ? groups.filter((g) => g !== listed[0]) : [];
  const fields = query.fields;
  const inFields = (posting: number): boolean => {
    if (posting < 0) return false;
    if (fields === undefined) return true;
    for (const f of fields) if ((index.counts[posting * FIELD_COUNT + f] ?? 0) > 0) return true;
    return false;
  };
  const inOthers = (pk: number): boolean => {
    for (const group of others) {
      let found = false;
      for (const term of group) {
        if (inFields(findPosting(index, term, pk))) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  };
  // A document listed under two keys is counted once.
  const seen = listed.length === 1 && listed[0]?.length === 1 ? undefined : new Set<number>();
  for (const group of listed) {
    for (const term of group) {
      for (let p = index.start[term] ?? 0; p < (index.start[term + 1] ?? 0); p += 1) {
        const pk = index.docs[p] ?? 0;
        if (!inFields(p) || seen?.has(pk)) continue;
        seen?.add(pk);
        if (inOthers(pk)) {
          const code = index.typeOf[pk] ?? 0;
          counts[code] = (counts[code] ?? 0) + 1;
        }
      }
    }
  }
}

/** ORs into `into` the documents of every key of `group`. */
function groupBits(index: TermIndex, group: readonly number[], into: Uint32Array): void {
  for (const term of group) {
    const bits = index.bitsets.get(term);
    if (bits !== undefined) {
      for (let w = 0; w < into.length; w += 1) into[w] = ((into[w] ?? 0) | (bits[w] ?? 0)) >>> 0;
    } else {
      for (let p = index.start[term] ?? 0; p < (index.start[term + 1] ?? 0); p += 1) {
        setBit(into, index.docs[p] ?? 0);
      }
    }
  }
}
