/**
 * Scores of one chat answer against an evaluation item: reference recall, share of fitting references, whether
 * an out-of-scope question got no references, and whether the plan holds the expected steps.
 */

/** What an evaluation item expects of the answer. */
export interface ChatExpectation {
  readonly types: readonly string[];
  readonly ids: readonly { readonly type: string; readonly id: string }[];
  /** True when the right answer cites nothing (out of scope, small talk, subjective). */
  readonly none?: boolean;
  /** Plan operations the answer's plan must contain (e.g. "intersection"). */
  readonly steps?: readonly string[];
}

/** The scores of one answer; `undefined` where the item does not measure it. */
export interface ChatItemScores {
  /** Share of expected ids cited; with no expected ids, 1 when some reference has an expected type. */
  readonly recall?: number;
  /** Share of references that are expected or of an expected type; 0 with no references. */
  readonly fitting?: number;
  /** For `none` items: 1 when nothing was cited. */
  readonly none?: number;
  /** For items with `steps`: 1 when every expected operation is in the plan. */
  readonly steps?: number;
}

/** Scores the references and plan operations of an answer against `expect`. */
export function scoreChatAnswer(
  expect: ChatExpectation,
  references: readonly { readonly type: string; readonly id: string }[],
  planOps: readonly string[],
): ChatItemScores {
  const steps = expect.steps ? (expect.steps.every((op) => planOps.includes(op)) ? 1 : 0) : undefined;
  if (expect.none) return { none: references.length === 0 ? 1 : 0 };
  const key = (r: { type: string; id: string }) => `${r.type}\0${r.id}`;
  const expected = new Set(expect.ids.map(key));
  const hit = new Set(references.map(key).filter((k) => expected.has(k))).size;
  const typed = references.filter((r) => expected.has(key(r)) || expect.types.includes(r.type)).length;
  const recall = expected.size === 0 ? (typed > 0 ? 1 : 0) : hit / expected.size;
  return {
    recall,
    fitting: references.length === 0 ? 0 : typed / references.length,
    ...(steps === undefined ? {} : { steps }),
  };
}
