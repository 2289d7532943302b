/**
 * The full-text index in memory, on the embedded engine: every key's postings (the documents holding it, with its
 * occurrences per field) in compressed-row form, read from the keys each document stores as a list of key ids
 * (`search_tokens`). Ranking reads it instead of FTS5's `bm25()`, whose cost is one call per matching row (see
 * `top-documents.ts`), and so do the facet counts (bit sets for frequent keys) and the question whether a phrase
 * is common (documents per pair of adjacent frequent keys). About 30 MB and 0.3 s to derive for open-campus's
 * 2.5 million postings.
 */

/** The fields of a search document, in stored order. */
export const FIELD_COUNT = 5;
/** Keys held by at least this many documents get a bit set: a facet count ANDs them a word at a time. */
export const BITSET_MIN_DOCS = 1_000;
/** Pairs of adjacent keys are counted when both keys are held by at least this many documents. */
export const PAIR_MIN_DOCS = 500;

/** The postings of every key and what BM25 needs of every document. */
export interface TermIndex {
  /** Postings of key id t are `start[t]` to `start[t + 1]` (exclusive); ids from 1. */
  readonly start: Int32Array;
  /** Document (pk) of each posting, ascending within a key. */
  readonly docs: Int32Array;
  /** Occurrences of the key in each field, `FIELD_COUNT` per posting. */
  readonly counts: Uint8Array | Uint16Array;
  /** Keys per document, by pk. */
  readonly lengths: Int32Array;
  /** Type code of each document by pk (0: none), and the type of each code. */
  readonly typeOf: Uint16Array;
  readonly typeNames: readonly string[];
  /** Documents in the index, and their mean number of keys. */
  readonly documents: number;
  readonly averageLength: number;
  /** The documents of each frequent key (by key id), a bit per pk. */
  readonly bitsets: ReadonlyMap<number, Uint32Array>;
  /** The length of a bit set, in 32-bit words. */
  readonly words: number;
  /** Documents per type code holding the pair of frequent keys `a × (keys + 1) + b` one after the other. */
  readonly pairs: ReadonlyMap<number, Int32Array>;
  /** The largest key id. */
  readonly keys: number;
  /** Pairs are counted when both keys are held by at least this many documents. */
  readonly pairMinDocs: number;
}

/**
 * A document's keys as stored: the number of keys of each field, then the key ids of every field in order
 * (unsigned 32-bit, little-endian).
 */
export function encodeTokens(fields: readonly (readonly number[])[]): Buffer {
  const total = fields.reduce((sum, ids) => sum + ids.length, 0);
  const buffer = Buffer.alloc(4 * (FIELD_COUNT + total));
  let at = 0;
  for (let f = 0; f < FIELD_COUNT; f += 1) {
    buffer.writeUInt32LE(fields[f]?.length ?? 0, at);
    at += 4;
  }
  for (const ids of fields) {
    for (const id of ids) {
      buffer.writeUInt32LE(id, at);
      at += 4;
    }
  }
  return buffer;
}

