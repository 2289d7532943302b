/**
 * The search index on PostgreSQL. Text arrives normalised by `src/search` (folded, stemmed keys split on
 * spaces), exactly as the SQLite engine receives it, so both engines match alike: each document's keys are
 * written as a weighted `tsvector` (name A, aliases B, keywords and description C, body D) and queries as a
 * `tsquery` of the same keys (GIN index). Matches are ranked by BM25 with per-field weights, computed from a
 * postings table as SQLite's FTS5 computes it (`ts_rank` has no inverse document frequency: on the evaluation
 * set it gave keyword MRR 0.19 against SQLite's 0.45). Autocomplete is a range scan over prefix keys plus
 * `:*` prefix queries over name words; typo candidates come from the name vocabulary by trigram similarity
 * (`pg_trgm`, GIN index) and are then checked with the real edit distance.
 */
import type pg from "pg";
import { closestWords } from "../../text/typo-index.js";
import {
  completeWithLaterWords,
  PREFIX_SCAN,
  PREFIX_TOP,
  type StoredCompletionRow,
  type StoredHitRow,
  toCompletion,
  toHit,
  WORD_SCAN_FACTOR,
} from "../engine-parts.js";
import type {
  NameCompletion,
  RecordKey,
  SearchDocument,
  SearchFields,
  SearchHit,
  SearchIndexReader,
  TermCount,
  TextQuery,
} from "../store.js";
import { type Queryable, storable } from "./connection.js";
import { copyRows } from "./copy-rows.js";
import { blockRatioSql } from "./search-blocks.js";

/** The tsvector weight class of each field. */
const FIELD_CLASS: Readonly<Record<keyof SearchFields, string>> = {
  name: "A",
  aliases: "B",
  keywords: "C",
  description: "C",
  body: "D",
};
const FIELDS = ["name", "aliases", "keywords", "description", "body"] as const;
/**
 * Trigram similarity a typo candidate needs (`pg_trgm.similarity_threshold`, set on every connection). One edit
 * in a word of n letters leaves a similarity of about (n − 2) / (n + 6) for a swap, (n − 1) / (n + 5) for
 * a replacement: 0.2 keeps one edit in words of four letters and more, and two edits in words of eight.
 */
export const TYPO_SIMILARITY = 0.2;
// PostgreSQL keeps at most 256 positions of a lexeme and positions up to 16,383.
const MAX_POSITIONS = 256;
const MAX_POSITION = 16_383;
// PostgreSQL refuses lexemes over 2,047 bytes.
const MAX_KEY_BYTES = 2_000;

const HIT_COLUMNS = "d.type, d.id, d.name, d.snippet, d.importance, d.name_keys";
const TYPE_FILTER = "($TYPES::text[] IS NULL OR d.type = ANY($TYPES::text[]))";

// Ranking SQL. Parameters: $1 the query's keys, $2 its types (null: every type), $3–$7 the field weights, $8 the
// tsquery of every group when they must all match (else null), $9 the limit, $10 the limit per type.
const WEIGHTED = `p.name * $3::float8 + p.aliases * $4::float8 + p.keywords * $5::float8
  + p.description * $6::float8 + p.body * $7::float8`;
// The statistics row is read as one row by a LIMIT: search_stats is never analysed (rewritten in place), and the
// planner's guess of 1,810 rows sized the aggregate's hash table for 130,000 documents, 5 ms of the 9 ms that
// "energy" took. 0.75 is a float8: as a numeric literal it made each posting's arithmetic numeric (the values are
// the same: 0.75 times a length is exact in either). The idf is computed once per key, not once per posting.
const STATS = "s AS MATERIALIZED (SELECT docs, tokens FROM search_stats LIMIT 1)";
const IDF = "greatest(ln((s.docs - c.n + 0.5) / (c.n + 0.5)), 1e-6)";

/**
 * The BM25 term of a posting: idf times the frequency part of its weighted occurrences `w` and its `length`, with
 * the operations in the order of the SQLite engine's (`bm25Frequency`), so that both give the same doubles.
 */
function bm25(idf: string, w: string, length: string): string {
  const mean = "(greatest(s.tokens, 1)::float8 / greatest(s.docs, 1))";
  return `${idf} * ((${w} * 2.2) / (${w} + 1.2 * (0.25 + (0.75::float8 * ${length}) / ${mean})))`;
}

/**
 * Scores `r (doc, type, relevance)` of a query of one key: its postings are read once, for the count its idf needs
 * and for the scores, and a document has one posting of the key, so there is nothing to sum.
 */
