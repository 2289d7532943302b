/**
 * Compiled statements, one per SQL text and connection: compiling costs as much as running a small query, and a
 * page reads a dozen of them.
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
