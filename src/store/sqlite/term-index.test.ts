import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bm25Frequency, bm25Idf } from "./bm25.js";
import { countMatches } from "./match-counts.js";
import {
  buildTermIndex,
  decodeTokens,
  encodeTokens,
  FIELD_COUNT,
  findPosting,
  pairKey,
  type TermIndex,
} from "./term-index.js";
import {
  impactOrder,
  type ScoredDocument,
  splitByType,
  type TermQuery,
  topDocuments,
  typePart,
} from "./top-documents.js";

/** A small corpus: per document, its type code (1 or 2) and its fields' key ids (1 to 6). */
type Corpus = { type: number; fields: number[][] }[];

const KEYS = 6;
const corpusArbitrary = fc.array(
  fc.record({
    type: fc.constantFrom(1, 2),
    fields: fc.array(fc.array(fc.integer({ min: 1, max: KEYS }), { maxLength: 6 }), {
      minLength: FIELD_COUNT,
      maxLength: FIELD_COUNT,
    }),
  }),
  { minLength: 1, maxLength: 40 },
);

/**
 * The index of a corpus whose documents have pks 1, 1 + step, 1 + 2 × step… (gaps, as deleted records leave; a
 * wide step makes the bit sets long, so that counts list documents rather than AND bit sets).
 */
function indexOf(corpus: Corpus, step = 2): TermIndex {
  const typeOf = new Uint16Array(step * corpus.length + 1);
  corpus.forEach((d, i) => {
    typeOf[step * i + 1] = d.type;
  });
  return buildTermIndex({
    rows: corpus.map((d, i) => [step * i + 1, encodeTokens(d.fields)] as const),
    typeOf,
    typeNames: ["", "course", "concept"],
    keys: KEYS,
    bitsetMinDocs: 3,
    pairMinDocs: 2,
  });
}

/**
 * Expects `found` to be a top k of `expected` (every matching document, best first): the same scores rank by
 * rank, and every document scoring above the last one found (of those tied with it, any may be kept).
 */
function expectTopK(
  found: readonly ScoredDocument[],
  expected: readonly ScoredDocument[],
  limit: number,
): void {
  expect(found.map((d) => d.relevance)).toEqual(expected.slice(0, limit).map((d) => d.relevance));
  const last = found.at(-1)?.relevance ?? 0;
  const pks = new Set(found.map((d) => d.pk));
  for (const d of expected) if (d.relevance > last) expect(pks).toContain(d.pk);
}

/** BM25 of every matching document, written out as FTS5 documents it: the oracle for `topDocuments`. */
function exhaustive(corpus: Corpus, query: TermQuery): { pk: number; relevance: number }[] {
  const weighted = (d: Corpus[number], term: number) =>
    d.fields.reduce((w, ids, f) => w + ids.filter((id) => id === term).length * (query.weights[f] ?? 0), 0);
  const terms = [...new Set(query.groups.flat())];
  const holders = terms.map((t) => corpus.filter((d) => weighted(d, t) > 0).length);
  const tokens = corpus.reduce((n, d) => n + d.fields.flat().length, 0);
  const average = tokens / corpus.length;
  const found: { pk: number; relevance: number }[] = [];
  corpus.forEach((d, i) => {
    if (query.types !== undefined && !query.types.has(d.type)) return;
    const held = (t: number) => weighted(d, t) > 0;
    const matches =
      query.require === "all"
        ? query.groups.every((g) => g.some(held))
        : query.groups.some((g) => g.some(held));
    if (!matches) return;
    let relevance = 0;
    terms.forEach((t, j) => {
      const w = weighted(d, t);
      if (w > 0) {
        relevance +=
          bm25Idf(holders[j] ?? 0, corpus.length) * bm25Frequency(w, d.fields.flat().length, average);
      }
    });
    found.push({ pk: 2 * i + 1, relevance });
  });
  return found.sort((a, b) => b.relevance - a.relevance || a.pk - b.pk);
}

const queryArbitrary = fc.record({
  groups: fc.array(fc.array(fc.integer({ min: 1, max: KEYS }), { minLength: 1, maxLength: 2 }), {
    minLength: 1,
    maxLength: 3,
  }),
  require: fc.constantFrom("all" as const, "any" as const),
  weights: fc.array(fc.constantFrom(0, 1, 3, 10, 12), { minLength: FIELD_COUNT, maxLength: FIELD_COUNT }),
  types: fc.option(fc.constantFrom(new Set([1]), new Set([2])), { nil: undefined }),
  limit: fc.integer({ min: 1, max: 8 }),
});

