/**
 * The search index on SQLite: documents and names in plain tables, each document's keys as key ids
 * (`search_tokens`), text in FTS5 too (prefixes of name words, some phrases). Held in memory, derived from the
 * tables (`search-tables.ts`, `search-memory.ts`): the name vocabulary for typo correction (a deletion index),
 * the names (sorted by prefix key for autocomplete, by match key for exact names) and the postings of every key,
 * which full-text ranking and counts read (`sqlite-full-text.ts`). They are derived again after a write of the
 * index, by this connection or by another one.
 */
import type Database from "better-sqlite3";
import {
  completeWithLaterWords,
  PREFIX_SCAN,
  type StoredCompletionRow,
  toCompletion,
  toHit,
  WORD_SCAN_FACTOR,
} from "../engine-parts.js";
import type {
  NameCompletion,
  RecordKey,
  SearchDocument,
  SearchHit,
  SearchIndexReader,
  TermCount,
  TextQuery,
} from "../store.js";
import { deletionCandidates } from "./deletion-index.js";
import { documentsNamed, holdsFoldedId, namesStartingWith } from "./name-index.js";
import { SearchMemory } from "./search-memory.js";
import { renewSearchGeneration } from "./search-tables.js";
import { SqliteFullText } from "./sqlite-full-text.js";
import { prepared, quote, TYPE_FILTER, typesParameter } from "./statements.js";
import type { TermIds } from "./term-ids.js";

const byConnection = new WeakMap<Database.Database, SqliteSearch>();

/** The SQLite search index of one connection. */
export class SqliteSearch implements SearchIndexReader {
  /** Counts come from the postings held in memory: microseconds. */
  readonly countsBeforeRanking = true;
  private readonly memory: SearchMemory;
  private readonly fullText: SqliteFullText;

  private constructor(
    private readonly db: Database.Database,
    location: string | undefined,
  ) {
    this.memory = new SearchMemory(db, location);
    this.fullText = new SqliteFullText(db, this.memory);
  }

  /**
   * The search index of connection `db`: one per connection, so that its writes refresh what it derives in
   * memory. With `location` on the first call (the file `db` opened), that is derived again in a worker thread
   * after another connection writes the index, and answers come from the previous tables meanwhile; without, on
   * first use after the write.
   */
  static of(db: Database.Database, location?: string): SqliteSearch {
    let search = byConnection.get(db);
    if (search === undefined) {
      search = new SqliteSearch(db, location);
      byConnection.set(db, search);
    }
    return search;
  }

  /** Removes every search document; `terms` forgets the key ids, which are numbered again. */
  clear(terms: TermIds): void {
    this.db.exec(`DELETE FROM search_docs; DELETE FROM search_terms; DELETE FROM search_vocabulary;
      INSERT INTO search_text (search_text) VALUES ('delete-all');`);
    terms.clear();
    this.changed();
  }

  /**
   * Removes the full-text row of record `pk`, which has no foreign key to cascade from (its document and names
   * do): left, it would take a place in the ranking of its words until the next build, and make a complete list
   * of hits look short.
   */
  removeText(pk: number): void {
    this.prepare("DELETE FROM search_text WHERE rowid = ?").run(pk);
    this.changed();
  }

  /** Says that this connection ended a transaction: what it derived may predate its write, or its rollback. */
  ended(): void {
    this.memory.changed();
  }

  /** How many times this connection derived its search tables (a count that changes when new ones answer). */
  tablesDerived(): number {
    return this.memory.derived();
  }

  /** The generation of what the index answers from in memory. */
  async searchTablesVersion(): Promise<string> {
    return this.memory.version();
  }

  /** Adds or replaces documents by key, numbering new keys with `terms`; documents without a record are skipped. */
  put(docs: readonly SearchDocument[], terms: TermIds): void {
    const pkOf = this.prepare("SELECT pk FROM records WHERE type = ? AND id = ?").pluck();
    const hasDoc = this.prepare("SELECT 1 FROM search_docs WHERE pk = ?").pluck();
    const deleteText = this.prepare("DELETE FROM search_text WHERE rowid = ?");
    const deleteDoc = this.prepare("DELETE FROM search_docs WHERE pk = ?");
    const insertDoc = this.prepare(
      "INSERT INTO search_docs (pk, type, id, id_fold, name, snippet, importance) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    const insertName = this.prepare(
      "INSERT INTO search_names (doc, position, alias, match_key, prefix_key, text) VALUES (?, ?, ?, ?, ?, ?)",
    );
    const insertText = this.prepare(
      "INSERT INTO search_text (rowid, name, aliases, keywords, description, body) VALUES (?, ?, ?, ?, ?, ?)",
    );
    const countTerm = this.prepare(
      "INSERT INTO search_terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
    );
    const df = new Map<string, number>();
    for (const doc of docs) {
      const pk = pkOf.get(doc.type, doc.id) as number | undefined;
      if (pk === undefined) continue;
      if (hasDoc.get(pk) !== undefined) {
        deleteText.run(pk);
        deleteDoc.run(pk);
      }
      insertDoc.run(
        pk,
        doc.type,
        doc.id,
        doc.id.toLowerCase(),
        doc.name,
        doc.snippet,
        doc.importance ?? null,
      );
      doc.names.forEach((name, position) => {
        insertName.run(pk, position, name.alias ? 1 : 0, name.matchKey, name.prefixKey, name.text);
      });
      const f = doc.fields;
      insertText.run(pk, f.name, f.aliases, f.keywords, f.description, f.body);
      this.fullText.putTokens(pk, f, terms);
      for (const term of new Set(`${f.name} ${f.aliases}`.split(" "))) {
        if (term.length >= 3) df.set(term, (df.get(term) ?? 0) + 1);
      }
    }
    for (const [term, n] of df) countTerm.run(term, n);
    this.changed();
  }

