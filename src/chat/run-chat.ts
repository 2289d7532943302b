/**
 * The chat executor and answer writer: runs a plan's calls through the public API (any client of the HTTP
 * contract; in the server, an in-process one going through the same routes and validation) and answers with
 * references taken only from what the calls returned, grouped by type, with the calls shown.
 */
import { phraseKeys, STOPWORDS } from "../detect/text-normalise.js";
import {
  ANSWER_LIMIT,
  type ChatMessage,
  type Level,
  type Plan,
  type PlanStep,
  planQuestion,
  type TargetType,
} from "./plan.js";

/** A call of the public API as made, for showing. */
export interface ChatCall {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** A client of the public API: sends a call, returns the status and the JSON body. */
export type ApiClient = (call: ChatCall) => Promise<{ status: number; body: unknown }>;

/** A record the answer recommends, with the page to open. */
export interface Reference {
  readonly type: string;
  readonly id: string;
  readonly name: string;
  readonly url: string;
}

/** The chat's reply. */
export interface ChatReply {
  readonly answer: string;
  readonly references: readonly Reference[];
  readonly calls: readonly ChatCall[];
  readonly plan: Plan;
}

interface Node {
  readonly type: string;
  readonly id: string;
  readonly name: string;
}

interface Neighbour {
  readonly node: Node;
  readonly edge: { readonly kind: string; readonly evidence: Readonly<Record<string, unknown>> };
}

/** Answers the last question of `messages` by planning, calling the API and citing what it returned. */
export async function runChat(
  client: ApiClient,
  messages: readonly ChatMessage[],
  lang?: "en" | "fr",
): Promise<ChatReply> {
  const plan = planQuestion(messages, lang);
  const calls: ChatCall[] = [];
  const call = async (c: ChatCall) => {
    calls.push(c);
    const response = await client(c);
    return response.status === 200 ? response.body : undefined;
  };
  let found: Node | undefined;
  let detected: string[] = [];
  let cited: Node[] = [];
  for (const step of plan.steps) {
    if (step.op === "level" || step.op === "words") {
      // Filters keep some of what was cited so far; they never add a record.
      cited =
        step.op === "level"
          ? await keepLevel(unique(cited).slice(0, ANSWER_LIMIT), step.level, call)
          : keepWords(cited, step.text);
      continue;
    }
    const result = await runStep(step, call, found, detected);
    found ??= result.found;
    if (result.detected) detected = result.detected;
    cited.push(...result.cited);
  }
  const references = unique(cited).slice(0, ANSWER_LIMIT).map(toReference);
  return { answer: writeAnswer(plan, found, references), references, calls, plan };
}

/** The steps that call the API (the others filter what was cited). */
type CallStep = Extract<PlanStep, { op: "search" | "detect" | "neighbours" }>;

async function runStep(
  step: CallStep,
  call: (c: ChatCall) => Promise<unknown>,
  found: Node | undefined,
  detected: readonly string[],
): Promise<{ found?: Node; detected?: string[]; cited: Node[] }> {
  switch (step.op) {
    case "search": {
      const body = (await call({
        method: "GET",
        path: "/api/search",
        query: { q: step.query, types: step.types.join(","), limit: String(step.limit) },
      })) as { items?: (Node & { score: number })[] } | undefined;
      const items = strongHits(body?.items ?? []).map(({ type, id, name }) => ({ type, id, name }));
      // A list question cites the hits; a question about one course only uses the best hit to go on.
      const listing = step.types.length === 1 && step.limit > 3;
      return { ...(items[0] ? { found: items[0] } : {}), cited: listing ? items : [] };
    }
    case "detect": {
      const body = (await call({
        method: "POST",
        path: "/api/detect",
        body: { text: step.text, lang: step.lang },
      })) as { concepts?: { id: string; score: number }[] } | undefined;
      return { detected: (body?.concepts ?? []).slice(0, 2).map((c) => c.id), cited: [] };
    }
    case "neighbours": {
      const sources =
        step.of === "found"
          ? found
            ? [found]
            : []
          : detected.map((id) => ({ type: "concept", id, name: id }));
      const cited: Node[] = [];
      for (const source of sources) {
        const body = (await call({
          method: "GET",
          path: `/api/${source.type}/${encodeURIComponent(source.id)}/neighbours`,
          query: { type: step.type, limit: String(step.limit) },
        })) as { items?: Neighbour[] } | undefined;
        for (const item of body?.items ?? []) if (keep(step, item)) cited.push(item.node);
      }
      return { cited };
    }
  }
}

/**
 * The hits scoring at least a quarter of the first one's: the tail of a list answer is where a word matched by
 * chance lives ("T cells" found a thermodynamics course with a "T" of temperature and unit "cells", at a fifth of
 * the first score). Measured against the first hit, not the highest score: a record named as asked comes first
 * with a low score (names rank by tier), and then nothing is cut. Cutting against the highest score lost lecture
 * recall on the chat evaluation set (0.833 → 0.802); this cut loses none (0.946 overall).
 */
export function strongHits<T extends { readonly score: number }>(hits: readonly T[]): T[] {
  const first = hits[0]?.score ?? 0;
  return hits.filter((h) => h.score >= WEAK_HIT * first);
}

const WEAK_HIT = 0.25;

/** The courses whose record says they are taught at `level` (attrs `semesters`/`semester`: "Master semestre 1", "MA1"). */
async function keepLevel(
  nodes: readonly Node[],
  level: Level,
  call: (c: ChatCall) => Promise<unknown>,
): Promise<Node[]> {
  const pattern = level === "master" ? /\bmaster|^MA\d/i : /\bbachelor|^BA\d/i;
  const kept: Node[] = [];
  for (const node of nodes) {
    const body = (await call({ method: "GET", path: `/api/${node.type}/${encodeURIComponent(node.id)}` })) as
      | { record?: { attrs?: Record<string, unknown> } }
      | undefined;
    const attrs = body?.record?.attrs ?? {};
    const semesters = [attrs.semesters, attrs.semester]
      .flat()
      .filter((v): v is string => typeof v === "string");
    if (semesters.some((s) => pattern.test(s))) kept.push(node);
  }
  return kept;
}

/** The records whose names share a meaningful word with `text` (plurals, case and accents aside). */
function keepWords(nodes: readonly Node[], text: string): Node[] {
  const words = new Set(phraseKeys(text).filter((k) => k.length > 2 && !STOPWORDS.has(k)));
  return nodes.filter((n) => phraseKeys(n.name).some((k) => words.has(k)));
}

/** Which neighbours a step cites: facts of the asked kinds (a prerequisite the course requires), or any. */
function keep(step: Extract<PlanStep, { op: "neighbours" }>, item: Neighbour): boolean {
  if (!step.kinds) return item.edge.kind !== "via-concept";
  if (!step.kinds.includes(item.edge.kind)) return false;
  return item.edge.kind !== "prerequisite" || item.edge.evidence.direction === "out";
}

function unique(nodes: readonly Node[]): Node[] {
  const seen = new Set<string>();
  return nodes.filter((n) => {
    const key = `${n.type}\0${n.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toReference(node: Node): Reference {
  return {
    type: node.type,
    id: node.id,
    name: node.name,
    url: `/${node.type}/${encodeURIComponent(node.id)}`,
  };
}

const TYPE_NAMES: Readonly<Record<"en" | "fr", Readonly<Record<TargetType, string>>>> = {
  en: {
    course: "courses",
    lecture: "lectures",
    mooc: "MOOCs",
    person: "people",
    unit: "units",
    publication: "publications",
    concept: "concepts",
  },
  fr: {
    course: "cours",
    lecture: "séances",
    mooc: "MOOCs",
    person: "personnes",
    unit: "unités",
    publication: "publications",
    concept: "concepts",
  },
};

/** A short answer that recommends the references, grouped by type, or says plainly that nothing was found. */
function writeAnswer(plan: Plan, found: Node | undefined, references: readonly Reference[]): string {
  const fr = plan.lang === "fr";
  if (plan.intent === "unclear") {
    return fr
      ? "Je n'ai pas compris la question. Demandez par exemple « Quels cours parlent de génomique ? » ou « Qui enseigne CS-433 ? »."
      : 'I did not understand the question. Try for example "Which courses cover genomics?" or "Who teaches CS-433?".';
  }
  const what = TYPE_NAMES[plan.lang][plan.target];
  const subject =
    plan.intent === "about" ? `« ${plan.topic} »` : found ? `${found.id} ${found.name}` : `« ${plan.topic} »`;
  if (references.length === 0) {
    if (plan.intent !== "about" && !found) {
      return fr
        ? `Je n'ai trouvé aucun cours correspondant à « ${plan.topic} » dans le graphe.`
        : `I found no course matching "${plan.topic}" in the graph.`;
    }
    const asked =
      plan.intent === "teachers"
        ? fr
          ? "enseignant"
          : "teacher"
        : plan.intent === "prerequisites"
          ? fr
            ? "prérequis"
            : "prerequisite"
          : what;
    return fr
      ? `Je n'ai trouvé aucun ${asked} pour ${subject} dans le graphe. Les appels faits sont listés ci-dessous.`
      : `I found no ${asked} for ${subject} in the graph. The calls I made are listed below.`;
  }
  const level = plan.level ? (fr ? ` (niveau ${plan.level})` : ` (${plan.level} level)`) : "";
  const intro =
    plan.intent === "course-lectures"
      ? fr
        ? `Séances de ${found ? `${found.id} ${found.name}` : plan.topic} en lien avec votre question :`
        : `Lectures of ${found ? `${found.id} ${found.name}` : plan.topic} on your topic:`
      : plan.intent === "teachers"
        ? fr
          ? `${subject} est enseigné par :`
          : `${subject} is taught by:`
        : plan.intent === "prerequisites"
          ? fr
            ? `Avant ${subject}, le catalogue demande :`
            : `Before ${subject}, the course book asks for:`
          : fr
            ? `Voici des ${what}${level} en lien avec ${subject} :`
            : `Here are ${what}${level} related to "${plan.topic}":`;
  const groups = new Map<string, Reference[]>();
  for (const r of references) groups.set(r.type, [...(groups.get(r.type) ?? []), r]);
  const lines = [...groups].flatMap(([type, refs]) => [
    groups.size > 1 ? `${TYPE_NAMES[plan.lang][type as TargetType] ?? type}:` : "",
    ...refs.map((r) => `- [${r.type === "course" ? `${r.id} ` : ""}${r.name}](${r.url})`),
  ]);
  const note = fr
    ? "Ce sont des pistes à explorer, tirées du graphe : vérifiez auprès des sources officielles."
    : "These are references to explore, taken from the graph: check official sources.";
  return [intro, ...lines.filter((l) => l !== ""), "", note].join("\n");
}
