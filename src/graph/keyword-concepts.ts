/**
 * Author keywords as concepts: a keyword that is, as a whole, a name or alias of a concept ("T cells",
 * "IL-6") is a manual tag for that concept. Ambiguous keywords take the candidate the text also mentions (in any
 * case: the text's detection read it), else the one with the highest prior among those the keyword's case allows.
 */
import type { ConceptDictionary } from "../detect/concept-dictionary.js";
import { surfaceAt } from "../detect/surface-table.js";
import { TRIE_ROOT, trieChild, trieSurface } from "../detect/surface-trie.js";
import { tokenise } from "../text/tokenise.js";

/** The concept a keyword names as a whole, or undefined. `detected` are concepts found in the record's text. */
export function keywordConcept(
  dictionary: ConceptDictionary,
  keyword: string,
  detected: ReadonlySet<number>,
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
  const lower = tokens.some((t) => !t.upper && /\D/.test(t.key));
  const candidates = surface.candidates.filter((c) => !(c.caseSensitive && lower));
  // The text's detection read case: a keyword given in lower case ("eels") names the acronym the text writes in
  // capitals ("EELS", electron energy loss spectroscopy), not the fish.
  const inText = surface.candidates.filter((c) => detected.has(c.concept));
  const pool = inText.length > 0 ? inText : candidates;
  let best: (typeof pool)[number] | undefined;
  for (const c of pool) if (!best || c.prior > best.prior) best = c;
  return best?.concept;
}
