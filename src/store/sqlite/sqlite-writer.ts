/** The write side of an open SQLite transaction: records, links, metadata and anchors, and the other concerns. */
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { CampusGraphError } from "../../core/errors.js";
import type { CorpusRecord } from "../../core/record.js";
import type {
  AnchorCount,
  CurationWriter,
  GraphWriter,
  RecordKey,
  SearchIndexWriter,
  StoreWriter,
  UpsertOutcome,
} from "../store.js";
import { SqliteCurationWriter } from "./sqlite-curation.js";
import { KeyIndex, SqliteGraphWriter } from "./sqlite-graph.js";
import { SqliteSearch } from "./sqlite-search.js";
import { prepared } from "./statements.js";
import { TermIds } from "./term-ids.js";

/** The write side of an open SQLite transaction. */
export class SqliteWriter implements StoreWriter {
  finished = false;
  readonly graph: GraphWriter;
  readonly curation: CurationWriter;
  readonly search: SearchIndexWriter;
  private readonly selectKey: Database.Statement;
  private readonly insertRecord: Database.Statement;
  private readonly updateRecord: Database.Statement;
  private readonly deleteLinks: Database.Statement;
  private readonly insertLink: Database.Statement;
  private readonly deleteRecord: Database.Statement;
  private readonly upsertMeta: Database.Statement;
  private readonly deleteAnchors: Database.Statement;
  private readonly insertAnchor: Database.Statement;
  private readonly keys: KeyIndex;

  constructor(private readonly db: Database.Database) {
    const guard = () => this.assertOpen();
    this.keys = new KeyIndex(db);
    this.graph = new SqliteGraphWriter(db, this.keys, guard);
    this.curation = new SqliteCurationWriter(db, guard);
    const search = SqliteSearch.of(db);
    // Key ids this transaction looked up or added (a rolled-back transaction's are never seen by another).
    const terms = new TermIds(db);
    this.search = {
      clearSearchIndex: async () => {
        guard();
        search.clear(terms);
      },
      putSearchDocuments: async (docs) => {
        guard();
        search.put(docs, terms);
      },
    };
    this.selectKey = db.prepare("SELECT pk, hash FROM records WHERE type = ? AND id = ?");
    this.insertRecord = db.prepare("INSERT INTO records (type, id, data, hash) VALUES (?, ?, ?, ?)");
    this.updateRecord = db.prepare("UPDATE records SET data = ?, hash = ? WHERE pk = ?");
    this.deleteLinks = db.prepare("DELETE FROM links WHERE source_pk = ?");
    this.insertLink = db.prepare(
      "INSERT INTO links (source_pk, position, rel, target_type, target_id) VALUES (?, ?, ?, ?, ?)",
    );
    this.deleteRecord = db.prepare("DELETE FROM records WHERE type = ? AND id = ?");
    this.upsertMeta = db.prepare(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    );
    this.deleteAnchors = db.prepare("DELETE FROM anchors WHERE source = ?");
    this.insertAnchor = db.prepare(
      `INSERT INTO anchors (source, surface, concept_id, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (source, surface, concept_id) DO UPDATE SET count = count + excluded.count`,
    );
  }

  async upsertRecords(records: readonly CorpusRecord[]): Promise<UpsertOutcome> {
    this.assertOpen();
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    const changed: RecordKey[] = [];
    for (const record of records) {
      const data = JSON.stringify(record);
      const hash = createHash("sha1").update(data).digest("base64");
      const existing = this.selectKey.get(record.type, record.id) as { pk: number; hash: string } | undefined;
      let pk: number;
      if (!existing) {
        pk = Number(this.insertRecord.run(record.type, record.id, data, hash).lastInsertRowid);
        inserted += 1;
      } else if (existing.hash !== hash) {
        pk = existing.pk;
        this.updateRecord.run(data, hash, pk);
        this.deleteLinks.run(pk);
        updated += 1;
      } else {
        unchanged += 1;
        continue;
      }
      changed.push({ type: record.type, id: record.id });
      record.links?.forEach((link, position) => {
        this.insertLink.run(pk, position, link.rel, link.type, link.id);
      });
    }
    return { inserted, updated, unchanged, changed };
  }

  async removeRecord(key: RecordKey): Promise<boolean> {
    this.assertOpen();
    const pk = prepared(this.db, "SELECT pk FROM records WHERE type = ? AND id = ?")
      .pluck()
      .get(key.type, key.id);
    if (pk === undefined) return false;
    SqliteSearch.of(this.db).removeText(pk as number);
    this.keys.forget();
    return this.deleteRecord.run(key.type, key.id).changes > 0;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.assertOpen();
    this.upsertMeta.run(key, value);
  }

  async replaceAnchors(source: string, anchors: readonly AnchorCount[]): Promise<void> {
    this.assertOpen();
    this.deleteAnchors.run(source);
    for (const a of anchors) this.insertAnchor.run(source, a.surface, a.conceptId, a.count);
  }

  private assertOpen(): void {
    if (this.finished)
      throw new CampusGraphError("INTERNAL", { problem: "store writer used after its transaction ended" });
  }
}
