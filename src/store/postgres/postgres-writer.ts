/** The write side of an open PostgreSQL transaction: records, links, metadata and anchors, and the other concerns. */
import { createHash } from "node:crypto";
import type pg from "pg";
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
import { PostgresCurationWriter } from "./postgres-curation.js";
import { PostgresGraphWriter, PostgresKeyIndex } from "./postgres-graph.js";
import { PostgresSearch } from "./postgres-search.js";
import { SearchBlocks } from "./search-blocks.js";

// A transaction that writes this many rows to a table is a bulk write: the table is vacuumed after it.
const BULK_ROWS = 10_000;

/** The write side of an open PostgreSQL transaction. */
export class PostgresWriter implements StoreWriter {
  finished = false;
  /** Tables rewritten in bulk by this transaction. */
  readonly bulk = new Set<string>();
  private recordsWritten = 0;
  private readonly keys: PostgresKeyIndex;
  readonly graph: GraphWriter;
  readonly curation: CurationWriter;
  readonly search: SearchIndexWriter;
  private readonly searchIndex: PostgresSearch;
  private readonly blocks = new SearchBlocks();

  constructor(private readonly client: pg.PoolClient) {
    const guard = () => this.assertOpen();
    this.keys = new PostgresKeyIndex(client);
    this.graph = new PostgresGraphWriter(client, this.keys, guard, this.bulk);
    this.curation = new PostgresCurationWriter(client, guard);
    const search = new PostgresSearch(() => client);
    this.searchIndex = search;
    this.search = {
      clearSearchIndex: async () => {
        guard();
        for (const table of [
          "search_docs",
          "search_names",
          "search_postings",
          "search_terms",
          "search_blocks",
        ])
          this.bulk.add(table);
        await search.clear(client);
        this.blocks.markEvery();
      },
      putSearchDocuments: async (docs) => {
        guard();
        this.blocks.mark(await search.put(client, docs));
      },
    };
  }

  async upsertRecords(records: readonly CorpusRecord[]): Promise<UpsertOutcome> {
    this.assertOpen();
    if (records.length === 0) return { inserted: 0, updated: 0, unchanged: 0, changed: [] };
    const known = new Map<string, { pk: number | undefined; hash: string }>();
    const { rows } = await this.client.query<{ pk: number; type: string; id: string; hash: string }>(
      `SELECT r.pk, r.type, r.id, r.hash FROM records r
       JOIN unnest($1::text[], $2::text[]) AS k (type, id) ON r.type = k.type AND r.id = k.id`,
      [records.map((r) => r.type), records.map((r) => r.id)],
    );
    for (const row of rows) known.set(`${row.type}\0${row.id}`, { pk: row.pk, hash: row.hash });
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    const changed: RecordKey[] = [];
    // The last version of each changed record wins, as if the batch were written one record at a time.
    const writes = new Map<
      string,
      { record: CorpusRecord; data: string; hash: string; pk: number | undefined }
    >();
    for (const record of records) {
      const data = JSON.stringify(record);
      const hash = createHash("sha1").update(data).digest("base64");
      const name = `${record.type}\0${record.id}`;
      const existing = known.get(name);
      if (existing?.hash === hash) {
        unchanged += 1;
        continue;
      }
      if (existing === undefined) inserted += 1;
      else updated += 1;
      known.set(name, { pk: existing?.pk, hash });
      writes.set(name, { record, data, hash, pk: existing?.pk ?? writes.get(name)?.pk });
      changed.push({ type: record.type, id: record.id });
    }
    const fresh = [...writes.values()].filter((w) => w.pk === undefined);
    const stale = [...writes.values()].filter((w) => w.pk !== undefined);
    if (fresh.length > 0) {
      const { rows: added } = await this.client.query<{ pk: number; type: string; id: string }>(
        `INSERT INTO records (type, id, data, hash)
         SELECT * FROM unnest($1::text[], $2::text[], $3::json[], $4::text[]) RETURNING pk, type, id`,
        [
          fresh.map((w) => w.record.type),
          fresh.map((w) => w.record.id),
          fresh.map((w) => w.data),
          fresh.map((w) => w.hash),
        ],
      );
      const pks = new Map(added.map((r) => [`${r.type}\0${r.id}`, r.pk]));
      for (const w of fresh) w.pk = pks.get(`${w.record.type}\0${w.record.id}`);
    }
    if (stale.length > 0) {
      const pks = stale.map((w) => w.pk);
      await this.client.query(
        `UPDATE records r SET data = u.data, hash = u.hash
         FROM unnest($1::int[], $2::json[], $3::text[]) AS u (pk, data, hash) WHERE r.pk = u.pk`,
        [pks, stale.map((w) => w.data), stale.map((w) => w.hash)],
      );
      await this.client.query("DELETE FROM links WHERE source_pk = ANY($1::int[])", [pks]);
    }
    const links = {
      pk: [] as number[],
      position: [] as number[],
      rel: [] as string[],
      type: [] as string[],
      id: [] as string[],
    };
    for (const w of writes.values()) {
      w.record.links?.forEach((link, position) => {
        links.pk.push(w.pk ?? 0);
        links.position.push(position);
        links.rel.push(link.rel);
        links.type.push(link.type);
        links.id.push(link.id);
      });
    }
    if (links.pk.length > 0) {
      await this.client.query(
        `INSERT INTO links (source_pk, position, rel, target_type, target_id)
         SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[])`,
        [links.pk, links.position, links.rel, links.type, links.id],
      );
    }
    if (fresh.length > 0) this.keys.forget();
    this.recordsWritten += writes.size;
    if (this.recordsWritten >= BULK_ROWS) for (const table of ["records", "links"]) this.bulk.add(table);
    return { inserted, updated, unchanged, changed };
  }

