/**
 * The curators' standing record corrections (aliases, category moves) applied to records as they are read
 * for the concept dictionary and the search index; the stored corpus records stay as imported.
 */
import type { Correction } from "../core/correction.js";
import type { CorpusRecord } from "../core/record.js";
import type { StoreReader } from "../store/store.js";

/** Corrects a record: returns it with its curated aliases and category, or unchanged. */
export type RecordCorrector = (record: CorpusRecord) => CorpusRecord;

/** The corrector of the alias and category corrections of `store` standing now. */
export async function recordCorrector(store: StoreReader): Promise<RecordCorrector> {
  return correctRecords(await store.curation.listCorrections());
}

/** The corrector of `corrections`: withdrawn ones and edge corrections are left out, later ones win. */
export function correctRecords(corrections: readonly Correction[]): RecordCorrector {
  const byRecord = new Map<string, Correction[]>();
  for (const c of corrections) {
    if (c.withdrawn || (c.kind !== "alias" && c.kind !== "category")) continue;
    const key = `${c.source.type}\0${c.source.id}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), c]);
  }
  return (record) => {
    const mine = byRecord.get(`${record.type}\0${record.id}`);
    return mine ? mine.reduce(applyOne, record) : record;
  };
}

function applyOne(record: CorpusRecord, c: Correction): CorpusRecord {
  if (c.kind === "alias" && c.value !== undefined) {
    const aliases = record.aliases ?? [];
    return aliases.includes(c.value) ? record : { ...record, aliases: [...aliases, c.value] };
  }
  if (c.kind === "category" && c.target) {
    const links = (record.links ?? []).filter((l) => !(l.rel === "category" && l.type === "category"));
    return { ...record, links: [{ rel: "category", type: "category", id: c.target.id }, ...links] };
  }
  return record;
}