describe("term index", () => {
  it("stores a document's keys field by field", () => {
    const fields = [[3, 1], [], [7], [70_000, 2, 2], []];
    expect(decodeTokens(encodeTokens(fields)).map((ids) => [...ids])).toEqual(fields);
  });

  it("lists each key's documents in pk order with their occurrences per field", () => {
    const index = indexOf([
      { type: 1, fields: [[1, 2], [], [2], [], [2, 2]] },
      { type: 2, fields: [[2], [], [], [], []] },
    ]);
    expect([...index.docs.subarray(index.start[2], index.start[3])]).toEqual([1, 3]);
    const first = findPosting(index, 2, 1);
    expect([...index.counts.subarray(first * FIELD_COUNT, (first + 1) * FIELD_COUNT)]).toEqual([
      1, 0, 1, 0, 2,
    ]);
    expect(findPosting(index, 1, 3)).toBe(-1);
    expect(index.lengths[1]).toBe(5);
    expect(index.averageLength).toBe(3);
  });

  it("counts the documents holding two frequent keys side by side in one field, once per document", () => {
    const index = indexOf([
      { type: 1, fields: [[1, 2, 1, 2], [], [], [], []] },
      { type: 2, fields: [[1], [2], [], [], [2, 1]] },
      { type: 2, fields: [[3, 1, 2], [], [], [], []] },
    ]);
    expect([...(index.pairs.get(pairKey(1, 2, KEYS)) ?? [])]).toEqual([0, 1, 1]);
    expect([...(index.pairs.get(pairKey(2, 1, KEYS)) ?? [])]).toEqual([0, 1, 1]);
    // Key 3 is held by one document only, fewer than the two that pairs are counted from.
    expect(index.pairs.get(pairKey(3, 1, KEYS))).toBeUndefined();
  });

  it("counts the matches of a query per type, as a filter over every document does", () => {
    fc.assert(
      fc.property(
        corpusArbitrary,
        queryArbitrary,
        fc.boolean(),
        fc.boolean(),
        (corpus, query, inFields, sparse) => {
          const fields = inFields ? [0, 2] : undefined;
          const counts = countMatches(indexOf(corpus, sparse ? 1_000 : 2), {
            ...query,
            ...(fields ? { fields } : {}),
          });
          const held = (d: Corpus[number], t: number) =>
            (fields ?? [0, 1, 2, 3, 4]).some((f) => d.fields[f]?.includes(t));
          const expected = [0, 0, 0];
          for (const d of corpus) {
            const match = (g: number[]) => g.some((t) => held(d, t));
            if (query.require === "all" ? query.groups.every(match) : query.groups.some(match)) {
              expected[d.type] = (expected[d.type] ?? 0) + 1;
            }
          }
          expect([...counts]).toEqual(expected);
        },
      ),
    );
  });
});