function scoresOfOneKey(withType: boolean, gate: string): string {
  return `${STATS},
  k AS MATERIALIZED (
    SELECT p.doc, p.type, p.length, w.w FROM search_postings p CROSS JOIN LATERAL (SELECT ${WEIGHTED} AS w) w
    WHERE p.term = ($1::text[])[1] AND w.w > 0 AND $8::text IS NULL${gate}),
  q AS MATERIALIZED (SELECT ${IDF} AS idf FROM (SELECT count(*)::float8 AS n FROM k) c CROSS JOIN s),
  r AS ${withType ? "MATERIALIZED " : ""}(
    SELECT k.doc, k.type, ${bm25("q.idf", "k.w", "k.length")} AS relevance
    FROM k CROSS JOIN q CROSS JOIN s WHERE ($TYPES::text[] IS NULL OR k.type = ANY ($TYPES::text[])))`;
}

/** Scores `r (doc[, type], relevance)` of a query of several keys: each key's count, then their postings summed. */
function scoresOfKeys(intersect: boolean, withType: boolean, gate: string): string {
  const type = withType ? ", p.type" : "";
  return `${STATS},
  q AS MATERIALIZED (
    SELECT q.term, ${IDF} AS idf FROM unnest($1::text[]) AS q (term) CROSS JOIN s CROSS JOIN LATERAL
      (SELECT count(*)::float8 AS n FROM search_postings p WHERE p.term = q.term AND ${WEIGHTED} > 0) c
    WHERE true${gate}),
  r AS ${withType ? "MATERIALIZED " : ""}(
    SELECT p.doc${type}, sum(${bm25("q.idf", "w.w", "p.length")}) AS relevance
    FROM q JOIN search_postings p ON p.term = q.term ${
      intersect
        ? "AND p.doc = ANY (ARRAY (SELECT d.pk FROM search_docs d WHERE d.words @@ CAST($8 AS tsquery)))"
        : "AND $8::text IS NULL"
    }
    CROSS JOIN s CROSS JOIN LATERAL (SELECT ${WEIGHTED} AS w) w
    WHERE w.w > 0 AND ($TYPES::text[] IS NULL OR p.type = ANY ($TYPES::text[]))${gate}
    GROUP BY p.doc${type})`;
}

/**
 * `hits`: the best $9 of `r`, and the best $10 of each type among them or, for a type with fewer there, by a
 * top-N pass over that type's scores (a window over every document sorted them all, and made common words
 * several times slower). No type needs one when the best of all are fewer than asked: they are every match.
 */
const BEST_OF_ALL_AND_EACH_TYPE = `top AS MATERIALIZED (SELECT doc, relevance, type FROM r ORDER BY relevance DESC, doc LIMIT $9),
  hits AS (
    SELECT doc, relevance FROM top
    UNION
    SELECT x.doc, x.relevance
    FROM (SELECT DISTINCT r.type FROM r WHERE (SELECT count(*) FROM top) >= $9) t CROSS JOIN LATERAL
      (SELECT doc, relevance FROM r WHERE r.type = t.type ORDER BY relevance DESC, doc LIMIT $10) x
    WHERE (SELECT count(*) FROM top WHERE top.type = t.type) < $10)`;

// Postings that score up to which a query reads them all rather than its keys' blocks: planning the blocks'
// statement alone (a custom plan each time: PostgreSQL finds no generic one cheaper) costs more than reading them.
const FEW_POSTINGS = 500;

/**
 * `few (few)`: whether the keys of $1 hold `FEW_POSTINGS` postings that score or fewer (every one when the body
 * weighs more than 0, else those in a short field), which the keys' blocks count.
 */
const FEW = `few AS MATERIALIZED (
    SELECT coalesce(sum(n), 0) <= ${FEW_POSTINGS} AS few FROM search_blocks
    WHERE term = ANY ($1::text[]) AND (short OR $7::float8 <> 0))`;
// A condition that holds only when they are few: PostgreSQL evaluates it once, and skips the scans it gates otherwise.
const WHEN_FEW = " AND (SELECT few FROM few)";

/**
 * Scores `(doc, type, relevance)` of the documents of `docs` (a CTE of `doc`) under every query key: from `known`,
 * postings read from blocks, else looked up by (key, document), unless every block of the key was read (`read`
 * says, per key), which then holds every posting of it.
 */
function scoresOf(docs: string, known: string, read: string): string {
  // Summed in the query's key order, as the SQLite engine sums (a sum in another order may differ in its last bit).
  return `SELECT p.doc, p.type, sum(${bm25("q.idf", "w.w", "p.length")} ORDER BY q.position) AS relevance
    FROM (
      SELECT k.term, k.doc, k.type, k.length, k.name, k.aliases, k.keywords, k.description, k.body
      FROM ${known} k WHERE k.doc IN (SELECT doc FROM ${docs})
      UNION ALL
      SELECT p.term, p.doc, p.type, p.length, p.name, p.aliases, p.keywords, p.description, p.body
      FROM ${docs} x CROSS JOIN q LEFT JOIN ${read} c ON c.term = q.term
      -- OFFSET 0 keeps the look-up by (key, document): flattened, the planner took each document's every posting.
      CROSS JOIN LATERAL (SELECT * FROM search_postings p WHERE p.term = q.term AND p.doc = x.doc OFFSET 0) p
      WHERE c.every IS NOT TRUE AND NOT EXISTS (SELECT 1 FROM ${known} k WHERE k.term = q.term AND k.doc = x.doc)) p
    JOIN q ON q.term = p.term CROSS JOIN s CROSS JOIN LATERAL (SELECT ${WEIGHTED} AS w) w
    WHERE w.w > 0 AND ($TYPES::text[] IS NULL OR p.type = ANY ($TYPES::text[]))
    GROUP BY p.doc, p.type`;
}

