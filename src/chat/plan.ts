/**
 * The chat planner: from a question (English or French) and the conversation so far, a plan — a short, typed
 * list of calls of our own public API — without any language model. Deterministic: the same conversation gives
 * the same plan, so plans can be shown, tested and cached.
 */
import { guessLanguage } from "../detect/text-normalise.js";

/** A record type the chat can ask for. */
export type TargetType = "course" | "lecture" | "mooc" | "person" | "unit" | "publication" | "concept";

/** What the question asks. */
export type Intent = "teachers" | "prerequisites" | "about" | "course-lectures" | "unclear";

/** A level of study a question restricts courses to. */
export type Level = "master" | "bachelor";

/** One message of the conversation. */
export interface ChatMessage {
  readonly role: "user" | "assistant";
  readonly content: string;
}

/** One step of a plan: a call of the public API. `subject: "found"` takes the record the previous steps found. */
export type PlanStep =
  | {
      readonly op: "search";
      readonly query: string;
      readonly types: readonly TargetType[];
      readonly limit: number;
    }
  | { readonly op: "detect"; readonly text: string; readonly lang: "en" | "fr" }
  | {
      readonly op: "neighbours";
      readonly of: "found" | "detected";
      readonly type: TargetType;
      readonly kinds?: readonly string[];
      readonly limit: number;
    }
  | { readonly op: "level"; readonly level: Level }
  | { readonly op: "words"; readonly text: string };

/** A plan: what is asked, about what, in which language, and the calls that answer it. */
export interface Plan {
  readonly intent: Intent;
  readonly target: TargetType;
  /** The topic searched for ("genomics"), or the course named ("CS-422"). */
  readonly topic: string;
  readonly lang: "en" | "fr";
  /** Only courses of this level, when the question says so ("for master students"). */
  readonly level?: Level;
  readonly steps: readonly PlanStep[];
}

const TYPE_WORDS: readonly [TargetType, RegExp][] = [
  ["mooc", /\bmoocs?\b|\bonline courses?\b|\bcours en ligne\b/i],
  ["lecture", /\blectures?\b|\bslides?\b|\ble[çc]ons?\b|\bs[ée]ances?\b|\bcours magistra(l|ux)\b/i],
  [
    "person",
    /\bwho\b|\bqui\b|\bpeople\b|\bprofessors?\b|\bteachers?\b|\bresearchers?\b|\bexperts?\b|\bpersonnes?\b|\bprofesseurs?\b|\benseignants?\b|\bchercheurs?\b/i,
  ],
  ["unit", /\blabs?\b|\blaborator(y|ies)\b|\bunits?\b|\bsections?\b|\blaboratoires?\b|\bunit[ée]s?\b/i],
  ["publication", /\bpublications?\b|\bpapers?\b|\barticles?\b/i],
  ["concept", /\bconcepts?\b|\btopics?\b|\bnotions?\b|\bsujets?\b/i],
  ["course", /\bcourses?\b|\bcours\b|\bclass(es)?\b|\bsubjects?\b/i],
];

const TEACHERS =
  /\bwho\b.*\b(teach(es|ing)?|gives?|lectures?|instructs?)\b|\bteachers? (of|for)\b|\binstructors? (of|for)\b|\bqui (enseigne|donne|anime)\b|\benseignants? (de|du|pour)\b/i;
const PREREQUISITES =
  /\bprerequisites?\b|\b(take|follow|do|know|study)\b.*\bbefore\b|\brequired (for|before)\b|\bpr[ée]requis\b|\bavant (de suivre|de prendre)?\b/i;
// What comes after these words is the topic: "courses that cover X", "lectures about X", "cours qui parlent de X".
const TOPIC_MARKERS =
  /\b(?:about|on|covering|covers?|cover|regarding|concerning|related to|dealing with|deal with|discuss(?:es|ing)?|teach(?:es|ing)?|explain(?:s|ing)?|mention(?:s|ing)?|parlent de|parle de|traitent de|traite de|portent sur|porte sur|sur|concernant|à propos de|au sujet de|abordent|aborde)\b\s*(?:the |la |le |les |l'|des |du |de |d')?/i;
