/**
 * Plans a message that may ask several questions ("Who teaches Embedded systems and what do I need before it?"):
 * each question is planned in turn as a follow-up of the one before (its "it" is the record the one before is
 * about), and the plans are merged into one, whose steps run once and whose answer takes each question in turn.
 */
import { cleanQuestion } from "./clean-question.js";
import type { ChatMessage, Plan, PlanPart, PlanStep } from "./plan.js";
import { planQuestion } from "./plan-question.js";
import { readQuestion } from "./read-question.js";
import type { CallApi } from "./resolve-subject.js";
import { splitQuestions } from "./split-questions.js";

/** Plans the answer to the last user message of `messages`: one plan, or one per question it asks, merged. */
export async function planMessage(
  call: CallApi,
  messages: readonly ChatMessage[],
  lang?: "en" | "fr",
): Promise<Plan> {
  const at = messages.findLastIndex((m) => m.role === "user");
  const content = messages[at]?.content ?? "";
  const cleaned = cleanQuestion(content);
  // A long message or one with instructions set aside is read as one question (see clean-question.ts).
  const questions = cleaned.longInput || cleaned.ignored.length > 0 ? [] : splitQuestions(cleaned.text);
  if (questions.length < 2) return planQuestion(call, messages, lang);
  const language = lang ?? readQuestion(cleaned.text).lang;
  let turns = messages.slice(0, at);
  const plans: Plan[] = [];
  for (const [i, question] of questions.entries()) {
    if (i > 0 && !asksOwn(question, language)) continue;
    const plan = await planQuestion(call, [...turns, { role: "user", content: question }], language);
    turns = [...turns, { role: "user", content: question }, { role: "assistant", content: linkTo(plan) }];
    plans.push(plan);
  }
  const answered = plans.filter((p) => p.steps.length > 0);
  const distinct = answered.filter(
    (p, i) => answered.findIndex((q) => JSON.stringify(q.steps) === JSON.stringify(p.steps)) === i,
  );
  if (distinct.length === 0) return planQuestion(call, messages, lang);
  return distinct.length === 1 ? (distinct[0] as Plan) : mergePlans(distinct);
}

/**
 * True when a later question of the message asks something of its own: a subject, a course code, a type of record
 * or a relation ("what do I need before it?"); "what are my options?" only repeats the question before.
 */
function asksOwn(question: string, lang: "en" | "fr"): boolean {
  const reading = readQuestion(question, lang);
  if (reading.offTopic) return false;
  if (reading.subjects.length > 0 || reading.codes.length > 0 || reading.types.length > 0) return true;
  return [...reading.cues].some((c) => c !== "what" && c !== "about");
}

/** The previous answer as the next question sees it: a link to the record the plan is about, if any. */
function linkTo(plan: Plan): string {
  const { anchor } = plan;
  return anchor ? `[${anchor.name}](/${anchor.type}/${encodeURIComponent(anchor.id)})` : "";
}

/** One plan of several: their steps in one list (each plan's references renumbered), each plan kept as a part. */
export function mergePlans(plans: readonly Plan[]): Plan {
  const steps: PlanStep[] = [];
  const questions: PlanPart[] = [];
  for (const { steps: own, questions: _, ...part } of plans) {
    const offset = steps.length;
    steps.push(...own.map((step) => shiftStep(step, offset)));
    questions.push({ ...part, cite: part.cite.map((i) => i + offset) });
  }
  const first = questions[0] as PlanPart;
  return { ...first, steps, cite: questions.flatMap((q) => q.cite), questions };
}

function shiftStep(step: PlanStep, offset: number): PlanStep {
  if ("from" in step) return { ...step, from: step.from + offset };
  if ("of" in step) return { ...step, of: step.of.map((i) => i + offset) };
  return step;
}
