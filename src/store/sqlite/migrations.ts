/**
 * The SQLite schema, as an ordered list of migrations. A database records which it has applied in
 * `schema_migrations`; opening it applies the missing ones, each in its own transaction.
 */

/** One schema step. Versions are consecutive from 1 and never edited once released. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "records, links, edges, search text, meta",
    sql: `
      -- Every record of every type; data is the normalised record as JSON, hash its SHA-1 (change detection).
      CREATE TABLE records (
        pk   INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        id   TEXT NOT NULL,
        data TEXT NOT NULL,
        hash TEXT NOT NULL,
        UNIQUE (type, id)
      ) STRICT;

      -- Organisational links (facts from the corpus). The target is a key, not a row: it may not exist yet.
      CREATE TABLE links (
        source_pk   INTEGER NOT NULL REFERENCES records (pk) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        rel         TEXT NOT NULL,
        target_type TEXT NOT NULL,
        target_id   TEXT NOT NULL,
        PRIMARY KEY (source_pk, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX links_by_target ON links (target_type, target_id, rel);

      -- Computed, scored edges (entity-concept, concept-concept, entity-entity); evidence is JSON.
      CREATE TABLE edges (
        source_pk INTEGER NOT NULL REFERENCES records (pk) ON DELETE CASCADE,
        kind      TEXT NOT NULL,
        target_pk INTEGER NOT NULL REFERENCES records (pk) ON DELETE CASCADE,
        score     REAL NOT NULL,
        evidence  TEXT,
        PRIMARY KEY (source_pk, kind, target_pk)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX edges_by_target ON edges (target_pk, kind);

      -- Full-text index over records (rowid = records.pk), filled by the search indexer.
      CREATE VIRTUAL TABLE search_text USING fts5 (
        name, aliases, keywords, description, body,
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: "anchor statistics from Wikipedia dumps",
    sql: `
      -- How often an anchor text links to a concept, per source (one dump); the dictionary sums the sources.
      CREATE TABLE anchors (
        source     TEXT NOT NULL,
        surface    TEXT NOT NULL,
        concept_id TEXT NOT NULL,
        count      INTEGER NOT NULL,
        PRIMARY KEY (source, surface, concept_id)
      ) STRICT, WITHOUT ROWID;
    `,
  },
];