/** The postings `(term, doc, type, length, occurrences per field)` held by the blocks of `blocks (term, type, short, block)`. */
function blockPostings(blocks: string): string {
  return `SELECT sb.term, u.doc, sb.type, u.length, u.name, u.aliases, u.keywords, u.description, u.body
    FROM ${blocks} k JOIN search_blocks sb ON sb.term = k.term AND sb.type = k.type AND sb.short = k.short AND sb.block = k.block
    CROSS JOIN LATERAL unnest(sb.docs, sb.lengths, sb.in_name, sb.in_aliases, sb.in_keywords, sb.in_description, sb.in_body)
      AS u (doc, length, name, aliases, keywords, description, body)`;
}

/** Per key `(term, every)`: whether the blocks of `blocks` are every block of the key (`bounds`). */
function everyBlockRead(blocks: string): string {
  return `SELECT b.term, count(*) = (SELECT count(*) FROM bounds a WHERE a.term = b.term) AS every FROM ${blocks} b GROUP BY b.term`;
}

/** Scores `(doc, type, relevance)` of the postings of one key held by the blocks of `blocks`. */
function blockScores(blocks: string): string {
  return `SELECT p.doc, p.type, ${bm25("q.idf", "w.w", "p.length")} AS relevance
    FROM (${blockPostings(blocks)}) p JOIN q ON q.term = p.term CROSS JOIN s
    CROSS JOIN LATERAL (SELECT ${WEIGHTED} AS w) w WHERE w.w > 0`;
}

/**
 * Scores `r (doc, type, relevance)` of the documents that can be among the best $9 of every type or the best $10 of
 * one, from the keys' blocks (`search-blocks.ts`), whatever the keys' frequencies. A block's bound, its key's idf
 * times BM25's frequency part at the block's largest ratio (\`blockRatioSql\`), is at least what any of its documents
 * scores for that key. The documents of each key's best blocks (enough to hold $9 postings of every type and $10 of
 * each) are scored whole, and the $9th best of them (the $10th of a type) is a score θ that the best documents
 * reach; a document scoring θ or more with m keys scores at least θ / m, and θ less every other key's best bound,
 * for one of its keys, so only the blocks whose bound reaches that are read, and their documents scored (a key's
 * postings from the blocks read, or looked up). The idf's count of matches is the sum of the blocks' sizes (less
 * the blocks of documents holding the key in the body only when the body weighs 0, as their postings are left
 * out). For a query whose groups must all match, the GIN index and the postings of its matches are cheaper.
 */
