/**
 * Questions for the records related to one record they name ("courses similar to ENV-460", "MOOCs like Agile Mindset
 * Introduction", "cours proches de ENV-460", "and similar MOOCs?" after an answer that linked one): the record is
 * resolved as any named record is (its code, its name whole, or the record the last answer linked), and the answer is
 * its neighbours of the asked type (the graph's related records: facts first, then records alike in concepts or words).
 */
import { TYPE_WORDS, type Word, wordsOf } from "./lexicon.js";
import { answerLinks } from "./picked-link.js";
import type { Anchor, ChatMessage, Plan, TargetType } from "./plan.js";
import { StepList } from "./plan-steps.js";
import type { ConversationReading } from "./read-conversation.js";
import { type CallApi, findCourse, findNamed, findNamedInEnglish, findRecord } from "./resolve-subject.js";

/** The types whose records have related records of their own kind in the graph, and that a question can name. */
const RECORD_TYPES: readonly TargetType[] = ["course", "mooc", "publication", "lecture"];

/** Words that say "alike" before the record ("similar to X", "proches de X"), or after the type ("similar courses"). */
const SIMILAR_WORDS = new Set(
  `similar similarly alike akin analogous comparable comparables resembling
  similaire similaires semblable semblables proche proches analogue analogues pareil pareils pareille pareilles
  voisin voisins voisine voisines ressemblant ressemblants ressemblante ressemblantes`.split(/\s+/),
);
/** Words that say "alike" and also "about" ("courses related to machine learning" asks a topic). */
const RELATED_WORDS = new Set([
  "related",
  "relating",
  "lie",
  "lies",
  "liee",
  "liees",
  "apparente",
  "apparentes",
]);
/** "Like" words: alike only right after a type word ("courses like X", not "courses I would like on X"). */
const LIKE_WORDS = new Set(["like", "comme", "such"]);
/** "In the same vein as X", "dans le même genre que X". */
const SAME_WORDS = new Set(["same", "meme"]);
const SAME_KINDS = new Set(["vein", "spirit", "genre", "style", "kind", "domaine", "esprit", "type"]);
/** Words between the marker and the name: prepositions, articles, and a type word labelling the name. */
const LINK_WORDS = new Set(
  `to with as of from the a an this that de du des d a au aux que qu le la les l un une ce cet cette
  vein spirit genre style kind domaine esprit type`.split(/\s+/),
);

/** What a question for records related to a named one asks: the type wanted and where the name starts. */
interface SimilarAsk {
  readonly type: TargetType;
  /** The name after the marker as written ("" when the question names none after it: "and similar MOOCs?"). */
  readonly name: string;
  /** True when the marker also reads as "about" ("related to"): a concept of that name is then a topic. */
  readonly topical: boolean;
}

/** The ask of `text`, when it asks for records of a type related to a record; else undefined. */
export function similarAsk(text: string, types: readonly TargetType[]): SimilarAsk | undefined {
  const words = wordsOf(text);
  const at = words.findIndex((w, i) => isMarker(words, i, w));
  const marker = words[at];
  if (!marker) return undefined;
  const isRecordType = (t: TargetType | undefined): t is TargetType =>
    t !== undefined && RECORD_TYPES.includes(t);
  const before = words
    .slice(0, at)
    .map((w) => TYPE_WORDS.get(w.folded))
    .filter(isRecordType);
  // The type asked is one named before the marker ("courses like the MOOC X" asks courses, "online courses similar
  // to X" MOOCs, as the reader reads them), else after it ("and similar MOOCs?").
  const wanted = types.filter(isRecordType);
  const type = wanted.find((t) => before.includes(t)) ?? before[0] ?? wanted[0];
  if (!type) return undefined;
  let start = at + 1;
  while (start < words.length && isLink(words[start])) start += 1;
  const first = words[start];
  const name = first ? cleanName(text.slice(first.start)) : "";
  return { type, name, topical: RELATED_WORDS.has(marker.folded) };
}

function isLink(word: Word | undefined): boolean {
  return word !== undefined && (LINK_WORDS.has(word.folded) || TYPE_WORDS.has(word.folded));
}

function isMarker(words: readonly Word[], i: number, word: Word): boolean {
  if (SIMILAR_WORDS.has(word.folded) || RELATED_WORDS.has(word.folded)) return true;
  const previous = words[i - 1];
  if (LIKE_WORDS.has(word.folded)) {
    const asType = previous !== undefined && TYPE_WORDS.has(previous.folded);
    return asType && (word.folded !== "such" || words[i + 1]?.folded === "as");
  }
  const next = words[i + 1];
  return SAME_WORDS.has(word.folded) && next !== undefined && SAME_KINDS.has(next.folded);
}

/** The name as written, without the question's end or quotes around it. */
function cleanName(text: string): string {
  return text
    .replace(/[\s?!.;:»"“”'’)]+$/u, "")
    .replace(/^[«"“'‘(\s]+/u, "")
    .trim();
}

/**
 * The plan for a question for the records related to one it names, or undefined when it asks none or its record is
 * not found (it is then read as any other question).
 */
export async function similarPlan(
  call: CallApi,
  { reading, linked }: ConversationReading,
  messages: readonly ChatMessage[],
): Promise<Pick<Plan, "intent" | "target" | "anchor" | "subjects" | "steps" | "cite"> | undefined> {
  const ask = similarAsk(reading.text, reading.types);
  if (!ask) return undefined;
  // "And similar MOOCs?": the record the last answer linked first, even when the reader took "similar" for a subject.
  const answer = messages
    .slice(0, -1)
    .filter((m) => m.role === "assistant")
    .at(-1)?.content;
  const last = linked ?? (answer ? answerLinks(answer)[0] : undefined);
  const anchor = await similarAnchor(call, ask, reading.codes[0], reading.lang, last);
  if (!anchor) return undefined;
  const steps = new StepList();
  const record = steps.add({ op: "record", type: anchor.type, id: anchor.id });
  const related = steps.add({ op: "neighbours", from: record, type: ask.type, limit: 20 });
  return {
    intent: "related",
    target: ask.type,
    anchor,
    subjects: [anchor.name],
    steps: steps.steps,
    cite: [related],
  };
}

/** The record the ask names: by its code, by its name whole, or the record the last answer linked. */
async function similarAnchor(
  call: CallApi,
  ask: SimilarAsk,
  code: string | undefined,
  lang: "en" | "fr",
  linked: { readonly type: string; readonly id: string } | undefined,
): Promise<Anchor | undefined> {
  const isRecord = (a: Anchor | undefined) => a !== undefined && (RECORD_TYPES as string[]).includes(a.type);
  if (code) {
    const coded = await findCourse(call, code);
    return isRecord(coded) ? coded : undefined;
  }
  if (ask.name !== "") {
    // "Courses related to machine learning" asks a topic: a concept named so wins over a record of that name.
    const prefer = ask.topical ? ["concept", ...RECORD_TYPES] : RECORD_TYPES;
    const named =
      (await findNamed(call, ask.name, prefer)) ??
      (lang === "fr" ? await findNamedInEnglish(call, ask.name, prefer) : undefined);
    return isRecord(named) ? named : undefined;
  }
  if (!linked || !(RECORD_TYPES as string[]).includes(linked.type)) return undefined;
  return findRecord(call, linked.type, linked.id);
}