describe("topDocuments", () => {
  it("returns the exhaustive BM25 top k, whatever the block size at which reading stops", () => {
    fc.assert(
      fc.property(corpusArbitrary, queryArbitrary, fc.integer({ min: 1, max: 4 }), (corpus, query, block) => {
        const index = indexOf(corpus);
        const found = topDocuments(index, query, (term) => impactOrder(index, term, query.weights, block));
        expectTopK(found, exhaustive(corpus, query), query.limit);
      }),
      { numRuns: 500 },
    );
  });

  it("returns the same top k from impact orders of the wanted type's postings only", () => {
    fc.assert(
      fc.property(corpusArbitrary, queryArbitrary, fc.integer({ min: 1, max: 4 }), (corpus, query, block) => {
        const index = indexOf(corpus);
        const type = query.types === undefined ? undefined : [...query.types][0];
        const found = topDocuments(index, query, (term) => {
          const whole = impactOrder(index, term, query.weights, block);
          if (type === undefined) return whole;
          return typePart(splitByType(index, whole), whole, type);
        });
        expectTopK(found, exhaustive(corpus, query), query.limit);
      }),
      { numRuns: 500 },
    );
  });

  it("finds the document best on both keys though it heads neither key's list", () => {
    // Documents 1–8 hold key 1 often and key 2 once, 9–16 the other way round; document 17 holds each twice in a
    // short text. Read two at a time, each list's head is a one-sided document: stopping at the first full
    // list of two would miss document 17, the best by far.
    const filler = [5, 5, 5, 5, 5, 5];
    const corpus: Corpus = [
      ...Array.from({ length: 8 }, () => ({ type: 1, fields: [[1, 1, 1], [], [], [], [2, ...filler]] })),
      ...Array.from({ length: 8 }, () => ({ type: 1, fields: [[2, 2, 2], [], [], [], [1, ...filler]] })),
      { type: 1, fields: [[1, 2, 1, 2], [], [], [], []] },
    ];
    const index = indexOf(corpus);
    const query: TermQuery = { groups: [[1], [2]], require: "all", weights: [10, 1, 1, 1, 1], limit: 2 };
    const found = topDocuments(index, query, (term) => impactOrder(index, term, query.weights, 2));
    expect(found[0]?.pk).toBe(33);
    expectTopK(found, exhaustive(corpus, query), query.limit);
  });

  it("reads only the head of a common key's list for a one-key query", () => {
    const corpus: Corpus = Array.from({ length: 200 }, (_, i) => ({
      type: 1,
      fields: [i < 3 ? [1] : [], [], [], [], [1, ...Array.from({ length: i % 7 }, () => 2)]],
    }));
    const index = indexOf(corpus);
    const stats = { scored: 0 };
    const query: TermQuery = { groups: [[1]], require: "all", weights: [10, 6, 12, 3, 1], limit: 3 };
    const found = topDocuments(index, query, (term) => impactOrder(index, term, query.weights, 8), stats);
    expect(found.map((d) => d.pk)).toEqual([1, 3, 5]);
    expectTopK(found, exhaustive(corpus, query), query.limit);
    // The three documents with the key in their name head the list: one block of 8 and the next one's bound.
    expect(stats.scored).toBeLessThanOrEqual(16);
  });

  it("stops at documents tied with the k-th rather than reading every tie", () => {
    // 300 documents alike: any three are a right answer, and reading them all would cost what FTS5 costs.
    const corpus: Corpus = Array.from({ length: 300 }, () => ({
      type: 1,
      fields: [[1, 2], [], [], [], [3]],
    }));
    const index = indexOf(corpus);
    const stats = { scored: 0 };
    const query: TermQuery = { groups: [[1], [2]], require: "all", weights: [10, 6, 12, 3, 1], limit: 3 };
    const found = topDocuments(index, query, (term) => impactOrder(index, term, query.weights, 8), stats);
    expectTopK(found, exhaustive(corpus, query), query.limit);
    expect(stats.scored).toBeLessThanOrEqual(16);
  });

  it("scores every match instead when the heads of the lists hold one word each, with the same answer", () => {
    // Two words that occur together in 200 long texts, while each heads its own list with 100 names lacking the
    // other: the threshold cannot fall until the one-sided heads are read, and every match is scored instead.
    const corpus: Corpus = [
      ...Array.from({ length: 100 }, () => ({ type: 1, fields: [[1, 1, 1], [], [], [], [3]] })),
      ...Array.from({ length: 100 }, () => ({ type: 1, fields: [[2, 2, 2], [], [], [], [3]] })),
      ...Array.from({ length: 200 }, (_, i) => ({
        type: 1,
        fields: [[3], [], [], [], [1, 2, ...Array.from({ length: i % 13 }, () => 4)]],
      })),
    ];
    const index = indexOf(corpus);
    const query: TermQuery = { groups: [[1], [2]], require: "all", weights: [10, 6, 12, 3, 1], limit: 10 };
    const found = topDocuments(index, query, (term) => impactOrder(index, term, query.weights, 4));
    expectTopK(found, exhaustive(corpus, query), query.limit);
    expect(found).toHaveLength(10);
    expect(found.every((d) => d.pk > 400)).toBe(true);
  });

  it("reads no further than the rarest group when fewer than k documents hold every group", () => {
    // Key 1 in the name of 100 documents, key 2 in the long body of ten of those: though key 1's list promises more,
    // the ten documents holding both are all there is once key 2's list is read.
    const corpus: Corpus = Array.from({ length: 400 }, (_, i) => ({
      type: 1,
      fields: [
        i % 4 === 0 ? [1] : [3],
        [],
        [],
        [],
        i % 40 === 0 ? [2, ...Array.from({ length: 30 }, () => 4)] : [4],
      ],
    }));
    const index = indexOf(corpus);
    const stats = { scored: 0 };
    const query: TermQuery = { groups: [[1], [2]], require: "all", weights: [10, 6, 12, 3, 1], limit: 20 };
    const found = topDocuments(index, query, (term) => impactOrder(index, term, query.weights, 8), stats);
    expectTopK(found, exhaustive(corpus, query), query.limit);
    expect(found).toHaveLength(10);
    expect(stats.scored).toBeLessThanOrEqual(10);
  });
});
