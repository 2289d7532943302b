/**
 * Block bounds of the PostgreSQL search index (`search_blocks`), from which ranking finds the best documents of a
 * key without scoring all of its postings. A key's postings are split by document type and by whether a short
 * field (name, aliases, keywords, description) holds the key, each part ordered by impact and cut into blocks of
 * `BLOCK_SIZE`; a block keeps its documents, its most occurrences per field and its shortest length, so that BM25
 * under any non-negative field weights is at most the score of those maxima at that length. Blocks are written
 * again, per key, by every transaction that changes the key's postings (`SearchBlocks.flush`, before commit).
 */
import type pg from "pg";

/** Postings per block: a query reads every block's bound of its keys and every posting of the blocks it keeps. */
export const BLOCK_SIZE = 32;

/**
 * The field weights (name, aliases, keywords, description, body) under which each block keeps its best documents'
 * exact BM25 ratio (see `blockRatioSql`): search's defaults. Any weights rank exactly; under these (or these with
 * the body at 0), a block's bound is what its best document scores, and the first blocks rule out the others.
 */
const BLOCK_WEIGHTS = [10, 6, 30, 3, 1] as const;

/**
 * The statement that writes the blocks of the keys of \`$1\` (a text array), or of every key with \`every\`, once
 * \`deleteBlocksSql\` has deleted theirs. BM25's frequency part of a posting with weighted occurrences w and length
 * L is 2.2·ρ / (ρ + 1) with ρ = w / (0.3 + 0.9·L / mean length): a block keeps the largest ρ of its documents under
 * \`BLOCK_WEIGHTS\` with the body at 0 (\`short_ratio\`) and with it (\`ratio\`), at the mean length of the moment
 * (\`mean\`). Within a part, postings go by the ρ of the short fields (of the body in the body-only part), then by
 * document.
 */
export function writeBlocksSql(every: boolean): string {
  const keys = every ? "" : "WHERE p.term = ANY ($1::text[])";
  const [name, aliases, keywords, description, body] = BLOCK_WEIGHTS;
  return `INSERT INTO search_blocks (term, type, short, block, n, name, aliases, keywords, description, body, length,
      mean, short_ratio, ratio, docs, lengths, in_name, in_aliases, in_keywords, in_description, in_body)
    SELECT term, type, short, (rank - 1) / ${BLOCK_SIZE}, count(*)::int, max(name), max(aliases), max(keywords),
      max(description), max(body), min(length), min(mean), max(w / k), max((w + ${body} * body) / k),
      array_agg(doc ORDER BY rank), array_agg(length ORDER BY rank), array_agg(name ORDER BY rank),
      array_agg(aliases ORDER BY rank), array_agg(keywords ORDER BY rank), array_agg(description ORDER BY rank),
      array_agg(body ORDER BY rank)
    FROM (
      SELECT p.term, p.type, p.doc, p.length, p.name, p.aliases, p.keywords, p.description, p.body, o.short, o.w, o.k,
        s.mean, row_number() OVER (PARTITION BY p.term, p.type, o.short
          ORDER BY CASE WHEN o.short THEN o.w ELSE p.body END / o.k DESC, p.doc) AS rank
      FROM search_postings p
      CROSS JOIN (SELECT greatest(tokens, 1)::float8 / greatest(docs, 1) AS mean FROM search_stats LIMIT 1) s
      CROSS JOIN LATERAL (SELECT p.name + p.aliases + p.keywords + p.description > 0 AS short,
        (${name} * p.name + ${aliases} * p.aliases + ${keywords} * p.keywords + ${description} * p.description)::float8 AS w,
        0.3 + 0.9 * p.length / s.mean AS k) o
      ${keys}) ranked
    GROUP BY term, type, short, (rank - 1) / ${BLOCK_SIZE}`;
}

/**
 * The largest ρ (see \`writeBlocksSql\`) a document of block \`b\` can have under the weights \`$3\`–\`$7\` at the mean
 * length of \`s (docs, tokens)\`: the least of two bounds. One holds for any weights: the block's most occurrences
 * per field at its shortest length. The other scales the block's kept ratio by the most any field's weight exceeds
 * \`BLOCK_WEIGHTS\`' (the weighted occurrences grow by at most that factor) and by how much the mean length grew
 * since the block was written (a longer mean lowers every length's part, by at most that factor).
 */
export function blockRatioSql(): string {
  const [name, aliases, keywords, description, body] = BLOCK_WEIGHTS;
  const scale = `greatest($3::float8 / ${name}, $4::float8 / ${aliases}, $5::float8 / ${keywords}, $6::float8 / ${description})`;
  return `least(
    (b.name * $3::float8 + b.aliases * $4::float8 + b.keywords * $5::float8 + b.description * $6::float8 + b.body * $7::float8)
      / (0.3 + 0.9 * b.length * s.docs::float8 / greatest(s.tokens, 1)),
    CASE WHEN $7::float8 > 0 THEN greatest(${scale}, $7::float8 / ${body}) * b.ratio ELSE ${scale} * b.short_ratio END
      * greatest(1, greatest(s.tokens, 1)::float8 / greatest(s.docs, 1) / b.mean))`;
}

/** The statement that deletes the blocks of the keys of `$1`, or every block with `every`. */
export function deleteBlocksSql(every: boolean): string {
  return `DELETE FROM search_blocks ${every ? "" : "WHERE term = ANY ($1::text[])"}`;
}

/** The keys whose postings a transaction changed, whose blocks it writes again before it commits. */
export class SearchBlocks {
  private every = false;
  private readonly keys = new Set<string>();

  /** Marks every key (the index was cleared). */
  markEvery(): void {
    this.every = true;
    this.keys.clear();
  }

  /** Marks these keys. */
  mark(keys: Iterable<string>): void {
    if (this.every) return;
    for (const key of keys) this.keys.add(key);
  }

  /** True when every key is marked: the blocks table is rewritten whole (a bulk write). */
  get rewritesEvery(): boolean {
    return this.every;
  }

  /** Writes the marked keys' blocks again, in the transaction of `client`. */
  async flush(client: pg.PoolClient): Promise<void> {
    if (this.every) {
      // Sorting every posting at once: in memory rather than in temporary files.
      await client.query("SET LOCAL work_mem = '256MB'");
      await client.query(deleteBlocksSql(true));
      await client.query(writeBlocksSql(true));
    } else if (this.keys.size > 0) {
      const keys = [[...this.keys]];
      await client.query(deleteBlocksSql(false), keys);
      await client.query(writeBlocksSql(false), keys);
    }
    this.every = false;
    this.keys.clear();
  }
}
