/**
 * Whether a university named in a question ("MIT", "Harvard", "ETH", "the University of Maryland") is the one a
 * record's attribute names ("Massachusetts Institute of Technology", "Harvard University", "ETH Zürich"): pure
 * functions over names, shared by the planner (is this a university?) and the executor (is this record from it?).
 */
import { STOPWORDS } from "../text/stopwords.js";
import { fold } from "./lexicon.js";

/** The record attributes that name where a record comes from: its university, a person's, a lecture's venue. */
export const INSTITUTION_ATTRS = ["institution", "affiliations", "venue"] as const;

/** The institution names a record's attributes hold (strings, or arrays of them). */
export function institutionsOf(attrs: Readonly<Record<string, unknown>> | undefined): string[] {
  return INSTITUTION_ATTRS.flatMap((key) => [attrs?.[key]].flat()).filter(
    (v): v is string => typeof v === "string",
  );
}

/**
 * True when `place` as typed names the institution `value`: its meaningful words are all among the value's
 * ("Stanford" → "Stanford University"), or its letters are the value's initials ("MIT", "EPFL" → "École
 * polytechnique fédérale de Lausanne"); case, accents and small words aside. With `strict`, the place must also say
 * at least a third of the value's meaningful words ("Delft" for "Delft University of Technology"): "Lausanne" is a
 * word of "École polytechnique fédérale de Lausanne" but does not name it.
 */
export function namesInstitution(place: string, value: string, strict = false): boolean {
  const asked = contentWords(place);
  const named = contentWords(value);
  if (asked.length === 0 || named.length === 0) return false;
  const letters = asked.join("");
  const initials = (ws: readonly string[]) => ws.map((w) => w[0]).join("");
  if (asked.length === 1 && letters.length >= 2 && letters === initials(named)) return true;
  if (letters === named.join("")) return true;
  if (!asked.every((w) => named.includes(w))) return false;
  return !strict || asked.length * 3 >= named.length;
}

function contentWords(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "" && !STOPWORDS.has(w));
}
