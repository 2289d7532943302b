/**
 * Checks a plan that comes from outside (a language model's reply) against the plan language: known operations
 * and types, references only to earlier steps, bounded limits and length. A plan that fails is refused whole.
 */
import { z } from "zod";
import { type Plan, type PlanStep, TARGET_TYPES } from "./plan.js";

/** The most steps an outside plan may have. */
export const MAX_PLAN_STEPS = 24;

const type = z.enum(TARGET_TYPES as [string, ...string[]]);
const limit = z.number().int().min(1).max(100);
const index = z.number().int().min(0);
const text = z.string().min(1).max(300);
const STEP = z.discriminatedUnion("op", [
  z.object({ op: z.literal("search"), query: text, types: z.array(type).min(1).max(7), limit }),
  z.object({ op: z.literal("record"), type, id: z.string().min(1).max(512) }),
  z.object({
    op: z.literal("detect"),
    text,
    lang: z.enum(["en", "fr"]),
    limit: z.number().int().min(1).max(10),
    whole: z.boolean().optional(),
  }),
  z.object({
    op: z.literal("neighbours"),
    from: index,
    type,
    kinds: z.array(z.string().max(40)).max(8).optional(),
    related: z.boolean().optional(),
    facts: z.boolean().optional(),
    limit: z.number().int().min(1).max(300),
    top: z.number().int().min(1).max(20).optional(),
    order: z.literal("year").optional(),
  }),
  z.object({
    op: z.literal("path"),
    from: index,
    depth: z.number().int().min(1).max(6),
    limit: z.number().int().min(1).max(100),
  }),
  z.object({
    op: z.literal("filter"),
    from: index,
    words: text.optional(),
    level: z.enum(["master", "bachelor"]).optional(),
    stage: z.enum(["introductory", "intermediate", "advanced"]).optional(),
    season: z.enum(["autumn", "spring"]).optional(),
    language: z
      .string()
      .regex(/^[a-z]{2}$/)
      .optional(),
    institution: z
      .object({ name: text, unit: text.optional(), aka: z.array(text).max(4).optional() })
      .optional(),
    label: text.optional(),
    paperKinds: z.array(text).min(1).max(8).optional(),
  }),
  z.object({ op: z.literal("sort"), from: index, by: z.literal("year") }),
  z.object({ op: z.literal("limit"), from: index, count: limit }),
  z.object({ op: z.literal("intersection"), of: z.array(index).min(2).max(4) }),
  z.object({ op: z.literal("compare"), of: z.array(index).min(2).max(5), limit }),
  z.object({ op: z.literal("union"), of: z.array(index).min(2).max(4), alternate: z.boolean().optional() }),
]);
const PLAN = z.object({
  intent: z.enum([
    "list",
    "explain",
    "about",
    "research",
    "related",
    "prerequisites",
    "compare",
    "off-topic",
    "unclear",
  ]),
  target: type.optional(),
  subjects: z.array(text).max(4).default([]),
  steps: z.array(STEP).max(MAX_PLAN_STEPS),
  cite: z.array(index).max(8),
});

/** The plan `value` describes, in `lang`, or undefined when it is not a valid plan. */
export function parsePlan(value: unknown, lang: "en" | "fr"): Plan | undefined {
  const parsed = PLAN.safeParse(value);
  if (!parsed.success) return undefined;
  const { steps, cite } = parsed.data;
  const earlier = (step: PlanStep, at: number) => inputsOf(step).every((i) => i < at);
  if (!steps.every((s, at) => earlier(s as PlanStep, at))) return undefined;
  if (!cite.every((i) => i < steps.length)) return undefined;
  return { ...parsed.data, lang, steps: steps as PlanStep[] } as Plan;
}

function inputsOf(step: PlanStep): readonly number[] {
  if ("from" in step) return [step.from];
  if ("of" in step) return step.of;
  return [];
}
