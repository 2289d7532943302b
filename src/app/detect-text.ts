/**
 * The detection use case: validated input (text, language) in, the public result shape out — the object that
 * `campus-graph detect --jsonl` writes per line and `POST /api/detect` returns.
 */
import { CampusGraphError } from "../core/errors.js";
import { detectConcepts } from "../detect/concept-detector.js";
import type { ConceptDictionary } from "../detect/concept-dictionary.js";
import type { DetectOptions } from "../detect/detected-concept.js";
import type { StoreReader } from "../store/store.js";
import type { TextLanguage } from "../text/language.js";
import { cachedConceptDictionary } from "./load-concept-dictionary.js";

/** The languages detection accepts. */
export const DETECT_LANGUAGES: readonly TextLanguage[] = ["en", "fr"];

/** One detected concept as the public interfaces give it. */
export interface DetectedConceptOutput {
  readonly id: string;
  readonly name: string;
  readonly score: number;
  readonly mentions: readonly { readonly start: number; readonly end: number; readonly text: string }[];
}

/** The result for one text. */
export interface DetectionOutput {
  readonly concepts: readonly DetectedConceptOutput[];
}

/** Checks a language code: undefined (guess), "en" or "fr"; anything else is INVALID_ARGUMENT. */
export function parseLanguage(lang: unknown): TextLanguage | undefined {
  if (lang === undefined || lang === null || lang === "") return undefined;
  if (typeof lang === "string" && (DETECT_LANGUAGES as readonly string[]).includes(lang))
    return lang as TextLanguage;
  throw new CampusGraphError("INVALID_ARGUMENT", {
    problem: `unsupported language ${JSON.stringify(lang)} (supported: ${DETECT_LANGUAGES.join(", ")}, or none to guess)`,
  });
}

/** Detects the concepts of `text` and shapes them for output, scores rounded to 4 decimals. */
export function detectText(
  dictionary: ConceptDictionary,
  text: string,
  options: DetectOptions = {},
): DetectionOutput {
  const concepts = detectConcepts(dictionary, text, options).map((c) => ({
    id: c.id,
    name: c.name,
    score: Math.round(c.score * 10_000) / 10_000,
    mentions: c.mentions,
  }));
  return { concepts };
}

/** Concept detection as a server offers it: the dictionary is wherever the implementation keeps it. */
export interface TextDetection {
  /** Detects the concepts of `text` (see `detectText`). */
  detect(text: string, options?: DetectOptions): Promise<DetectionOutput>;
  /** True when a detection would not wait for the dictionary to load; absent when it is loaded on demand. */
  isReady?(): boolean;
}

/**
 * Detection on the calling thread, the dictionary built on first use (see `cachedConceptDictionary`): for
 * commands and tests. Building takes seconds on a large corpus: a server uses `workerDetection` instead.
 */
export function inProcessDetection(store: StoreReader): TextDetection {
  const dictionary = cachedConceptDictionary(store);
  return { detect: async (text, options) => detectText(await dictionary(), text, options) };
}