function scoresFromBlocks(oneKey: boolean): string {
  const common = `${STATS},
  b AS MATERIALIZED (
    SELECT b.term, b.type, b.short, b.block, b.n, ${blockRatioSql()} AS ratio
    FROM search_blocks b CROSS JOIN s
    WHERE b.term = ANY ($1::text[]) AND (b.short OR $7::float8 > 0) AND $8::text IS NULL),
  q AS MATERIALIZED (
    SELECT u.term, u.position, ${IDF} AS idf
    FROM unnest($1::text[]) WITH ORDINALITY AS u (term, position)
    JOIN (SELECT term, sum(n)::float8 AS n FROM b GROUP BY term) c ON c.term = u.term CROSS JOIN s),
  bounds AS MATERIALIZED (
    SELECT b.term, b.type, b.short, b.block, b.n, q.idf * 2.2 * b.ratio / (b.ratio + 1) AS bound
    FROM b JOIN q ON q.term = b.term WHERE ($TYPES::text[] IS NULL OR b.type = ANY ($TYPES::text[]))),
  others AS MATERIALIZED (
    SELECT term, sum(best) OVER () - best AS others, count(*) OVER () AS keys
    FROM (SELECT term, max(bound) AS best FROM bounds GROUP BY term) m),
  seed_blocks AS MATERIALIZED (
    SELECT term, type, short, block FROM (
      SELECT term, type, short, block,
        sum(n) OVER (PARTITION BY term ORDER BY bound DESC, type, short, block ROWS UNBOUNDED PRECEDING) - n AS before,
        sum(n) OVER (PARTITION BY term, type ORDER BY bound DESC, short, block ROWS UNBOUNDED PRECEDING) - n AS before_type
      FROM bounds) k
    WHERE k.before < $9::int OR k.before_type < $10::int)`;
  const theta = `theta AS MATERIALIZED (
    SELECT CASE WHEN $9::int > 0 THEN coalesce(
      (SELECT relevance FROM seed_scores ORDER BY relevance DESC OFFSET greatest($9::int - 1, 0) LIMIT 1), 0)
      ELSE 'Infinity'::float8 END AS theta),
  theta_type AS MATERIALIZED (
    SELECT type, relevance AS theta FROM (
      SELECT type, relevance, row_number() OVER (PARTITION BY type ORDER BY relevance DESC) AS rank FROM seed_scores) t
    WHERE rank = $10::int),
  cut AS MATERIALIZED (
    SELECT k.term, k.type, k.short, k.block
    FROM bounds k JOIN others o ON o.term = k.term CROSS JOIN theta t
    LEFT JOIN theta_type tt ON tt.type = k.type
    CROSS JOIN LATERAL (SELECT CASE WHEN $10::int > 0 THEN least(t.theta, coalesce(tt.theta, 0)) ELSE t.theta END AS theta) c
    -- A relative margin: a bound and a score reach the same value by other operations, not always the same rounding.
    WHERE k.bound >= greatest(c.theta / o.keys, c.theta - o.others) * (1 - 1e-9))`;
  if (oneKey) {
    // One key: a block's postings are its documents' scores, read from the block itself.
    return `${common},
  seed_scores AS MATERIALIZED (${blockScores("seed_blocks")}),
  ${theta},
  r AS MATERIALIZED (
    SELECT * FROM seed_scores UNION ALL ${blockScores("(SELECT * FROM cut EXCEPT SELECT * FROM seed_blocks)")})`;
  }
  return `${common},
  seed_postings AS MATERIALIZED (${blockPostings("seed_blocks")}),
  seed AS MATERIALIZED (SELECT DISTINCT doc FROM seed_postings),
  seed_read AS MATERIALIZED (${everyBlockRead("seed_blocks")}),
  seed_scores AS MATERIALIZED (${scoresOf("seed", "seed_postings", "seed_read")}),
  ${theta},
  known AS MATERIALIZED (${blockPostings("(SELECT * FROM cut UNION SELECT * FROM seed_blocks)")}),
  every_read AS MATERIALIZED (${everyBlockRead("(SELECT * FROM cut UNION SELECT * FROM seed_blocks)")}),
  kept AS MATERIALIZED (SELECT DISTINCT doc FROM known WHERE doc NOT IN (SELECT doc FROM seed)),
  r AS MATERIALIZED (SELECT * FROM seed_scores UNION ALL ${scoresOf("kept", "known", "every_read")})`;
}

/**
 * True when the blocks tell which postings score: every short field weighs more than 0, and the body too unless
 * it is left out (a match in a field of weight 0 would count as one without scoring).
 */
function blocksApply(weights: readonly number[], bodyAllowed: boolean): boolean {
  return weights.every((w, i) => w > 0 || (i === 4 && !bodyAllowed));
}

/** Reads and writes of the search index; reads go wherever `reader` says. */
export class PostgresSearch implements SearchIndexReader {
  /** A count is a statement through the GIN index: for a common word, dearer than ranking its short fields. */
  readonly countsBeforeRanking = false;
  constructor(private readonly reader: () => Queryable) {}

  /** Removes every search document (DELETE, so that readers keep the old index until commit). */
  async clear(client: pg.PoolClient): Promise<void> {
    await client.query("DELETE FROM search_names");
    await client.query("DELETE FROM search_docs");
    await client.query("DELETE FROM search_terms");
    await client.query("DELETE FROM search_postings");
    await client.query("DELETE FROM search_blocks");
    await client.query("UPDATE search_stats SET docs = 0, tokens = 0");
  }

  /** Removes the document of record `pk`, if any; returns the keys whose postings changed. */
  async remove(client: pg.PoolClient, pk: number): Promise<string[]> {
    await client.query("DELETE FROM search_names WHERE doc = $1", [pk]);
    const { rows: keys } = await client.query<{ term: string }>(
      "DELETE FROM search_postings WHERE doc = $1 RETURNING term",
      [pk],
    );
    const { rows } = await client.query<{ length: number }>(
      "DELETE FROM search_docs WHERE pk = $1 RETURNING length",
      [pk],
    );
    if (rows[0])
      await client.query("UPDATE search_stats SET docs = docs - 1, tokens = tokens - $1", [rows[0].length]);
    return keys.map((k) => k.term);
  }

