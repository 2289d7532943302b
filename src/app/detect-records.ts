/**
 * The detection stage of the graph build: every record's concepts, detected as the records are read, keeping only
 * compact results (profiles, the stored evidence of their edges, what each text names) and never the records.
 */
import type { CorpusRecord } from "../core/record.js";
import type { ConceptDictionary } from "../detect/concept-dictionary.js";
import type { ConceptEdge } from "../graph/entity-concepts.js";
import { MentionTable } from "../graph/name-mentions.js";
import { type ProfileTable, ProfileTableBuilder } from "../graph/profile-table.js";
import type { Store } from "../store/store.js";
import { type RecordTexts, RecordTextsBuilder } from "./concept-lists.js";
import { DetectionPool } from "./detection-pool.js";
import { EvidenceTable } from "./evidence-table.js";
import { loadNodes, NO_TEXT_TYPES, type Nodes } from "./graph-inputs.js";
import { personNames, withoutLinkedNames } from "./linked-names.js";
import { describedConcepts, type RecordProfile, recordProfile } from "./record-concepts.js";

/** What detection keeps of each record: its concept edges, the stored evidence of its own edges, what it names. */
export interface Detection {
  readonly nodes: Nodes;
  /** Each record's own concept edges, from its text and keywords, in typed arrays. */
  readonly profiles: ProfileTable;
  /**
   * The stored evidence (`conceptEdgeEvidence`) of each record's edges from its own text and keywords: of its
   * profile's edges, and of every concept it names when it is part of another record (it may inherit them).
   */
  readonly evidence: EvidenceTable;
  readonly mentions: MentionTable;
  /** The records' texts as the search index holds them, for the concept pages' full-text evidence. */
  readonly texts: RecordTexts;
  /** The concepts each concept's description names (`describedConcepts`), by dictionary number; none when empty. */
  readonly described: ReadonlyMap<number, readonly ConceptEdge[]>;
}

/** Records per block a worker detects: enough that a message's cost is small beside detecting them. */
const BLOCK = 128;

/** Options of `detectRecords`. */
export interface DetectRecordsOptions {
  /** Worker threads that detect blocks of records beside this thread (`DetectionPool`); 0: this thread alone. */
  readonly workers?: number;
  /** Records per block sent to a worker; default BLOCK. */
  readonly block?: number;
}

/** A block of records in reading order, with its profiles once they are known. */
interface Block {
  readonly nodes: number[];
  readonly parts: boolean[];
  profiles: readonly RecordProfile[] | undefined;
  failure?: unknown;
  /** Settles once a worker answered (at once when this thread detected it). */
  done: Promise<unknown>;
}

function emptyBlock(): Block {
  return { nodes: [], parts: [], profiles: undefined, done: Promise.resolve() };
}

/**
 * Reads the records once, detecting the concepts of each as it is read: only the compact results are kept, never
 * the records and their texts. With workers, blocks of records go to them while they have room, and this thread
 * detects the others; results are kept in reading order, so they are the same whatever the workers.
 */
export async function detectRecords(
  store: Store,
  dictionary: ConceptDictionary,
  progress: (stage: string, done: number, total: number) => void,
  options: DetectRecordsOptions = {},
): Promise<Detection> {
  const profiles = new ProfileTableBuilder();
  const evidence = new EvidenceTable();
  const mentions = new MentionTable();
  const texts = new RecordTextsBuilder(dictionary);
  const described = new Map<number, readonly ConceptEdge[]>();
  const total = Object.values(await store.countRecords()).reduce((a, b) => a + b, 0);
  const pool = (options.workers ?? 0) > 0 ? new DetectionPool(dictionary, options.workers ?? 0) : undefined;
  const keep = (node: number, profile: RecordProfile, isPart: boolean) => {
    if (profile.mentions && profile.mentions.concepts.length > 0) mentions.add(node, profile.mentions);
    if (profile.edges.length === 0) return;
    profiles.add(node, profile.edges);
    // A part may inherit any concept its text names (see inheritParentProfiles); other records keep their own.
    evidence.add(
      node,
      profile.evidence,
      isPart ? profile.evidence.keys() : profile.edges.map((e) => e.concept),
    );
  };
  const blockSize = options.block ?? BLOCK;
  const waiting: Block[] = [];
  // Keeps the finished blocks at the head of the queue, in reading order.
  const keepFinished = () => {
    while (waiting[0]?.profiles !== undefined || waiting[0]?.failure !== undefined) {
      const block = waiting.shift() as Block;
      if (block.failure !== undefined) throw block.failure;
      block.nodes.forEach((node, i) => {
        keep(node, block.profiles?.[i] as RecordProfile, block.parts[i] ?? false);
      });
    }
  };
  let records: CorpusRecord[] = [];
  let block = emptyBlock();
  const detect = async () => {
    const current = block;
    waiting.push(current);
    const sent = pool?.tryDetect(records);
    if (sent === undefined) current.profiles = records.map((record) => recordProfile(record, dictionary));
    else
      current.done = sent.then(
        (found) => {
          current.profiles = found;
        },
        (error: unknown) => {
          current.failure = error;
        },
      );
    records = [];
    block = emptyBlock();
    // Lets the workers' answers in (they arrive as events), then keeps what is finished.
    if (pool) await new Promise((resolve) => setImmediate(resolve));
    keepFinished();
  };
  progress("detection", 0, total);
  try {
    const people = await personNames(store);
    const nodes = await loadNodes(store, {
      keepRecords: false,
      onRecord: (record, node) => {
        if (node % 500 === 0) progress("detection", node, total);
        // Read as detection reads it: the names of the people it links to are theirs, not concepts.
        const read = withoutLinkedNames(record, (id) => people.get(id));
        texts.add(node, read);
        if (record.type === "concept" && record.description) {
          const found = describedConcepts(record, dictionary);
          if (found.length > 0) described.set(dictionary.index.get(record.id) ?? -1, found);
        }
        if (NO_TEXT_TYPES.has(record.type)) return;
        records.push(read);
        block.nodes.push(node);
        block.parts.push(record.links?.some((l) => l.rel === "part_of") ?? false);
        return records.length === blockSize ? detect() : undefined;
      },
    });
    if (records.length > 0) await detect();
    while (waiting.length > 0) {
      await waiting[0]?.done;
      keepFinished();
    }
    // The workers and their dictionaries go before the texts' index is packed, its largest moment.
    await pool?.close();
    progress("detection", nodes.keys.length, nodes.keys.length);
    return { nodes, profiles: profiles.finish(), evidence, mentions, texts: texts.finish(), described };
  } finally {
    await pool?.close();
  }
}