  async removeRecord(key: RecordKey): Promise<boolean> {
    this.assertOpen();
    const { rows } = await this.client.query<{ pk: number }>(
      "DELETE FROM records WHERE type = $1 AND id = $2 RETURNING pk",
      [key.type, key.id],
    );
    const pk = rows[0]?.pk;
    if (pk === undefined) return false;
    // The computed tables have no foreign keys (they are written by COPY): forget the record's rows here.
    await this.client.query("DELETE FROM neighbours WHERE source_pk = $1 OR target_pk = $1", [pk]);
    await this.client.query("DELETE FROM node_scores WHERE pk = $1", [pk]);
    this.blocks.mark(await this.searchIndex.remove(this.client, pk));
    this.keys.forget();
    return true;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.assertOpen();
    await this.client.query(
      "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [key, value],
    );
  }

  async replaceAnchors(source: string, anchors: readonly AnchorCount[]): Promise<void> {
    this.assertOpen();
    await this.client.query("DELETE FROM anchors WHERE source = $1", [source]);
    if (anchors.length >= BULK_ROWS) this.bulk.add("anchors");
    for (let start = 0; start < anchors.length; start += 10_000) {
      const batch = anchors.slice(start, start + 10_000);
      await this.client.query(
        `INSERT INTO anchors (source, surface, concept_id, count)
         SELECT $1, surface, concept_id, sum(count) FROM unnest($2::text[], $3::text[], $4::int[]) AS a (surface, concept_id, count)
         GROUP BY surface, concept_id
         ON CONFLICT (source, surface, concept_id) DO UPDATE SET count = anchors.count + excluded.count`,
        [source, batch.map((a) => a.surface), batch.map((a) => a.conceptId), batch.map((a) => a.count)],
      );
    }
  }

  /** Work left for the end of the transaction, before its commit: the blocks of the search keys it changed. */
  async finish(): Promise<void> {
    this.assertOpen();
    await this.blocks.flush(this.client);
  }

  private assertOpen(): void {
    if (this.finished)
      throw new CampusGraphError("INTERNAL", { problem: "store writer used after its transaction ended" });
  }
}
