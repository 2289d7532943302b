/**
 * What a record's own texts and keywords say of its concepts: its detected concepts with their evidence (the
 * concept edges of the graph), and how often its text names each concept (for the concept pages).
 */
import type { CorpusRecord } from "../core/record.js";
import { displayName } from "../core/record.js";
import { readText } from "../detect/concept-detector.js";
import type { ConceptDictionary } from "../detect/concept-dictionary.js";
import { nameCounts } from "../detect/name-counts.js";
import { type Spot, spotText } from "../detect/spot-surfaces.js";
import { type ConceptEdge, type ConceptEvidence, scoreEntityConcepts } from "../graph/entity-concepts.js";
import { keywordConcept } from "../graph/keyword-concepts.js";
import { type NameMentions, nameMentions } from "../graph/name-mentions.js";
import { type TextLanguage, textLanguages } from "../text/language.js";
import { CONCEPTS_PER_ENTITY, NO_TEXT_TYPES } from "./graph-inputs.js";

/** What a record's own texts and keywords say of its concepts. */
export interface RecordProfile {
  /** Its concept edges, best first. */
  readonly edges: ConceptEdge[];
  readonly evidence: Map<number, ConceptEvidence>;
  /** How often its text names each concept (`name-mentions.ts`); undefined when it has no text. */
  readonly mentions: NameMentions | undefined;
}

/** A record's concept edges from its own texts and keywords, best first; empty for concepts and categories. */
export function recordProfile(record: CorpusRecord, dictionary: ConceptDictionary): RecordProfile {
  if (NO_TEXT_TYPES.has(record.type)) return { edges: [], evidence: new Map(), mentions: undefined };
  const { evidence, mentions } = recordEvidence(record, dictionary);
  return { edges: scoreEntityConcepts(evidence, CONCEPTS_PER_ENTITY), evidence, mentions };
}

/** How much of a concept's description (per language) is read: an article's lead says what its subject is. */
const DESCRIPTION_CHARS = 1_000;

/** The concepts a concept's description names, at most this many. */
const DESCRIBED_CONCEPTS = 20;

/**
 * The concepts that the start of a concept's own description is about (its article's lead, as the detector reads
 * it), other than the concept itself, with their score over the best one's, in (0, 1], best first: what the
 * article would link to. Empty for other records and concepts without a description.
 */
export function describedConcepts(record: CorpusRecord, dictionary: ConceptDictionary): ConceptEdge[] {
  const self = record.type === "concept" ? dictionary.index.get(record.id) : undefined;
  if (self === undefined || !record.description) return [];
  const best = new Map<number, number>();
  for (const [lang, description] of Object.entries(record.description)) {
    const title = record.name[lang] ?? displayName(record);
    const reading = readText(dictionary, `${title}\n\n${description.slice(0, DESCRIPTION_CHARS)}`, {
      titleLength: title.length,
      limit: DESCRIBED_CONCEPTS + 1,
      threshold: 0.02,
      ...(lang === "en" || lang === "fr" ? { lang } : {}),
    });
    for (const c of reading.concepts) {
      const concept = dictionary.index.get(c.id);
      if (concept === undefined || concept === self) continue;
      best.set(concept, Math.max(best.get(concept) ?? 0, c.score));
    }
  }
  const top = Math.max(0, ...best.values());
  return [...best]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, DESCRIBED_CONCEPTS)
    .map(([concept, score]) => ({ concept, score: score / top }));
}

/** Types whose name is a proper name ("Anne Dupont", a lab's name): it names no concept it is about. */
const PROPER_NAME_TYPES = new Set(["person", "unit"]);

/**
 * Types whose name is never read for concepts: a person's name says nothing of what they work on ("Lilian Gout",
 * "Julia Born", "Ashley Green" are not about gout, Julia or a colour), and a profile read from it would also stand in
 * for the one derived from their courses and publications. Their description, when the corpus gives one, is read.
 * (A unit's name often says what it does, "Laboratory of Cellular Biophysics", and is read.)
 */
const UNREAD_NAME_TYPES = new Set(["person"]);

/** Name counts below this (a tenth of one plain mention) are not kept: rare senses of common words. */
const MENTION_FLOOR = 0.1;