  /** Documents in the index. */
  async countSearchDocuments(): Promise<number> {
    return this.prepare("SELECT count(*) FROM search_docs").pluck().get() as number;
  }

  /** Best documents of a full-text query by weighted BM25. */
  async searchText(query: TextQuery): Promise<SearchHit[]> {
    return this.fullText.searchText(query);
  }

  /** Matching documents per type. */
  async countTextMatches(query: TextQuery): Promise<Record<string, number>> {
    return this.fullText.countTextMatches(query);
  }

  /**
   * Which of `candidates` hold `words` as a phrase in one field (FTS5 phrases never cross columns), none when
   * `common` or more documents of `types` hold it.
   */
  async findPhraseHolders(
    words: readonly string[],
    candidates: readonly RecordKey[],
    types: readonly string[] | undefined,
    common: number,
  ): Promise<RecordKey[]> {
    return this.fullText.findPhraseHolders(words, candidates, types, common);
  }

  /** Documents with a name or alias whose match key is one of `keys`. */
  async findByName(
    keys: readonly string[],
    types: readonly string[] | undefined,
    limit: number,
  ): Promise<SearchHit[]> {
    if (keys.length === 0) return [];
    const wanted = types === undefined || types.length === 0 ? undefined : new Set(types);
    // Most queries name no record: the names in memory say so without a statement.
    const pks = documentsNamed(this.memory.current().names, keys, wanted, limit);
    if (pks.length === 0) return [];
    return this.hitsOf(pks);
  }

  /** Documents whose id is `id`, exactly (first) or ignoring case. */
  async findById(id: string, types: readonly string[] | undefined, limit: number): Promise<SearchHit[]> {
    // Most one-word queries are no id: the ids held in memory (else an index probe) say so without the ordered
    // statement below, which sets up a sort even for no row.
    const folded = id.toLowerCase();
    const tables = this.memory.current();
    const known = this.memory.isCurrent(tables)
      ? holdsFoldedId(tables.names, folded)
      : this.prepare("SELECT 1 FROM search_docs WHERE id_fold = ? LIMIT 1").get(folded) !== undefined;
    if (!known) return [];
    const t = typesParameter(types);
    const pks = this.prepare(
      `SELECT d.pk FROM search_docs d WHERE d.id_fold = ? AND ${TYPE_FILTER} ORDER BY d.id <> ?, d.type LIMIT ?`,
    )
      .pluck()
      .all(folded, t, t, id, limit) as number[];
    return this.hitsOf(pks);
  }

  /** Names and aliases that start with `prefix` (a prefix key), or whose later words do. */
  async completeNames(
    prefix: string,
    types: readonly string[] | undefined,
    limit: number,
  ): Promise<NameCompletion[]> {
    if (prefix === "") return [];
    const wanted = types === undefined || types.length === 0 ? undefined : new Set(types);
    return completeWithLaterWords(
      namesStartingWith(this.memory.current().names, prefix, wanted, PREFIX_SCAN),
      limit,
      () => this.completeWords(prefix, typesParameter(types), limit * WORD_SCAN_FACTOR),
    );
  }

  /** Vocabulary words within `maxEdits` of `term`. */
  async similarTerms(term: string, maxEdits: number, limit: number): Promise<TermCount[]> {
    if (term.includes("\u0000")) return [];
    return deletionCandidates(this.memory.current().vocabulary, term, maxEdits, limit);
  }

  /** True when `term` is indexed in some field of some document. */
  async hasTerm(term: string): Promise<boolean> {
    return this.fullText.holdsKey(term);
  }

  /** The hits of search documents `pks` that exist, in the order given. */
  private hitsOf(pks: readonly number[]): SearchHit[] {
    const rows = this.fullText.readHits(pks);
    return pks.flatMap((pk) => {
      const row = rows.get(pk);
      return row === undefined ? [] : [toHit(row)];
    });
  }

  private prepare(sql: string): Database.Statement {
    return prepared(this.db, sql);
  }

  // The index changed in this transaction: what is derived from it is of another generation.
  private changed(): void {
    renewSearchGeneration(this.db);
    this.memory.changed();
  }

  // Names where a later word starts with the last word of the prefix and holds the earlier words.
  private completeWords(prefix: string, types: string | null, limit: number): NameCompletion[] {
    const words = prefix.split(" ").filter((w) => w !== "");
    const last = words.pop();
    if (last === undefined || last.length < 2 || prefix.includes("\u0000")) return [];
    // Bracketed: a column filter applies to the one phrase after it, not to the rest of the expression.
    const match = `{name aliases} : (${[...words.map(quote), `${quote(last)}*`].join(" AND ")})`;
    const rows = this.prepare(
      `SELECT d.type, d.id, d.name, d.importance, 0 AS alias, d.name AS text, 0 AS from_start
         FROM search_text f JOIN search_docs d ON d.pk = f.rowid
         WHERE search_text MATCH ? AND ${TYPE_FILTER} LIMIT ?`,
    ).all(match, types, types, limit) as StoredCompletionRow[];
    return rows.map(toCompletion);
  }
}