  /** Adds or replaces documents by key (documents without a record are skipped); returns the keys whose postings changed. */
  async put(client: pg.PoolClient, docs: readonly SearchDocument[]): Promise<Set<string>> {
    const changed = new Set<string>();
    if (docs.length === 0) return changed;
    const { rows } = await client.query<{ pk: number; type: string; id: string }>(
      `SELECT r.pk, r.type, r.id FROM records r
       JOIN unnest($1::text[], $2::text[]) AS k (type, id) ON r.type = k.type AND r.id = k.id`,
      [docs.map((d) => d.type), docs.map((d) => d.id)],
    );
    const pkOf = new Map(rows.map((r) => [`${r.type}\0${r.id}`, r.pk]));
    // The last version of a document given twice wins.
    const kept = new Map<number, SearchDocument>();
    for (const doc of docs) {
      const pk = pkOf.get(`${doc.type}\0${doc.id}`);
      if (pk !== undefined) kept.set(pk, doc);
    }
    if (kept.size === 0) return changed;
    const pks = [...kept.keys()];
    await client.query("DELETE FROM search_names WHERE doc = ANY($1::int[])", [pks]);
    const { rows: old } = await client.query<{ term: string }>(
      "DELETE FROM search_postings WHERE doc = ANY($1::int[]) RETURNING term",
      [pks],
    );
    for (const row of old) changed.add(row.term);
    const { rows: removed } = await client.query<{ length: number }>(
      "DELETE FROM search_docs WHERE pk = ANY($1::int[]) RETURNING length",
      [pks],
    );
    const list = [...kept.values()];
    const postings: (string | number)[][] = [];
    const lengths = list.map((doc, i) => countKeys(doc, pks[i] ?? 0, postings));
    // Rows of one key side by side on disk: ranking reads a key's postings from a few pages, not one per row.
    postings.sort((a, b) => compareKeys(String(a[0]), String(b[0])));
    for (const posting of postings) changed.add(String(posting[0]));
    await client.query(
      `INSERT INTO search_docs (pk, type, id, id_fold, name, snippet, importance, name_keys, words, length)
       SELECT pk, type, id, id_fold, name, snippet, importance, string_to_array(name_keys, chr(31)), words, length
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::tsvector[], $9::int[], $10::text[])
         AS d (pk, type, id, name, snippet, importance, name_keys, words, length, id_fold)`,
      [
        pks,
        list.map((d) => d.type),
        list.map((d) => d.id),
        list.map((d) => d.name),
        list.map((d) => d.snippet),
        list.map((d) => d.importance ?? null),
        list.map((d) => d.names.map((n) => n.matchKey).join("\u001f")),
        list.map((d) => tsvectorText(d.fields)),
        lengths,
        // Folded here as the query side folds it (JavaScript's rules, not the database locale's).
        list.map((d) => d.id.toLowerCase()),
      ],
    );
    await copyRows(
      client,
      "search_postings (term, doc, type, length, name, aliases, keywords, description, body)",
      postings,
    );
    const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
    await client.query("UPDATE search_stats SET docs = docs + $1, tokens = tokens + $2", [
      list.length - removed.length,
      sum(lengths) - sum(removed.map((r) => r.length)),
    ]);
    const names = {
      doc: [] as number[],
      position: [] as number[],
      alias: [] as boolean[],
      match: [] as string[],
      prefix: [] as string[],
      text: [] as string[],
    };
    const df = new Map<string, number>();
    pks.forEach((pk, i) => {
      const doc = list[i];
      if (doc === undefined) return;
      doc.names.forEach((name, position) => {
        names.doc.push(pk);
        names.position.push(position);
        names.alias.push(name.alias);
        names.match.push(name.matchKey);
        names.prefix.push(name.prefixKey);
        names.text.push(name.text);
      });
      for (const term of new Set(`${doc.fields.name} ${doc.fields.aliases}`.split(" "))) {
        if (term.length >= 3) df.set(term, (df.get(term) ?? 0) + 1);
      }
    });
    if (names.doc.length > 0) {
      await client.query(
        `INSERT INTO search_names (doc, position, alias, match_key, prefix_key, text)
         SELECT * FROM unnest($1::int[], $2::int[], $3::bool[], $4::text[], $5::text[], $6::text[])`,
        [names.doc, names.position, names.alias, names.match, names.prefix, names.text],
      );
    }
    if (df.size > 0) {
      await client.query(
        `INSERT INTO search_terms (term, df) SELECT * FROM unnest($1::text[], $2::int[])
         ON CONFLICT (term) DO UPDATE SET df = search_terms.df + excluded.df`,
        [[...df.keys()], [...df.values()]],
      );
    }
    return changed;
  }

  async countSearchDocuments(): Promise<number> {
    const { rows } = await this.reader().query<{ n: number }>("SELECT count(*)::int AS n FROM search_docs");
    return rows[0]?.n ?? 0;
  }

