/** What concept detection answers: a detected concept, where it is mentioned and why, and the options. */
import type { TextLanguage } from "../text/language.js";
import type { Relation } from "./coherence.js";

/** Where a concept is mentioned: offsets into the text, end exclusive. */
export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Why a concept was detected. */
export interface Explanation {
  /** P(concept | surface) of its best mention. */
  readonly prior: number;
  /** How rare its best surface form is, in [0, 1]. */
  readonly specificity: number;
  /** Agreement with the text's other concepts, in [0, 1]. */
  readonly coherence: number;
  /** Other detected concepts that support it, and how they are related. */
  readonly supports: readonly { readonly id: string; readonly relation: Relation }[];
}

/** A detected concept. */
export interface DetectedConcept {
  readonly id: string;
  readonly name: string;
  readonly score: number;
  readonly mentions: readonly Mention[];
  readonly explanation: Explanation;
}

/** Options of `detectConcepts`. */
export interface DetectOptions {
  /** Keep concepts scoring at least this; default `DEFAULT_THRESHOLD`, range [0, 1]. */
  readonly threshold?: number;
  /** Return at most this many concepts, best first; default 50. */
  readonly limit?: number;
  /** The first `titleLength` characters of the text are its title: mentions there weigh more. Default 0. */
  readonly titleLength?: number;
  /** Report at most this many mentions per concept; default 20. */
  readonly maxMentions?: number;
  /** The text's language; default: guessed from its function words. French texts also match English cognates. */
  readonly lang?: TextLanguage;
}
