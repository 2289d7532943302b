/**
 * How a concept page's "Related concepts" list reads, measured on the keyword-free graph of
 * `npm run eval:neighbours`: against the concepts that authors tagged together with it (two concepts whose names
 * are both keywords of one course, MOOC or publication: held out, since the graph never saw a keyword), and by
 * two descriptive shares that need no gold: how many of the first ten lie in the concept's own depth-2 branch of
 * the category tree, and how many are generic (found in more than 1 % of the records with concepts).
 */

import { ndcg } from "./ranking-metrics.js";
import type { StoredConceptGraph } from "./stored-concept-graph.js";

/** For each concept, the concepts tagged with it on one record or more, from the eval's gold (type → concept → records). */
export function coTaggedConcepts(
  gold: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>,
): Map<string, Set<string>> {
  const tags = new Map<string, Set<string>>();
  for (const [type, byConcept] of Object.entries(gold)) {
    for (const [concept, ids] of Object.entries(byConcept)) {
      for (const id of ids) {
        const key = `${type}\0${id}`;
        const set = tags.get(key) ?? new Set();
        set.add(concept);
        tags.set(key, set);
      }
    }
  }
  const partners = new Map<string, Set<string>>();
  for (const concepts of tags.values()) {
    for (const a of concepts) {
      for (const b of concepts) {
        if (a === b) continue;
        const set = partners.get(a) ?? new Set();
        set.add(b);
        partners.set(a, set);
      }
    }
  }
  return partners;
}

/** The scores of one set of concepts' related lists: nDCG@10 against co-tags, and the two shares. */
export interface RelatedScores {
  readonly concepts: number;
  readonly ndcg: number;
  readonly sameBranch: number;
  readonly generic: number;
}

/** Scores the related lists (ids, best first) of `concepts` with `partners` as gold. */
export function scoreRelated(
  concepts: readonly string[],
  related: (concept: string) => readonly string[],
  partners: ReadonlyMap<string, ReadonlySet<string>>,
  stored: StoredConceptGraph,
): RelatedScores {
  const df = new Int32Array(stored.graph.size);
  for (const edges of stored.graph.profiles.values())
    for (const e of edges) df[e.concept] = (df[e.concept] ?? 0) + 1;
  const genericAbove = 0.01 * stored.graph.profiles.size;
  const branch = stored.graph.tree[Math.min(1, stored.graph.tree.length - 1)];
  let n = 0;
  let sameBranch = 0;
  let generic = 0;
  for (const concept of concepts) {
    const x = stored.conceptIndex.get(concept);
    const list = related(concept)
      .slice(0, 10)
      .flatMap((id) => stored.conceptIndex.get(id) ?? []);
    if (x === undefined || list.length === 0) continue;
    const own = branch?.[x] ?? -1;
    sameBranch += list.filter((c) => own >= 0 && branch?.[c] === own).length / list.length;
    generic += list.filter((c) => (df[c] ?? 0) > genericAbove).length / list.length;
    n += ndcg(related(concept), new Map([...(partners.get(concept) ?? [])].map((id) => [id, 1])), 10);
  }
  const k = Math.max(concepts.length, 1);
  return { concepts: concepts.length, ndcg: n / k, sameBranch: sameBranch / k, generic: generic / k };
}