/** The key ids of each field of a stored document. */
export function decodeTokens(blob: Uint8Array): Uint32Array[] {
  const words = storedWords(blob);
  const fields: Uint32Array[] = [];
  let at = FIELD_COUNT;
  for (let f = 0; f < FIELD_COUNT; f += 1) {
    const n = words[f] ?? 0;
    fields.push(words.subarray(at, at + n));
    at += n;
  }
  return fields;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A stored row as 32-bit words: a view of it when aligned on a little-endian machine, else a copy. */
function storedWords(blob: Uint8Array): Uint32Array {
  if (LITTLE_ENDIAN && blob.byteOffset % 4 === 0) {
    return new Uint32Array(blob.buffer, blob.byteOffset, blob.byteLength >>> 2);
  }
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const words = new Uint32Array(blob.byteLength >>> 2);
  for (let i = 0; i < words.length; i += 1) words[i] = view.getUint32(4 * i, true);
  return words;
}

/** What `buildTermIndex` reads: documents by ascending pk with their stored keys, and each pk's type code. */
export interface TermIndexSource {
  /** Keys held by at least this many documents get a bit set; default `BITSET_MIN_DOCS`. */
  readonly bitsetMinDocs?: number;
  /** Pairs of keys each held by at least this many documents are counted; default `PAIR_MIN_DOCS`. */
  readonly pairMinDocs?: number;
  readonly rows: readonly (readonly [number, Uint8Array])[];
  readonly typeOf: Uint16Array;
  readonly typeNames: readonly string[];
  /** The largest key id stored. */
  readonly keys: number;
}

/** Builds the index from every document's stored keys (rows by ascending pk). */
export function buildTermIndex(source: TermIndexSource): TermIndex {
  const { rows, keys } = source;
  const maxPk = rows.length === 0 ? 0 : (rows[rows.length - 1]?.[0] ?? 0);
  const lengths = new Int32Array(maxPk + 1);
  const df = new Int32Array(keys + 2);
  const last = new Int32Array(keys + 2).fill(-1);
  let tokens = 0;
  const stored = rows.map(([, blob]) => storedWords(blob));
  for (let r = 0; r < rows.length; r += 1) {
    const pk = rows[r]?.[0] ?? 0;
    const words = stored[r] as Uint32Array;
    const n = words.length - FIELD_COUNT;
    for (let i = FIELD_COUNT; i < words.length; i += 1) {
      const id = words[i] as number;
      if (last[id] !== pk) {
        last[id] = pk;
        df[id] = (df[id] ?? 0) + 1;
      }
    }
    lengths[pk] = n;
    tokens += n;
  }
  const start = new Int32Array(keys + 2);
  for (let t = 1; t <= keys + 1; t += 1) start[t] = (start[t - 1] ?? 0) + (df[t - 1] ?? 0);
  const postings = start[keys + 1] ?? 0;
  const docs = new Int32Array(postings);
  const wide = new Uint16Array(postings * FIELD_COUNT);
  const cursor = Int32Array.from(start);
  const slot = new Int32Array(keys + 2);
  last.fill(-1);
  let maxCount = 0;
  const pairs = new PairCounter(df, keys, source.pairMinDocs ?? PAIR_MIN_DOCS, source.typeNames.length);
  for (let r = 0; r < rows.length; r += 1) {
    const pk = rows[r]?.[0] ?? 0;
    const words = stored[r] as Uint32Array;
    let at = FIELD_COUNT;
    pairs.startDocument(pk, source.typeOf[pk] ?? 0);
    for (let f = 0; f < FIELD_COUNT; f += 1) {
      const n = words[f] ?? 0;
      let previous = 0;
      for (let i = 0; i < n; i += 1, at += 1) {
        const id = words[at] as number;
        if (last[id] !== pk) {
          last[id] = pk;
          const s = cursor[id] ?? 0;
          cursor[id] = s + 1;
          slot[id] = s;
          docs[s] = pk;
        }
        const c = (slot[id] ?? 0) * FIELD_COUNT + f;
        const count = (wide[c] ?? 0) + 1;
        wide[c] = count;
        if (count > maxCount) maxCount = count;
        pairs.add(previous, id);
        previous = id;
      }
    }
  }
  const counts = maxCount <= 255 ? Uint8Array.from(wide) : wide;
  const words = (maxPk >>> 5) + 1;
  const bitsets = new Map<number, Uint32Array>();
  for (let t = 1; t <= keys; t += 1) {
    if ((df[t] ?? 0) < (source.bitsetMinDocs ?? BITSET_MIN_DOCS)) continue;
    const bits = new Uint32Array(words);
    for (let p = start[t] ?? 0; p < (start[t + 1] ?? 0); p += 1) setBit(bits, docs[p] ?? 0);
    bitsets.set(t, bits);
  }
  return {
    start,
    docs,
    counts,
    lengths,
    typeOf: source.typeOf,
    typeNames: source.typeNames,
    documents: rows.length,
    averageLength: rows.length === 0 ? 1 : tokens / rows.length,
    bitsets,
    words,
    pairs: pairs.perType(),
    keys,
    pairMinDocs: pairs.minDocs,
  };
}

// Pairs are counted among this many keys at most (a table of their squares, 16 MB): when more are frequent enough,
// the least frequent are left out and the threshold rises.
const PAIR_KEYS = 2_048;

/** Documents per type holding pairs of adjacent frequent keys, each document counted once per pair. */
class PairCounter {
  /** Documents a key is held by for its pairs to be counted: at least the threshold asked for. */
  readonly minDocs: number;
  // Each counted key's place among them (-1: not counted), and each pair of places' slot (-1: not seen yet).
  private readonly place: Int32Array;
  private readonly counted: number;
  private readonly slotOf: Int32Array;
  private readonly pairOf: number[] = [];
  // Per slot: the last document counted, and the counts per type.
  private lastDoc = new Int32Array(1_024);
  private counts: Int32Array;
  private pk = 0;
  private type = 0;

  constructor(
    df: Int32Array,
    private readonly keys: number,
    minDocs: number,
    private readonly types: number,
  ) {
    const frequent = [...df.keys()].filter((t) => t > 0 && (df[t] ?? 0) >= minDocs);
    frequent.sort((a, b) => (df[b] ?? 0) - (df[a] ?? 0));
    const fewest = frequent.length > PAIR_KEYS ? (df[frequent[PAIR_KEYS] ?? 0] ?? 0) + 1 : minDocs;
    this.minDocs = Math.max(minDocs, fewest);
    this.place = new Int32Array(keys + 2).fill(-1);
    let counted = 0;
    for (const t of frequent) if ((df[t] ?? 0) >= this.minDocs) this.place[t] = counted++;
    this.counted = counted;
    this.slotOf = new Int32Array(counted * counted).fill(-1);
    this.counts = new Int32Array(1_024 * types);
  }

  startDocument(pk: number, type: number): void {
    this.pk = pk;
    this.type = type;
  }

  /** Counts the pair `a b` for the current document when both keys are counted (a is 0 at a field's start). */
  add(a: number, b: number): void {
    const pa = this.place[a] ?? -1;
    const pb = this.place[b] ?? -1;
    if (pa < 0 || pb < 0) return;
    const cell = pa * this.counted + pb;
    let slot = this.slotOf[cell] ?? -1;
    if (slot < 0) {
      slot = this.pairOf.length;
      this.slotOf[cell] = slot;
      this.pairOf.push(pairKey(a, b, this.keys));
      if (slot >= this.lastDoc.length) this.grow();
      this.lastDoc[slot] = -1;
    }
    if (this.lastDoc[slot] === this.pk) return;
    this.lastDoc[slot] = this.pk;
    const at = slot * this.types + this.type;
    this.counts[at] = (this.counts[at] ?? 0) + 1;
  }

  /** The counts per type of each pair, by `pairKey`. */
  perType(): Map<number, Int32Array> {
    const pairs = new Map<number, Int32Array>();
    this.pairOf.forEach((pair, slot) => {
      pairs.set(pair, this.counts.slice(slot * this.types, (slot + 1) * this.types));
    });
    return pairs;
  }

  private grow(): void {
    const lastDoc = new Int32Array(this.lastDoc.length * 2);
    lastDoc.set(this.lastDoc);
    this.lastDoc = lastDoc;
    const counts = new Int32Array(this.counts.length * 2);
    counts.set(this.counts);
    this.counts = counts;
  }
}

/** The key of the pair of key ids `a b` in `TermIndex.pairs`. */
export function pairKey(a: number, b: number, keys: number): number {
  return a * (keys + 1) + b;
}

/** Documents holding key id `term`. */
export function holders(index: TermIndex, term: number): number {
  return (index.start[term + 1] ?? 0) - (index.start[term] ?? 0);
}

/** The position of document `pk` among the postings of key id `term`, or -1 when it does not hold the key. */
export function findPosting(index: TermIndex, term: number, pk: number): number {
  const bits = index.bitsets.get(term);
  if (bits !== undefined && !hasBit(bits, pk)) return -1;
  let low = index.start[term] ?? 0;
  let high = (index.start[term + 1] ?? 0) - 1;
  const { docs } = index;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const doc = docs[middle] as number;
    if (doc < pk) low = middle + 1;
    else if (doc > pk) high = middle - 1;
    else return middle;
  }
  return -1;
}

/** The sum over fields of a posting's occurrences times the field's weight. */
export function weightedFrequency(index: TermIndex, posting: number, weights: readonly number[]): number {
  let w = 0;
  const base = posting * FIELD_COUNT;
  for (let f = 0; f < FIELD_COUNT; f += 1) w += (index.counts[base + f] ?? 0) * (weights[f] ?? 0);
  return w;
}

/** Sets the bit of `pk`. */
export function setBit(bits: Uint32Array, pk: number): void {
  const word = pk >>> 5;
  bits[word] = ((bits[word] ?? 0) | (1 << (pk & 31))) >>> 0;
}

/** True when the bit of `pk` is set. */
export function hasBit(bits: Uint32Array, pk: number): boolean {
  return (((bits[pk >>> 5] ?? 0) >>> (pk & 31)) & 1) === 1;
}