/**
 * The evidence of each concept for one record: best detector score over its languages, and its keywords; and how
 * often each concept is named, the most over its languages.
 */
export function recordEvidence(
  record: CorpusRecord,
  dictionary: ConceptDictionary,
): { evidence: Map<number, ConceptEvidence>; mentions: NameMentions | undefined } {
  const evidence = new Map<number, { detected: number; keyword: boolean; mentions: string[] }>();
  const get = (concept: number) => {
    let e = evidence.get(concept);
    if (!e) {
      e = { detected: 0, keyword: false, mentions: [] };
      evidence.set(concept, e);
    }
    return e;
  };
  const names = new NameTally();
  const texts = recordTexts(record);
  for (const { title, text, lang } of texts) {
    if (text === "") continue;
    const reading = readText(dictionary, text, {
      titleLength: title.length,
      limit: 40,
      threshold: 0.02,
      ...(lang ? { lang } : {}),
    });
    names.add(reading.spots, reading.tokens);
    for (const c of reading.concepts) {
      const concept = dictionary.index.get(c.id);
      if (concept === undefined) continue;
      const e = get(concept);
      e.detected = Math.max(e.detected, c.score);
      if (e.mentions.length < 3)
        e.mentions.push(...c.mentions.slice(0, 3 - e.mentions.length).map((m) => m.text));
    }
  }
  const detected = new Set(evidence.keys());
  const tags = [...(record.keywords ?? [])];
  const topic = record.attrs?.topic_wikipedia;
  if (typeof topic === "string") tags.push(topic.replace(/_/g, " "));
  // The text as written, for the case of the keywords (read only when the record has some).
  const written = tags.length > 0 ? texts.map((t) => t.text).join("\n") : "";
  for (const keyword of tags) {
    const concept = keywordConcept(dictionary, keyword, detected, written);
    if (concept !== undefined) get(concept).keyword = true;
  }
  return { evidence, mentions: names.of(record) };
}

/**
 * How often a record's text names each concept (`name-mentions.ts`), without detecting its concepts: what the
 * incremental update needs of the records it does not detect again. Undefined for records without such text.
 */
export function recordMentions(
  record: CorpusRecord,
  dictionary: ConceptDictionary,
): NameMentions | undefined {
  if (NO_TEXT_TYPES.has(record.type) || PROPER_NAME_TYPES.has(record.type)) return undefined;
  const names = new NameTally();
  for (const { text, lang } of recordTexts(record)) {
    const { tokens, spots } = spotText(dictionary, text, textLanguages(text, lang));
    names.add(spots, tokens.length);
  }
  return names.of(record);
}

/**
 * A record's text in each of its languages: its name there as title (not a person's: `UNREAD_NAME_TYPES`), then its
 * description and text.
 */
function recordTexts(
  record: CorpusRecord,
): { title: string; text: string; lang: TextLanguage | undefined }[] {
  const languages = new Set([
    ...Object.keys(record.name),
    ...Object.keys(record.description ?? {}),
    ...Object.keys(record.text ?? {}),
  ]);
  const named = !UNREAD_NAME_TYPES.has(record.type);
  return [...languages].map((lang) => {
    const title = named ? (record.name[lang] ?? displayName(record)) : "";
    const text = [title, record.description?.[lang], record.text?.[lang]].filter(Boolean).join("\n\n");
    return { title, text, lang: lang === "fr" ? "fr" : lang === "en" ? "en" : undefined };
  });
}

/** The name counts of a record's texts: each concept's most over its languages, and the longest text's length. */
class NameTally {
  private readonly counts = new Map<number, number>();
  private length = 0;

  /** Counts the names in one text's spots. */
  add(spots: readonly Spot[], tokens: number): void {
    this.length = Math.max(this.length, tokens);
    for (const [c, n] of nameCounts(spots)) this.counts.set(c, Math.max(this.counts.get(c) ?? 0, n));
  }

  /** The record's mentions, or undefined when it has no text or its name is a proper name. */
  of(record: CorpusRecord): NameMentions | undefined {
    if (this.length === 0 || PROPER_NAME_TYPES.has(record.type)) return undefined;
    return nameMentions(this.counts, this.length, MENTION_FLOOR);
  }
}
