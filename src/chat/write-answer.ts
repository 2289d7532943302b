/**
 * The chat's answer text: what the question was read as, then the references grouped by type (a concept's or a
 * record's description first when the question asks what it is), or a short polite answer with no reference.
 */
import { type ChatTextKey, chatText } from "../i18n/chat-text.js";
import { typeName } from "../i18n/record-labels.js";
import type { FoundRecord } from "./execute-plan.js";
import type { Plan } from "./plan.js";

/** A record the answer recommends, with the page to open. */
export interface Reference {
  readonly type: string;
  readonly id: string;
  readonly name: string;
  readonly url: string;
  /** True when the record is listed through the concept's related concepts, not as being about the concept itself. */
  readonly related?: true;
}

/** The reference to `record`'s page. */
export function toReference(record: FoundRecord): Reference {
  return {
    type: record.type,
    id: record.id,
    name: record.name,
    url: `/${record.type}/${encodeURIComponent(record.id)}`,
    ...(record.related ? { related: true as const } : {}),
  };
}

/** Says how the plan reads the question ("I read this as: courses about genomics."). */
export function describePlan(plan: Plan): string {
  const { lang } = plan;
  const quote = (s: string) => (lang === "fr" ? `« ${s} »` : `“${s}”`);
  const named = (a: { type: string; id: string; name: string }) =>
    `${a.type === "course" ? `${a.id} ` : ""}${a.name}`;
  const anchor = plan.anchors
    ? plan.anchors.map(named).join(chatText(lang, plan.join === "and" ? "and" : "or"))
    : plan.anchor
      ? named(plan.anchor)
      : "";
  const types = (type: string | undefined) => inSentence(typeName(lang, type ?? "course", "many"));
  const subjects = plan.subjects.map(quote).join(chatText(lang, plan.join === "or" ? "or" : "and"));
  let what: string;
  switch (plan.intent) {
    case "explain":
    case "about":
    case "research":
    case "prerequisites":
    case "compare":
      what = chatText(lang, plan.intent, { anchor });
      break;
    case "related":
      what = chatText(lang, relationKey(plan), { types: types(plan.target), anchor });
      break;
    default:
      what = plan.via
        ? chatText(lang, "listVia", { types: types(plan.target), via: types(plan.via), subjects })
        : chatText(lang, "listOf", { types: types(plan.target), subjects });
  }
  const asked = plan.subjects[0];
  if (plan.anchor?.nearest && asked) what = chatText(lang, "nearest", { what, subject: quote(asked) });
  if (plan.level) what = chatText(lang, "level", { what, level: plan.level });
  if (plan.stage) what = chatText(lang, "level", { what, level: chatText(lang, plan.stage) });
  if (plan.season) what = chatText(lang, plan.season, { what });
  if (plan.paperKinds)
    what = chatText(lang, "paperKinds", {
      what,
      kinds: plan.paperKinds.map((k) => k.toLowerCase()).join(", "),
    });
  if (plan.language) what = chatText(lang, "language", { what, language: languageName(lang, plan.language) });
  if (plan.institution) what = chatText(lang, "institution", { what, institution: plan.institution });
  if (plan.topic) what = chatText(lang, "narrowed", { what, topic: quote(plan.topic) });
  if (plan.latest) what = chatText(lang, "latest", { what });
  if (plan.count) what = chatText(lang, "count", { what, count: plan.count });
  const unused = plan.unused ? [chatText(lang, "unused", { words: plan.unused.join(", ") })] : [];
  return [chatText(lang, "readAs", { what }), ...unused, ...notesOf(plan)].join(" ");
}

/**
 * What the planner could not be sure of or left out: which of several people a name fits it took, the rest of a
 * long message, instructions to the assistant.
 */
function notesOf(plan: Plan): string[] {
  const { lang, homonyms, anchor } = plan;
  const quote = (s: string) => (lang === "fr" ? `« ${s} »` : `“${s}”`);
  return [
    homonyms && anchor
      ? chatText(lang, "homonyms", {
          asked: quote(homonyms.asked),
          count: homonyms.among,
          name: anchor.name,
          others: homonyms.others.join(", "),
        })
      : "",
    plan.truncated ? chatText(lang, "truncated", { read: clip(plan.read ?? "", 120) }) : "",
    // The quote ends the note's sentence: its own final stop is dropped.
    ...(plan.ignored ?? []).map((text) =>
      chatText(lang, "ignored", { text: clip(text, 120).replace(/[.!?;]+$/, "") }),
    ),
  ].filter((n) => n !== "");
}

const RELATION_KEYS: Readonly<Record<string, ChatTextKey>> = {
  "course>person": "teacher",
  "mooc>person": "teacher",
  "person>course": "taughtBy",
  "person>mooc": "taughtBy",
  "person>lecture": "taughtBy",
  "course>lecture": "partOf",
  "mooc>lecture": "partOf",
  "unit>person": "members",
  "person>unit": "unitsOf",
  "course>unit": "unitsOf",
  "person>publication": "papersOf",
};

function relationKey(plan: Plan): ChatTextKey {
  return RELATION_KEYS[`${plan.anchor?.type}>${plan.target}`] ?? "related";
}

/**
 * The answer to `plan` given the records its cited steps returned, in citing order; `withNote` ends it with the
 * reminder to check official sources (default true; false for all but the last of several questions); `joined`, for
 * an intersection that met nowhere, is how many records each of its sides had; `unscoped`, for a list that a
 * university left empty, how many records there were before.
 */
