/**
 * The names of the people a record links to, blanked out of its texts before its concepts are detected. A MOOC
 * "lecture slides by Ryan Adams" is not about Adam, nor a course "taught by Anant Agarwal" about anything in
 * his name: the corpus says who these words are, so they are read as the person, never as a concept.
 */
import { type CorpusRecord, displayName, type LangText } from "../core/record.js";
import type { Store } from "../store/store.js";

/** Words a person's name must have to be blanked: one word alone ("Lee", "Born") is too often a plain word too. */
const MIN_NAME_WORDS = 2;

/**
 * `record` with the name of every person it links to (as `nameOf` gives it, from the person's id) replaced by
 * spaces in its name, description and text, matched whole and regardless of case; `record` itself when no such
 * name occurs. Offsets and lengths of the texts are kept.
 */
export function withoutLinkedNames(
  record: CorpusRecord,
  nameOf: (personId: string) => string | undefined,
): CorpusRecord {
  let lowered: string | undefined;
  const patterns: RegExp[] = [];
  for (const link of record.links ?? []) {
    if (link.type !== "person") continue;
    const name = nameOf(link.id)?.trim();
    const words = name?.split(/\s+/) ?? [];
    if (!name || words.length < MIN_NAME_WORDS) continue;
    // Most records do not write their people's names: a pattern is made only when the last word is there.
    lowered ??= textsOf(record).toLowerCase();
    if (!lowered.includes((words.at(-1) as string).toLowerCase())) continue;
    patterns.push(namePattern(name));
  }
  if (patterns.length === 0) return record;
  const name = blank(record.name, patterns);
  const description = record.description && blank(record.description, patterns);
  const text = record.text && blank(record.text, patterns);
  if (name === record.name && description === record.description && text === record.text) return record;
  return {
    ...record,
    name: name ?? record.name,
    ...(description ? { description } : {}),
    ...(text ? { text } : {}),
  };
}

/** The record's name, description and text in every language, as one string. */
function textsOf(record: CorpusRecord): string {
  return [record.name, record.description ?? {}, record.text ?? {}]
    .flatMap((t) => Object.values(t))
    .join("\n");
}

/** A person's name as a whole phrase: its words in order, any spacing between them, not inside a longer word. */
function namePattern(name: string): RegExp {
  const words = name.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join("\\s+")}(?![\\p{L}\\p{N}])`, "giu");
}

/** The texts with every match of `patterns` replaced by as many spaces; the same object when nothing matched. */
function blank(texts: LangText, patterns: readonly RegExp[]): LangText {
  let changed = false;
  const out: Record<string, string> = {};
  for (const [lang, value] of Object.entries(texts)) {
    let next = value;
    for (const pattern of patterns) next = next.replace(pattern, (match) => " ".repeat(match.length));
    if (next !== value) changed = true;
    out[lang] = next;
  }
  return changed ? out : texts;
}

/** Every person's display name by id (for `withoutLinkedNames`): read first, as people come after what links to them. */
export async function personNames(store: Store): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for await (const person of store.scanRecords("person")) names.set(person.id, displayName(person));
  return names;
}