const COURSE_CODE = /\b[A-Za-z]{2,8}-\d{3}[a-z]?(?:\([a-z]+\))?/;
const FOLLOW_UP_IT = /\b(it|this course|that course|this one|ce cours|celui-ci|le cours)\b/i;
const LEVEL =
  /\s*\b(?:for|in|pour|en)\s+(?:the\s+|les\s+|des\s+)?(?:(?:[ée]tudiants?|students?)\s+(?:de\s+|en\s+)?)?(master|bachelor|msc|bsc)(?:'?s)?(?:\s+(?:students?|level|[ée]tudiants?|niveau))?\b/i;
// "lectures of CS-433 about kernels", "séances du cours BIO-479 sur les vaccins".
const COURSE_LECTURES =
  /\b(?:lectures?|slides?|s[ée]ances?|le[çc]ons?)\s+(?:of|in|from|for|du|de|dans)\s+(?:the\s+|le\s+|la\s+)?(?:course\s+|cours\s+|mooc\s+)?(.+?)\s+(?:about|on|covering|sur|concernant|à propos de)\s+(.+)$/i;
const FRENCH_REQUEST = /\b(en fran[çc]ais|in french)\b/i;
// Questions are short: their question words tell French better than function-word counts.
const FRENCH_QUESTION =
  /(^|\s)(quels?|quelles?|qui|o[uù]|parlent|enseigne|pr[ée]requis|y a-t-il|existe-t-il|trouve|montre|cours)(\s|$)/i;

/** How many records a list answer cites at most. */
export const ANSWER_LIMIT = 20;

/** Plans the answer to the last user message of `messages`. */
export function planQuestion(messages: readonly ChatMessage[], lang?: "en" | "fr"): Plan {
  const users = messages.filter((m) => m.role === "user");
  const question = (users.at(-1)?.content ?? "").trim();
  const previous =
    users.length > 1 ? planQuestion(messages.slice(0, lastIndexOf(messages, "user")), lang) : undefined;
  const language =
    lang ??
    (FRENCH_REQUEST.test(question) || FRENCH_QUESTION.test(question) ? "fr" : guessLanguage(question));
  if (question === "") return { intent: "unclear", target: "course", topic: "", lang: language, steps: [] };
  const levelMatch = LEVEL.exec(question);
  const level: Level | undefined = levelMatch
    ? /^(master|msc)$/i.test(levelMatch[1] ?? "")
      ? "master"
      : "bachelor"
    : undefined;
  const courseLectures = COURSE_LECTURES.exec(question.replace(/[?？!.]+\s*$/, ""));
  if (courseLectures) {
    const course = (courseLectures[1] ?? "").trim();
    const about = (courseLectures[2] ?? "").trim();
    return {
      intent: "course-lectures",
      target: "lecture",
      topic: `${course} / ${about}`,
      lang: language,
      steps: [
        { op: "search", query: course, types: ["course", "mooc"], limit: 3 },
        { op: "neighbours", of: "found", type: "lecture", kinds: ["part_of"], limit: 100 },
        { op: "words", text: about },
      ],
    };
  }
  const intent: Intent = TEACHERS.test(question)
    ? "teachers"
    : PREREQUISITES.test(question)
      ? "prerequisites"
      : "about";
  const target =
    intent === "teachers"
      ? "person"
      : intent === "prerequisites"
        ? "course"
        : (typeOf(question) ?? previous?.target ?? "course");
  const asked = levelMatch ? question.replace(levelMatch[0], " ").replace(/\s+/g, " ").trim() : question;
  let topic = intent === "about" ? topicOf(asked) : courseOf(asked);
  // A follow-up ("who teaches it?", "and lectures?", "en français ?") keeps what the conversation was about.
  if (topic === "" || (intent !== "about" && FOLLOW_UP_IT.test(question) && !COURSE_CODE.test(question))) {
    const referenced = intent === "about" ? undefined : lastReference(messages);
    topic = referenced ?? previous?.topic ?? "";
  }
  if (topic === "") return { intent: "unclear", target, topic, lang: language, steps: [] };
  const steps = stepsFor(intent, target, topic, language);
  if (level && target === "course") steps.push({ op: "level", level });
  return { intent, target, topic, lang: language, ...(level ? { level } : {}), steps };
}

function stepsFor(intent: Intent, target: TargetType, topic: string, lang: "en" | "fr"): PlanStep[] {
  if (intent === "teachers") {
    return [
      { op: "search", query: topic, types: ["course", "mooc"], limit: 3 },
      {
        op: "neighbours",
        of: "found",
        type: "person",
        kinds: ["teacher", "instructor"],
        limit: ANSWER_LIMIT,
      },
    ];
  }
  if (intent === "prerequisites") {
    return [
      { op: "search", query: topic, types: ["course"], limit: 3 },
      { op: "neighbours", of: "found", type: "course", kinds: ["prerequisite"], limit: ANSWER_LIMIT },
    ];
  }
  return [
    { op: "search", query: topic, types: [target], limit: ANSWER_LIMIT },
    { op: "detect", text: topic, lang },
    { op: "neighbours", of: "detected", type: target, limit: 10 },
  ];
}

/** The record type a question asks for, by its words; undefined when it names none. */
export function typeOf(question: string): TargetType | undefined {
  let best: { type: TargetType; at: number } | undefined;
  for (const [type, pattern] of TYPE_WORDS) {
    const match = pattern.exec(question);
    if (match && (!best || match.index < best.at)) best = { type, at: match.index };
  }
  return best?.type;
}

/** The topic of a question: what follows its last topic marker, or the question without its frame. */
export function topicOf(question: string): string {
  const text = question.replace(/[?？!.]+\s*$/, "").trim();
  const marker = lastMatch(text, TOPIC_MARKERS);
  const after = marker === undefined ? stripFrame(text) : text.slice(marker);
  return after
    .replace(FRENCH_REQUEST, "")
    .replace(/^["'«“\s]+|["'»”\s]+$/g, "")
    .trim();
}

/** The course a question names: a code if there is one, else what follows the question's verb. */
function courseOf(question: string): string {
  const code = COURSE_CODE.exec(question);
  if (code) return code[0];
  const text = question.replace(/[?？!.]+\s*$/, "").trim();
  const verb =
    /\b(?:teach(?:es|ing)?|gives?|before|prerequisites? (?:of|for)|teachers? (?:of|for)|instructors? (?:of|for)|enseigne|donne|pr[ée]requis (?:de|du|pour)|avant)\b\s*(?:the |le |la |les |l'|du |de )?/i;
  const match = lastMatch(text, verb);
  return (match === undefined ? text : text.slice(match))
    .replace(FRENCH_REQUEST, "")
    .replace(/^["'«“\s]+|["'»”\s]+$/g, "")
    .trim();
}

function stripFrame(text: string): string {
  const frame =
    /^(?:(?:and|et)\s+)?(?:(?:which|what|find|show|list|give|are there|is there|any|quels?|quelles?|trouve|montre|liste|y a-t-il|existe-t-il)\b\s*)*(?:(?:me|us|moi|des|les|de|the|some)\s+)?/i;
  const withoutFrame = text.replace(frame, "");
  let rest = withoutFrame;
  for (const [, pattern] of TYPE_WORDS) rest = rest.replace(pattern, " ");
  return rest.replace(/\s+/g, " ").trim();
}

/** The end of the last match of `pattern` in `text`, or undefined. */
function lastMatch(text: string, pattern: RegExp): number | undefined {
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`,
  );
  let end: number | undefined;
  for (const match of text.matchAll(global)) {
    // A marker at the very end ("what is it about?") marks no topic.
    if (match.index + match[0].length < text.length) end = match.index + match[0].length;
  }
  return end;
}

/** The id of the first record page the last assistant message links to, for "it". */
function lastReference(messages: readonly ChatMessage[]): string | undefined {
  const answer = messages.filter((m) => m.role === "assistant").at(-1)?.content ?? "";
  const link = /\/(course|mooc)\/([^\s)\]]+)/.exec(answer);
  return link?.[2] ? decodeURIComponent(link[2]) : undefined;
}

function lastIndexOf(messages: readonly ChatMessage[], role: ChatMessage["role"]): number {
  for (let i = messages.length - 1; i >= 0; i -= 1) if (messages[i]?.role === role) return i;
  return -1;
}