export function writeAnswer(
  plan: Plan,
  cited: readonly (readonly FoundRecord[])[],
  references: readonly Reference[],
  withNote = true,
  joined?: readonly number[],
  unscoped?: number,
): string {
  const { lang } = plan;
  if (plan.intent === "off-topic") {
    const reason = plan.offTopic === "small-talk" || !plan.offTopic ? "smallTalk" : plan.offTopic;
    const notes = plan.offTopic === "instruction" ? [] : notesOf(plan);
    return [chatText(lang, reason), chatText(lang, "help"), ...notes].join(" ");
  }
  // A request for a piece of writing links a page on a line of its own, as the chat page renders links.
  if (plan.intent === "unclear")
    return [unclearAnswer(plan), chatText(lang, "help"), ...notesOf(plan)].join(plan.creative ? "\n\n" : " ");
  const lines = [describePlan(plan)];
  if (
    references.length === 0 &&
    joined &&
    joined.length === plan.subjects.length &&
    joined.some((n) => n > 0)
  )
    return [...lines, noneInCommon(plan, joined)].join("\n");
  if (references.length === 0 && plan.institution && unscoped) {
    const types = inSentence(typeName(lang, plan.target ?? "course", "many"));
    const none = chatText(lang, "noneFrom", { count: unscoped, types, institution: plan.institution });
    return [...lines, none].join("\n");
  }
  if (references.length === 0) return [...lines, chatText(lang, "nothing")].join("\n");
  const cite = new Set(references.map((r) => `${r.type}\0${r.id}`));
  const first =
    plan.intent === "explain" || plan.intent === "about" || plan.intent === "research"
      ? cited[0]?.[0]
      : undefined;
  if (first) {
    lines.push(
      "",
      `**[${first.name}](${toReference(first).url})**${first.description ? `: ${clip(first.description)}` : ""}`,
    );
    cite.delete(`${first.type}\0${first.id}`);
    if (plan.intent === "explain") lines.push("", chatText(lang, "whereToLearn"));
  }
  const rest = references.filter((r) => cite.has(`${r.type}\0${r.id}`));
  const groups = new Map<string, Reference[]>();
  for (const r of rest) groups.set(r.type, [...(groups.get(r.type) ?? []), r]);
  for (const [type, refs] of groups) {
    const heading = typeName(lang, type, "many");
    // A list found only through related concepts says so: it is where the neighbouring topics are taught.
    if (refs.every((r) => r.related)) lines.push(chatText(lang, "relatedList", { types: heading }));
    else if (groups.size > 1 || first) lines.push(`${heading}:`);
    lines.push(...refs.map((r) => `- [${r.type === "course" ? `${r.id} ` : ""}${r.name}](${r.url})`));
  }
  return (withNote ? [...lines, "", chatText(lang, "note")] : lines).join("\n");
}

/** Says plainly that the two sides of an intersection met nowhere, with how many records each side had. */
function noneInCommon(plan: Plan, joined: readonly number[]): string {
  const { lang } = plan;
  const quote = (s: string) => (lang === "fr" ? `« ${s} »` : `“${s}”`);
  const counts = plan.subjects.map((subject, i) =>
    chatText(lang, "countFor", { count: joined[i] ?? 0, subject: quote(subject) }),
  );
  const types = inSentence(typeName(lang, plan.target ?? "course", "many"));
  return chatText(lang, "noneInCommon", { types, counts: counts.join(chatText(lang, "and")) });
}

/**
 * Why a question gets no list: the request was not understood (with the questions the planner can answer about
 * what it found, if anything), or the subject was not found.
 */
function unclearAnswer(plan: Plan): string {
  const { lang } = plan;
  const quote = (s: string) => (lang === "fr" ? `« ${s} »` : `“${s}”`);
  const { anchor, suggestions = [] } = plan;
  if (plan.creative) {
    const page = anchor ? `**[${anchor.name}](/${anchor.type}/${encodeURIComponent(anchor.id)})**` : "";
    const asked = suggestions.map(quote).join(chatText(lang, "or"));
    return [
      chatText(lang, "creative"),
      anchor ? chatText(lang, "creativePage", { page, suggestions: asked }) : "",
    ]
      .filter((s) => s !== "")
      .join("\n\n");
  }
  if (anchor && suggestions.length > 0) {
    const found = `${quote(anchor.name)} (${inSentence(typeName(lang, anchor.type, "one"))})`;
    const asked = suggestions.map(quote).join(chatText(lang, "or"));
    return chatText(lang, "unsure", { found, suggestions: asked });
  }
  const subject = plan.subjects[0];
  if (plan.unsure || !subject) return chatText(lang, "cannot");
  return chatText(lang, "unclear", { subject: lang === "fr" ? `« ${subject} »` : `"${subject}"` });
}

/** A language's name in the answer's language ("en" → "English", "anglais"); the code when unknown. */
function languageName(lang: "en" | "fr", code: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A type's name inside a sentence: "Courses" → "courses", but an acronym stays as it is ("MOOCs"). */
export function inSentence(name: string): string {
  return /^\p{Lu}\p{Lu}/u.test(name) ? name : name.toLowerCase();
}

function clip(text: string, length = 400): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length).replace(/\s\S*$/, "")}…` : flat;
}