  /**
   * Best documents by BM25 as FTS5 computes it: for each query key, idf = ln((N − n + 0.5) / (n + 0.5)) (at
   * least 1e-6) times w·(k1 + 1) / (w + k1·(1 − b + b·|d| / avgdl)), where w sums the key's occurrences per
   * field times the field's weight, k1 = 1.2, b = 0.75; and the best `perType` of each type.
   */
  async searchText(query: TextQuery): Promise<SearchHit[]> {
    const groups = nonEmptyGroups(query);
    if (groups.length === 0) return [];
    const allowed = new Set<string>(query.fields ?? FIELDS);
    const weights = FIELDS.map((f, i) => (allowed.has(f) ? (query.weights[i] ?? 0) : 0));
    const keys = [...new Set(groups.flat())];
    // Several groups that must all match: the GIN index finds the documents that hold them all, and only their
    // postings are read. Otherwise every posting of the keys is a match (of one key, whatever the groups), and
    // when they are many, the keys' blocks rule out most of them (`scoresFromBlocks`).
    const intersect = query.require === "all" && groups.length > 1 && keys.length > 1;
    const perType = query.perType ?? 0;
    const hits =
      perType > 0
        ? BEST_OF_ALL_AND_EACH_TYPE
        : "hits AS (SELECT doc, relevance FROM r ORDER BY relevance DESC, doc LIMIT $9)";
    const values = [
      keys,
      typesParameter(query.types),
      ...weights,
      intersect ? (tsqueryText(query) ?? null) : null,
      query.limit,
      ...(perType > 0 ? [perType] : []),
    ];
    if (intersect || !blocksApply(weights, allowed.has("body"))) {
      const scores =
        keys.length === 1 ? scoresOfOneKey(perType > 0, "") : scoresOfKeys(intersect, perType > 0, "");
      const { rows } = await this.reader().query<StoredHitRow>({
        text: withTypes(
          `WITH ${scores}, ${hits}
           SELECT ${HIT_COLUMNS}, hits.relevance FROM hits JOIN search_docs d ON d.pk = hits.doc
           ORDER BY hits.relevance DESC, d.pk`,
          2,
        ),
        values,
      });
      return rows.map(toHit);
    }
    // Keys holding few postings are scored whole, in the statement that counts them (one round trip for a rare
    // word); more, and the statement says so and scores nothing, and their blocks rule out most of them.
    const scores =
      keys.length === 1 ? scoresOfOneKey(perType > 0, WHEN_FEW) : scoresOfKeys(false, perType > 0, WHEN_FEW);
    const { rows } = await this.reader().query<StoredHitRow & { few: boolean }>({
      name: `rank-if-few-${keys.length === 1}-${perType > 0}`,
      text: withTypes(
        `WITH ${FEW}, ${scores}, ${hits}
         SELECT f.few, x.* FROM few f LEFT JOIN (
           SELECT ${HIT_COLUMNS}, hits.relevance, d.pk FROM hits JOIN search_docs d ON d.pk = hits.doc) x ON true
         ORDER BY x.relevance DESC, x.pk`,
        2,
      ),
      values,
    });
    if (rows[0]?.few !== false) return rows.filter((r) => r.type !== null).map(toHit);
    const { rows: ranked } = await this.reader().query<StoredHitRow>({
      name: `rank-by-blocks-${keys.length === 1}-${perType > 0}`,
      text: withTypes(
        `WITH ${scoresFromBlocks(keys.length === 1)}, ${hits}
         SELECT ${HIT_COLUMNS}, hits.relevance FROM hits JOIN search_docs d ON d.pk = hits.doc
         ORDER BY hits.relevance DESC, d.pk`,
        2,
      ),
      values: perType > 0 ? values : [...values, 0],
    });
    return ranked.map(toHit);
  }

  async countTextMatches(query: TextQuery): Promise<Record<string, number>> {
    const tsquery = tsqueryText(query);
    if (tsquery === undefined) return {};
    const keys = [...new Set(nonEmptyGroups(query).flat())];
    const classes = new Set((query.fields ?? FIELDS).map((f) => FIELD_CLASS[f]));
    const short = ["A", "B", "C"].every((c) => classes.has(c));
    if (keys.length === 1 && short) {
      // One key in every field, or in the short ones: its matches are its postings, counted by its blocks.
      const { rows } = await this.reader().query<{ type: string; n: number }>({
        name: "count-key-matches",
        text: `SELECT type, sum(n)::int AS n FROM search_blocks
          WHERE term = $1 AND (short OR $2) AND ($3::text[] IS NULL OR type = ANY ($3::text[]))
          GROUP BY type ORDER BY type`,
        values: [keys[0], classes.has("D"), typesParameter(query.types)],
      });
      return Object.fromEntries(rows.map((r) => [r.type, r.n]));
    }
    const { rows } = await this.reader().query<{ type: string; n: number }>({
      text: withTypes(
        `SELECT d.type, count(*)::int AS n FROM search_docs d
         WHERE d.words @@ CAST($1 AS tsquery) AND ${TYPE_FILTER} GROUP BY d.type ORDER BY d.type`,
        2,
      ),
      values: [tsquery, typesParameter(query.types)],
    });
    return Object.fromEntries(rows.map((r) => [r.type, r.n]));
  }

