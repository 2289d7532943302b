/**
 * Author keywords as concepts: a keyword that is, as a whole, a name or alias of a concept ("T cells",
 * "IL-6") is a manual tag for that concept. Ambiguous keywords take the candidate the text also mentions (in any
 * case: the text's detection read it), else the one with the highest prior among those the keyword's case allows.
 */
import type { ConceptDictionary } from "../detect/concept-dictionary.js";
import { surfaceAt, surfaceText } from "../detect/surface-table.js";
import { TRIE_ROOT, trieChild, trieSurface } from "../detect/surface-trie.js";
import { tokenise } from "../text/tokenise.js";

/**
 * The concept a keyword names as a whole, or undefined. `detected` are concepts found in the record's text; `text`,
 * the record's text, tells a keyword in lower case that the text writes only in capitals ("eels", "EELS"): an acronym,
 * which then names the concept the capitals name (electron energy loss spectroscopy), and no concept whose name it
 * only inflects (the fish).
 */
export function keywordConcept(
  dictionary: ConceptDictionary,
  keyword: string,
  detected: ReadonlySet<number>,
  text = "",
): number | undefined {
  const tokens = tokenise(keyword);
  if (tokens.length === 0) return undefined;
  let node = TRIE_ROOT;
  for (const token of tokens) {
    node = trieChild(dictionary.trie, node, token.key);
    if (node < 0) return undefined;
  }
  const number = trieSurface(dictionary.trie, node);
  if (number < 0) return undefined;
  const surface = surfaceAt(dictionary.surfaces, number);
  const acronym = writtenInCapitals(keyword, text);
  const lower = !acronym && tokens.some((t) => !t.upper && /\D/.test(t.key));
  const cased = surface.candidates.filter((c) => c.caseSensitive);
  // An acronym no concept takes as one names a word only as written ("laser", "LASER"), not inflected ("eels").
  if (acronym && cased.length === 0 && surfaceText(dictionary.surfaces, number).toLowerCase() !== keyword)
    return undefined;
  const candidates =
    acronym && cased.length > 0 ? cased : surface.candidates.filter((c) => !(c.caseSensitive && lower));
  // The text's detection read case: a keyword given in lower case names a concept the text writes in capitals (an
  // acronym the detector found); an acronym names only what the capitals name.
  const inText = (acronym && cased.length > 0 ? cased : surface.candidates).filter((c) =>
    detected.has(c.concept),
  );
  const pool = inText.length > 0 ? inText : candidates;
  let best: (typeof pool)[number] | undefined;
  for (const c of pool) if (!best || c.prior > best.prior) best = c;
  return best?.concept;
}

/** True when `text` writes `keyword` (a single word) only in capitals, at least once. */
function writtenInCapitals(keyword: string, text: string): boolean {
  if (!/^[\p{Ll}\d-]+$/u.test(keyword) || keyword.length < 2) return false;
  const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const written = [...text.matchAll(new RegExp(`(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])`, "giu"))].map(
    (m) => m[0],
  );
  return written.length > 0 && written.every((w) => w === w.toUpperCase() && w !== w.toLowerCase());
}
