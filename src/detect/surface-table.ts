/**
 * The dictionary's surface forms and their candidate concepts in columns of typed arrays on shared memory, which
 * worker threads read without a copy (`core/shared-arrays.ts`); `surfaceAt` gives one form as a small object,
 * made when a text meets it.
 */
import { sharedFloat64, sharedInt32, sharedUint8, sharedUint16 } from "../core/shared-arrays.js";

/**
 * How a surface form names a concept, from strongest to weakest evidence; a _derived_ form is the initials of a
 * long name ("RNN" for "Recurrent neural network").
 */
export type SurfaceKind = "name" | "alias" | "anchor" | "base" | "derived";

/** Every kind, in the order of their numbers in `SurfaceTable.kind`. */
const KINDS: readonly SurfaceKind[] = ["name", "alias", "anchor", "base", "derived"];

/** One concept a surface form may mean. */
export interface Candidate {
  readonly concept: number;
  /** P(concept | surface), from the kind of name and anchor counts; sums to 1 over a surface's candidates. */
  readonly prior: number;
  readonly kind: SurfaceKind;
  /** Acronyms ("ACID", "IL-6") match only text written without lower-case letters. */
  readonly caseSensitive: boolean;
}

/** A surface form: its number, its length in tokens, its candidates and its specificity in [0, 1]. */
export interface Surface {
  readonly surface: number;
  readonly tokens: number;
  readonly candidates: readonly Candidate[];
  readonly specificity: number;
}

/** A surface form as the dictionary builds it, with the phrase as first seen. */
export interface SurfaceSource extends Omit<Surface, "surface"> {
  readonly text: string;
}

/** The surface forms, numbered 0…n-1: form s has the candidates from `candidateStart[s]` to `candidateStart[s + 1]`. */
export interface SurfaceTable {
  readonly tokens: Uint8Array;
  readonly specificity: Float64Array;
  readonly candidateStart: Int32Array;
  readonly concept: Int32Array;
  readonly prior: Float64Array;
  /** The kind's position in the list of kinds: name, alias, anchor, base, derived. */
  readonly kind: Uint8Array;
  readonly caseSensitive: Uint8Array;
  /** Form s's text is `chars` from `textStart[s]` to `textStart[s + 1]` (UTF-16 code units). */
  readonly textStart: Int32Array;
  readonly chars: Uint16Array;
}

/** The table of `surfaces`, in their order. */
export function buildSurfaceTable(surfaces: readonly SurfaceSource[]): SurfaceTable {
  const candidates = surfaces.reduce((sum, s) => sum + s.candidates.length, 0);
  const table: SurfaceTable = {
    tokens: sharedUint8(surfaces.length),
    specificity: sharedFloat64(surfaces.length),
    candidateStart: sharedInt32(surfaces.length + 1),
    concept: sharedInt32(candidates),
    prior: sharedFloat64(candidates),
    kind: sharedUint8(candidates),
    caseSensitive: sharedUint8(candidates),
    textStart: sharedInt32(surfaces.length + 1),
    chars: sharedUint16(surfaces.reduce((sum, s) => sum + s.text.length, 0)),
  };
  let c = 0;
  let at = 0;
  surfaces.forEach((surface, s) => {
    table.tokens[s] = surface.tokens;
    table.specificity[s] = surface.specificity;
    table.candidateStart[s] = c;
    for (const candidate of surface.candidates) {
      table.concept[c] = candidate.concept;
      table.prior[c] = candidate.prior;
      table.kind[c] = KINDS.indexOf(candidate.kind);
      table.caseSensitive[c] = candidate.caseSensitive ? 1 : 0;
      c += 1;
    }
    table.textStart[s] = at;
    for (let i = 0; i < surface.text.length; i += 1) table.chars[at + i] = surface.text.charCodeAt(i);
    at += surface.text.length;
  });
  table.candidateStart[surfaces.length] = c;
  table.textStart[surfaces.length] = at;
  return table;
}

/** True when candidate row `c` of the table is a derived form (initials), the weakest kind of name. */
export function isDerivedAt(table: SurfaceTable, c: number): boolean {
  return table.kind[c] === KINDS.indexOf("derived");
}

/** The number of surface forms. */
export function surfaceCount(table: SurfaceTable): number {
  return table.tokens.length;
}

/** Surface form `s` with its candidates, as a new object. */
export function surfaceAt(table: SurfaceTable, s: number): Surface {
  const start = table.candidateStart[s] ?? 0;
  const end = table.candidateStart[s + 1] ?? start;
  const candidates: Candidate[] = [];
  for (let c = start; c < end; c += 1) {
    // A prior of 0 is a sense the corpus rules out (`concept-usage.ts`): the form never means it here.
    if (table.prior[c] === 0) continue;
    candidates.push({
      concept: table.concept[c] ?? -1,
      prior: table.prior[c] ?? 0,
      kind: KINDS[table.kind[c] ?? 0] ?? "name",
      caseSensitive: table.caseSensitive[c] === 1,
    });
  }
  return { surface: s, tokens: table.tokens[s] ?? 0, candidates, specificity: table.specificity[s] ?? 0 };
}

/** The text of surface form `s`, as first seen. */
export function surfaceText(table: SurfaceTable, s: number): string {
  return String.fromCharCode(...table.chars.subarray(table.textStart[s] ?? 0, table.textStart[s + 1] ?? 0));
}

/** The text of every surface form, in their order. */
export function surfaceTexts(table: SurfaceTable): string[] {
  return Array.from({ length: surfaceCount(table) }, (_, s) => surfaceText(table, s));
}