  async findByName(
    keys: readonly string[],
    types: readonly string[] | undefined,
    limit: number,
  ): Promise<SearchHit[]> {
    const usable = keys.filter(usableKey);
    if (usable.length === 0) return [];
    const { rows } = await this.reader().query<StoredHitRow>({
      text: withTypes(
        `SELECT ${HIT_COLUMNS}, 0::float8 AS relevance FROM search_docs d
         WHERE d.pk IN (SELECT doc FROM search_names WHERE match_key = ANY($1::text[])) AND ${TYPE_FILTER}
         ORDER BY d.pk LIMIT $3`,
        2,
      ),
      values: [usable, typesParameter(types), limit],
    });
    return rows.map(toHit);
  }

  /**
   * Which of `candidates` hold `words` as a phrase (adjacent positions, which never span two fields); none when
   * `common` or more documents of `types` hold it, which a count stopping at `common` tells.
   */
  async findPhraseHolders(
    words: readonly string[],
    candidates: readonly RecordKey[],
    types: readonly string[] | undefined,
    common: number,
  ): Promise<RecordKey[]> {
    if (words.length === 0 || candidates.length === 0 || !words.every((w) => w !== "" && usableKey(w)))
      return [];
    const kept = candidates.filter((c) => storable(c.type) && storable(c.id));
    const { rows } = await this.reader().query<RecordKey & { common: boolean }>({
      text: withTypes(
        `WITH common AS (
           SELECT count(*) >= $5 AS common FROM (SELECT 1 FROM search_docs d
             WHERE d.words @@ CAST($1 AS tsquery) AND ${TYPE_FILTER} LIMIT $5) held)
         SELECT d.type, d.id, common.common FROM common
           LEFT JOIN (records r JOIN unnest($3::text[], $4::text[]) AS k (type, id) ON r.type = k.type AND r.id = k.id
             JOIN search_docs d ON d.pk = r.pk AND d.words @@ CAST($1 AS tsquery) AND ${TYPE_FILTER})
           ON NOT common.common`,
        2,
      ),
      values: [
        words.map(lexeme).join(" <-> "),
        typesParameter(types),
        kept.map((c) => c.type),
        kept.map((c) => c.id),
        common,
      ],
    });
    return rows.filter((r) => !r.common && r.type !== null).map((r) => ({ type: r.type, id: r.id }));
  }

  async findById(id: string, types: readonly string[] | undefined, limit: number): Promise<SearchHit[]> {
    if (!storable(id)) return [];
    const { rows } = await this.reader().query<StoredHitRow>({
      name: "find-by-id",
      text: withTypes(
        `SELECT ${HIT_COLUMNS}, 0::float8 AS relevance FROM search_docs d
         WHERE d.id_fold = $1 AND ${TYPE_FILTER} ORDER BY d.id <> $2, d.type LIMIT $4`,
        3,
      ),
      values: [id.toLowerCase(), id, typesParameter(types), limit],
    });
    return rows.map(toHit);
  }

  async completeNames(
    prefix: string,
    types: readonly string[] | undefined,
    limit: number,
  ): Promise<NameCompletion[]> {
    if (prefix === "" || !storable(prefix)) return [];
    const t = typesParameter(types);
    const { rows } = await this.reader().query<StoredCompletionRow>({
      name: "complete-names",
      text: withTypes(
        `SELECT d.type, d.id, d.name, d.importance, n.alias, n.text, true AS from_start
         FROM search_names n JOIN search_docs d ON d.pk = n.doc
         WHERE n.prefix_key >= $1 AND n.prefix_key < $2 AND ${TYPE_FILTER}
         ORDER BY n.prefix_key, n.doc, n.position LIMIT $4`,
        3,
      ),
      values: [prefix, prefix + PREFIX_TOP, t, PREFIX_SCAN],
    });
    return completeWithLaterWords(rows.map(toCompletion), limit, () =>
      this.completeWords(prefix, t, limit * WORD_SCAN_FACTOR),
    );
  }

  async similarTerms(term: string, maxEdits: number, limit: number): Promise<TermCount[]> {
    if (term === "" || !usableKey(term)) return [];
    const { rows } = await this.reader().query<TermCount>({
      name: "similar-terms",
      text: "SELECT term, df FROM search_terms WHERE campus_fold(term) % campus_fold($1) AND term <> $1",
      values: [term],
    });
    // Trigram neighbours are the candidates for one edit and for two: the rule itself is shared.
    return closestWords(term, rows, () => rows, maxEdits, limit);
  }

