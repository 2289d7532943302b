/**
 * The stored evidence of records' own concept edges (`conceptEdgeEvidence`: detector score, keyword, first
 * mentions), held in columns rather than one object per edge: a build of 600,000 records keeps millions of them
 * until their rows are written. Mentions are interned: the same few surface texts recur across records.
 */
import { CampusGraphError } from "../core/errors.js";
import { NumberColumn } from "../core/number-column.js";
import type { ConceptEvidence } from "../graph/entity-concepts.js";
import { conceptEdgeEvidence } from "./graph-inputs.js";

/** Evidence added record by record (ascending record numbers), read back as `conceptEdgeEvidence` objects. */
export class EvidenceTable {
  private readonly records = int32s();
  /** Where each record's entries start; one more entry than `records`, the end. */
  private readonly starts = int32s(0);
  private readonly concepts = int32s();
  private readonly detected = new NumberColumn((n) => new Float64Array(n));
  /** 1 when the entry's concept is a keyword of the record, else 0. */
  private readonly keywords = new NumberColumn((n) => new Uint8Array(n));
  /** Each entry's mentions are at [mentionStarts[i], mentionStarts[i + 1]) of `mentionIds`. */
  private readonly mentionStarts = int32s(0);
  private readonly mentionIds = int32s();
  private readonly texts: string[] = [];
  private readonly textIds = new Map<string, number>();

  /** Adds the evidence of `concepts` for `record`, which must be above every record added before. */
  add(record: number, evidence: ReadonlyMap<number, ConceptEvidence>, concepts: Iterable<number>): void {
    const last = this.records.last();
    if (last !== undefined && record <= last)
      throw new CampusGraphError("INTERNAL", { problem: `evidence of record ${record} added after ${last}` });
    for (const concept of concepts) {
      const found = evidence.get(concept);
      if (!found) continue;
      const stored = conceptEdgeEvidence(found);
      this.concepts.push(concept);
      this.detected.push(stored.detected as number);
      this.keywords.push(found.keyword ? 1 : 0);
      for (const text of found.mentions) this.mentionIds.push(this.intern(text));
      this.mentionStarts.push(this.mentionIds.length);
    }
    if (this.concepts.length === this.starts.last()) return;
    this.records.push(record);
    this.starts.push(this.concepts.length);
  }

  /** The stored evidence of `record`'s own edge to `concept`, a new object each time; undefined when none. */
  get(record: number, concept: number): Readonly<Record<string, unknown>> | undefined {
    const at = this.findRecord(record);
    if (at < 0) return undefined;
    for (let i = this.starts.at(at) ?? 0; i < (this.starts.at(at + 1) ?? 0); i += 1) {
      if (this.concepts.at(i) !== concept) continue;
      const mentions: string[] = [];
      for (let m = this.mentionStarts.at(i) ?? 0; m < (this.mentionStarts.at(i + 1) ?? 0); m += 1)
        mentions.push(this.texts[this.mentionIds.at(m) ?? 0] ?? "");
      return { detected: this.detected.at(i), keyword: this.keywords.at(i) === 1, mentions };
    }
    return undefined;
  }

  /** The index of `record` in `records` (a binary search), -1 when it has no evidence. */
  private findRecord(record: number): number {
    let lo = 0;
    let hi = this.records.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.records.at(mid) ?? 0;
      if (r === record) return mid;
      if (r < record) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * The number of `text` in the table of mentions; the table keeps a copy that holds no reference to a larger
   * string (a mention cut from a record's text would otherwise keep the whole text alive: V8 slices).
   */
  private intern(text: string): number {
    let id = this.textIds.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(JSON.parse(JSON.stringify(text)) as string);
      this.textIds.set(this.texts[id] as string, id);
    }
    return id;
  }
}

/** An Int32 column holding `first` values to begin with. */
function int32s(...first: number[]): NumberColumn<Int32Array> {
  const column = new NumberColumn((n) => new Int32Array(n));
  for (const value of first) column.push(value);
  return column;
}
