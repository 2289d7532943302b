/**
 * The stored evidence of records' own concept edges (`conceptEdgeEvidence`: detector score, keyword, first
 * mentions), held in columns rather than one object per edge: a build of 600,000 records keeps millions of them
 * until their rows are written. Mentions are interned: the same few surface texts recur across records.
 */
import { CampusGraphError } from "../core/errors.js";
import type { ConceptEvidence } from "../graph/entity-concepts.js";
import { conceptEdgeEvidence } from "./graph-inputs.js";

/** Evidence added record by record (ascending record numbers), read back as `conceptEdgeEvidence` objects. */
export class EvidenceTable {
  private readonly records: number[] = [];
  /** Where each record's entries start; one more entry than `records`, the end. */
  private readonly starts: number[] = [0];
  private readonly concepts: number[] = [];
  private readonly detected: number[] = [];
  private readonly keywords: boolean[] = [];
  /** Each entry's mentions are at [mentionStarts[i], mentionStarts[i + 1]) of `mentionIds`. */
  private readonly mentionStarts: number[] = [0];
  private readonly mentionIds: number[] = [];
  private readonly texts: string[] = [];
  private readonly textIds = new Map<string, number>();

  /** Adds the evidence of `concepts` for `record`, which must be above every record added before. */
  add(record: number, evidence: ReadonlyMap<number, ConceptEvidence>, concepts: Iterable<number>): void {
    const last = this.records.at(-1);
    if (last !== undefined && record <= last)
      throw new CampusGraphError("INTERNAL", { problem: `evidence of record ${record} added after ${last}` });
    for (const concept of concepts) {
      const found = evidence.get(concept);
      if (!found) continue;
      const stored = conceptEdgeEvidence(found);
      this.concepts.push(concept);
      this.detected.push(stored.detected as number);
      this.keywords.push(found.keyword);
      for (const text of found.mentions) this.mentionIds.push(this.intern(text));
      this.mentionStarts.push(this.mentionIds.length);
    }
    if (this.concepts.length === this.starts.at(-1)) return;
    this.records.push(record);
    this.starts.push(this.concepts.length);
  }

  /** The stored evidence of `record`'s own edge to `concept`, a new object each time; undefined when none. */
  get(record: number, concept: number): Readonly<Record<string, unknown>> | undefined {
    const at = this.findRecord(record);
    if (at < 0) return undefined;
    for (let i = this.starts[at] ?? 0; i < (this.starts[at + 1] ?? 0); i += 1) {
      if (this.concepts[i] !== concept) continue;
      const mentions: string[] = [];
      for (let m = this.mentionStarts[i] ?? 0; m < (this.mentionStarts[i + 1] ?? 0); m += 1)
        mentions.push(this.texts[this.mentionIds[m] ?? 0] ?? "");
      return { detected: this.detected[i], keyword: this.keywords[i], mentions };
    }
    return undefined;
  }

  /** The index of `record` in `records` (a binary search), -1 when it has no evidence. */
  private findRecord(record: number): number {
    let lo = 0;
    let hi = this.records.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.records[mid] ?? 0;
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