  // Queries on the GIN index are not named (prepared): after five runs PostgreSQL may switch a prepared
  // statement to a generic plan, which does not know the tsquery and scans every document (68 ms, not 0.08 ms).
  async hasTerm(term: string): Promise<boolean> {
    if (term === "" || !usableKey(term)) return false;
    const { rows } = await this.reader().query<{ found: boolean }>({
      text: "SELECT EXISTS (SELECT 1 FROM search_docs WHERE words @@ CAST($1 AS tsquery)) AS found",
      values: [lexeme(term)],
    });
    return rows[0]?.found ?? false;
  }

  // Every answer is read from the database: nothing derived in memory to be older than its last commit.
  async searchTablesVersion(): Promise<string> {
    return "";
  }

  // Names where a later word starts with the last word of the prefix and holds the earlier words.
  private async completeWords(
    prefix: string,
    types: string[] | null,
    limit: number,
  ): Promise<NameCompletion[]> {
    const words = prefix.split(" ").filter((w) => w !== "");
    if (!words.every(usableKey)) return [];
    const last = words.pop();
    if (last === undefined || last.length < 2) return [];
    const tsquery = [...words.map((w) => `${lexeme(w)}:AB`), `${lexeme(last)}:*AB`].join(" & ");
    const { rows } = await this.reader().query<StoredCompletionRow>({
      text: withTypes(
        `SELECT d.type, d.id, d.name, d.importance, false AS alias, d.name AS text, false AS from_start
         FROM search_docs d WHERE d.words @@ CAST($1 AS tsquery) AND ${TYPE_FILTER} LIMIT $3`,
        2,
      ),
      values: [tsquery, types, limit],
    });
    return rows.map(toCompletion);
  }
}

/**
 * The tsvector literal of a document's fields: every key with its positions and its field's weight class.
 * Written as text so that PostgreSQL keeps the application's keys exactly (no parser, no dictionary).
 */
export function tsvectorText(fields: SearchFields): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const field of FIELDS) {
    const weight = FIELD_CLASS[field];
    // A gap between fields: a phrase (adjacent positions) never joins the end of one field to the next.
    position = Math.min(position + 1, MAX_POSITION);
    for (const key of fields[field].split(" ")) {
      if (key === "" || !usableKey(key)) continue;
      position = Math.min(position + 1, MAX_POSITION);
      const list = positions.get(key);
      if (list === undefined) positions.set(key, [`${position}${weight}`]);
      else if (list.length < MAX_POSITIONS) list.push(`${position}${weight}`);
    }
  }
  return [...positions].map(([key, list]) => `${lexeme(key)}:${list.join(",")}`).join(" ");
}

/** Adds the postings of one document (key → occurrences per field) to `into`; returns its number of keys. */
function countKeys(doc: SearchDocument, pk: number, into: (string | number)[][]): number {
  const counts = new Map<string, number[]>();
  let length = 0;
  FIELDS.forEach((field, f) => {
    for (const key of doc.fields[field].split(" ")) {
      if (key === "" || !usableKey(key)) continue;
      length += 1;
      let row = counts.get(key);
      if (row === undefined) {
        row = [0, 0, 0, 0, 0];
        counts.set(key, row);
      }
      row[f] = Math.min((row[f] ?? 0) + 1, 32_767);
    }
  });
  for (const [key, row] of counts) into.push([key, pk, doc.type, length, ...row]);
  return length;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The query's groups without empty keys, and without groups left empty. */
function nonEmptyGroups(query: TextQuery): string[][] {
  return query.groups
    .map((alternatives) => [...new Set(alternatives.filter((k) => k !== "" && usableKey(k)))])
    .filter((alternatives) => alternatives.length > 0);
}

/** The tsquery of a text query: alternatives OR-ed, groups AND-ed or OR-ed, limited to the fields asked. */
export function tsqueryText(query: TextQuery): string | undefined {
  const classes = query.fields
    ? [...new Set(query.fields.map((f) => FIELD_CLASS[f]).filter(Boolean))].join("")
    : "";
  const groups = nonEmptyGroups(query).map(
    (alternatives) =>
      `(${alternatives.map((k) => `${lexeme(k)}${classes ? `:${classes}` : ""}`).join(" | ")})`,
  );
  if (groups.length === 0) return undefined;
  return groups.join(query.require === "all" ? " & " : " | ");
}

/** A key that can be a lexeme: storable and at most 2,000 bytes (longer keys are never indexed either). */
function usableKey(key: string): boolean {
  return storable(key) && Buffer.byteLength(key) <= MAX_KEY_BYTES;
}

/** A key as a quoted tsvector/tsquery lexeme: never query syntax. */
function lexeme(key: string): string {
  return `'${key.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

function withTypes(sql: string, parameter: number): string {
  return sql.replaceAll("$TYPES", `$${parameter}`);
}

function typesParameter(types: readonly string[] | undefined): string[] | null {
  return types === undefined || types.length === 0 ? null : [...types];
}
