/**
 * The ids of the keys of the search index (`search_vocabulary`), as one write transaction assigns them: looked
 * up, or added, on first use and remembered until the transaction ends (a rolled-back transaction's ids are
 * never seen by another).
 */
import type Database from "better-sqlite3";
import { prepared } from "./statements.js";

/** Key ids for one write transaction. */
export class TermIds {
  private readonly ids = new Map<string, number>();

  constructor(private readonly db: Database.Database) {}

  /** The id of `term`, added to the vocabulary when new. */
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = prepared(this.db, "SELECT id FROM search_vocabulary WHERE term = ?").pluck().get(term) as
        | number
        | undefined;
      id ??= Number(
        prepared(this.db, "INSERT INTO search_vocabulary (term) VALUES (?)").run(term).lastInsertRowid,
      );
      this.ids.set(term, id);
    }
    return id;
  }

  /** Forgets every id (the vocabulary was emptied). */
  clear(): void {
    this.ids.clear();
  }
}
