/**
 * The SQLite schema, as an ordered list of migrations. A database records which it has applied in
 * `schema_migrations`; opening it applies the missing ones, each in its own transaction.
 */
import type { Migration } from "../engine-parts.js";

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
  {
    version: 3,
    name: "search index: documents, names, full text, term vocabulary",
    sql: `
      -- Replaces migration 1's placeholder. Search text is tokenised by the application (folded, stemmed keys
      -- joined by spaces), so FTS5 only splits on spaces and both sides of a match are normalised alike.
      DROP TABLE search_text;

      -- One searchable document per record (pk = records.pk): what a hit shows without reading the record.
      CREATE TABLE search_docs (
        pk         INTEGER PRIMARY KEY REFERENCES records (pk) ON DELETE CASCADE,
        type       TEXT NOT NULL,
        id         TEXT NOT NULL,
        id_fold    TEXT NOT NULL,
        name       TEXT NOT NULL,
        snippet    TEXT NOT NULL,
        importance REAL
      ) STRICT;
      CREATE INDEX search_docs_by_id_fold ON search_docs (id_fold);

      -- Every name and alias of a document: match_key (stemmed keys) for exact matches, prefix_key (folded
      -- words) for autocomplete by range scan.
      CREATE TABLE search_names (
        doc        INTEGER NOT NULL REFERENCES search_docs (pk) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        alias      INTEGER NOT NULL,
        match_key  TEXT NOT NULL,
        prefix_key TEXT NOT NULL,
        text       TEXT NOT NULL,
        PRIMARY KEY (doc, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX search_names_by_match ON search_names (match_key);
      CREATE INDEX search_names_by_prefix ON search_names (prefix_key);

      CREATE VIRTUAL TABLE search_text USING fts5 (
        name, aliases, keywords, description, body,
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0', prefix = '3'
      );

      -- Name and alias words with their document frequency: the vocabulary typo correction draws from.
      CREATE TABLE search_terms (
        term TEXT PRIMARY KEY,
        df   INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    name: "ranked neighbourhoods and node importance (replaces the unused edges table)",
    sql: `
      DROP TABLE edges;

      -- Every node's neighbours per type, ranked as pages show them: facts first, then computed edges by score.
      CREATE TABLE neighbours (
        source_pk   INTEGER NOT NULL REFERENCES records (pk) ON DELETE CASCADE,
        target_type TEXT NOT NULL,
        rank        INTEGER NOT NULL,
        target_pk   INTEGER NOT NULL REFERENCES records (pk) ON DELETE CASCADE,
        score       REAL NOT NULL,
        kind        TEXT NOT NULL,
        evidence    TEXT NOT NULL,
        PRIMARY KEY (source_pk, target_type, rank)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX neighbours_by_target ON neighbours (target_pk);

      -- Importance of each node in [0, 1] and its number of neighbours per type (JSON).
      CREATE TABLE node_scores (
        pk         INTEGER PRIMARY KEY REFERENCES records (pk) ON DELETE CASCADE,
        importance REAL NOT NULL,
        degrees    TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: "curators' corrections and readers' reports",
    sql: `
      -- Not corpus records: imports never touch them and every build reads them. data is the submission as JSON.
      CREATE TABLE corrections (
        id           INTEGER PRIMARY KEY,
        data         TEXT NOT NULL,
        withdrawn_by TEXT,
        withdrawn_at TEXT
      ) STRICT;

      CREATE TABLE reports (
        id   INTEGER PRIMARY KEY,
        data TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 6,
    name: "search index: key ids and each document's keys, for ranking from postings held in memory",
    sql: `
      -- Every key of the search text, numbered.
      CREATE TABLE search_vocabulary (
        id   INTEGER PRIMARY KEY,
        term TEXT NOT NULL UNIQUE
      ) STRICT;

      -- A document's keys in order, as key ids: the number of keys of each of its five fields, then the ids
      -- (32-bit little-endian). The engine derives its postings in memory from these rows (term-index.ts).
      CREATE TABLE search_tokens (
        doc    INTEGER PRIMARY KEY REFERENCES search_docs (pk) ON DELETE CASCADE,
        tokens BLOB NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 7,
    name: "neighbours without per-row foreign-key checks: a trigger forgets a removed record's rows",
    sql: `
      -- A full build writes every row (13 M at 600,000 records) with keys read from records: checking both keys of
      -- each row against records cost a third of the insert. Removing a record still removes its rows, both ways.
      CREATE TABLE neighbours_next (
        source_pk   INTEGER NOT NULL,
        target_type TEXT NOT NULL,
        rank        INTEGER NOT NULL,
        target_pk   INTEGER NOT NULL,
        score       REAL NOT NULL,
        kind        TEXT NOT NULL,
        evidence    TEXT NOT NULL,
        PRIMARY KEY (source_pk, target_type, rank)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO neighbours_next SELECT source_pk, target_type, rank, target_pk, score, kind, evidence
        FROM neighbours;
      DROP TABLE neighbours;
      ALTER TABLE neighbours_next RENAME TO neighbours;
      CREATE INDEX neighbours_by_target ON neighbours (target_pk);
      CREATE TRIGGER records_forget_neighbours AFTER DELETE ON records BEGIN
        DELETE FROM neighbours WHERE source_pk = old.pk;
        DELETE FROM neighbours WHERE target_pk = old.pk;
      END;
    `,
  },
];
