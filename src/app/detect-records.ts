/**
 * The detection stage of the graph build: every record's concepts, detected as the records are read, keeping only
 * compact results (profiles, the stored evidence of their edges, what each text names) and never the records.
 */
import type { ConceptDictionary } from "../detect/concept-dictionary.js";
import type { ConceptEdge } from "../graph/entity-concepts.js";
import type { NameMentions } from "../graph/name-mentions.js";
import type { Store } from "../store/store.js";
import { type RecordTexts, RecordTextsBuilder } from "./concept-lists.js";
import { EvidenceTable } from "./evidence-table.js";
import { loadNodes, type Nodes } from "./graph-inputs.js";
import { recordProfile } from "./record-concepts.js";

/** What detection keeps of each record: its concept edges, the stored evidence of its own edges, what it names. */
export interface Detection {
  readonly nodes: Nodes;
  readonly profiles: Map<number, ConceptEdge[]>;
  /**
   * The stored evidence (`conceptEdgeEvidence`) of each record's edges from its own text and keywords: of its
   * profile's edges, and of every concept it names when it is part of another record (it may inherit them).
   */
  readonly evidence: EvidenceTable;
  readonly mentions: Map<number, NameMentions>;
  /** The records' texts as the search index holds them, for the concept pages' full-text evidence. */
  readonly texts: RecordTexts;
}

/**
 * Reads the records once, detecting the concepts of each as it is read: only the compact results are kept, never
 * the records and their texts.
 */
export async function detectRecords(
  store: Store,
  dictionary: ConceptDictionary,
  progress: (stage: string, done: number, total: number) => void,
): Promise<Detection> {
  const profiles = new Map<number, ConceptEdge[]>();
  const evidence = new EvidenceTable();
  const mentions = new Map<number, NameMentions>();
  const texts = new RecordTextsBuilder(dictionary);
  const total = Object.values(await store.countRecords()).reduce((a, b) => a + b, 0);
  progress("detection", 0, total);
  const nodes = await loadNodes(store, {
    keepRecords: false,
    onRecord: (record, node) => {
      if (node % 500 === 0) progress("detection", node, total);
      texts.add(node, record);
      const profile = recordProfile(record, dictionary);
      if (profile.mentions && profile.mentions.concepts.length > 0) mentions.set(node, profile.mentions);
      if (profile.edges.length === 0) return;
      profiles.set(node, profile.edges);
      // A part may inherit any concept its text names (see inheritParentProfiles); other records keep their own.
      const isPart = record.links?.some((l) => l.rel === "part_of") ?? false;
      evidence.add(
        node,
        profile.evidence,
        isPart ? profile.evidence.keys() : profile.edges.map((e) => e.concept),
      );
    },
  });
  progress("detection", nodes.keys.length, nodes.keys.length);
  return { nodes, profiles, evidence, mentions, texts: texts.finish() };
}
