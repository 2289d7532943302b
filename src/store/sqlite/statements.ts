/**
 * Compiled statements, one per SQL text and connection: compiling costs as much as running a small query, and a
 * page reads a dozen of them; and the pieces of SQL the search index's statements share.
 */
import type Database from "better-sqlite3";

const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The statement for `sql` on `db`, compiled on first use, returning rows as objects: a caller that wants
 * `pluck()` or `raw()` sets it on the statement each time (two callers may share one SQL text).
 */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let statements = byConnection.get(db);
  if (statements === undefined) {
    statements = new Map();
    byConnection.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  // The modes are flags on the shared statement: reset them, or one caller's pluck() leaks into another's get().
  return statement.reader ? statement.pluck(false).raw(false) : statement;
}

/** The columns of a search hit, of search document `d`, its names' match keys joined by U+001F. */
export const HIT_COLUMNS = `d.type, d.id, d.name, d.snippet, d.importance,
  (SELECT group_concat(match_key, char(31)) FROM
    (SELECT match_key FROM search_names WHERE doc = d.pk ORDER BY position)) AS name_keys`;

/** Keeps documents `d` of the types in a JSON array given twice (null: every type). */
export const TYPE_FILTER = "(? IS NULL OR d.type IN (SELECT value FROM json_each(?)))";

/** A key as an FTS5 string: a word, never query syntax. */
export function quote(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/** Types as the JSON array `TYPE_FILTER` takes, or null for every type. */
export function typesParameter(types: readonly string[] | undefined): string | null {
  return types === undefined || types.length === 0 ? null : JSON.stringify(types);
}
