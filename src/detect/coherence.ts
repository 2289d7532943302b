/**
 * Coherence of a candidate concept with the other concepts of a text: how much of the text's concept mass sits
 * in the same cluster, category or parent category, or links to it. Linear in the candidates, no pairwise loop
 * over the whole text: the masses are summed per cluster and category once per call site.
 */
import type { ConceptDictionary } from "./concept-dictionary.js";

/** How present each concept is in a text, in [0, 1] per concept. */
export type ConceptMass = ReadonlyMap<number, number>;

/** How two concepts are related in the ontology, strongest first. */
export type Relation = "link" | "cluster" | "category" | "parent-category";

/** Weight of each relation in the coherence sum. */
export const RELATION_WEIGHT: Readonly<Record<Relation, number>> = {
  link: 1,
  cluster: 1,
  category: 0.5,
  "parent-category": 0.2,
};

interface Totals {
  readonly cluster: Map<number, number>;
  readonly category: Map<number, number>;
  readonly parent: Map<number, number>;
}

const totalsCache = new WeakMap<ConceptMass, Totals>();

/**
 * Coherence of `concept` with the rest of `mass`, in [0, 1):
 * tanh(½ · Σ over relations r of weight(r) · (mass related to the concept by r, the concept itself excluded)).
 */
export function coherence(dictionary: ConceptDictionary, concept: number, mass: ConceptMass): number {
  return coherenceOf(relatedMass(dictionary, concept, mass));
}

/** Coherence from an already computed related mass: tanh(mass / 2). */
export function coherenceOf(related: number): number {
  return Math.tanh(related / 2);
}

/** The weighted mass of the other concepts related to `concept`: the sum inside `coherence`. */
export function relatedMass(dictionary: ConceptDictionary, concept: number, mass: ConceptMass): number {
  const totals = totalsOf(dictionary, mass);
  const self = mass.get(concept) ?? 0;
  const share = (table: Map<number, number>, key: number | undefined) =>
    key === undefined || key < 0 ? 0 : Math.max(0, (table.get(key) ?? 0) - self);
  let sum =
    RELATION_WEIGHT.cluster * share(totals.cluster, dictionary.cluster[concept]) +
    RELATION_WEIGHT.category * share(totals.category, dictionary.category[concept]) +
    RELATION_WEIGHT["parent-category"] * share(totals.parent, dictionary.parentCategory[concept]);
  for (const other of dictionary.links[concept] ?? []) sum += RELATION_WEIGHT.link * (mass.get(other) ?? 0);
  return sum;
}

/** The strongest relation between two concepts, or undefined. */
export function relationBetween(dictionary: ConceptDictionary, a: number, b: number): Relation | undefined {
  if (a < 0 || b < 0) return undefined;
  if (binaryHas(dictionary.links[a], b)) return "link";
  const same = (table: Int32Array) => (table[a] ?? -1) >= 0 && table[a] === table[b];
  if (same(dictionary.cluster)) return "cluster";
  if (same(dictionary.category)) return "category";
  if (same(dictionary.parentCategory)) return "parent-category";
  return undefined;
}

function totalsOf(dictionary: ConceptDictionary, mass: ConceptMass): Totals {
  let totals = totalsCache.get(mass);
  if (totals) return totals;
  totals = { cluster: new Map(), category: new Map(), parent: new Map() };
  const add = (table: Map<number, number>, key: number | undefined, value: number) => {
    if (key !== undefined && key >= 0) table.set(key, (table.get(key) ?? 0) + value);
  };
  for (const [concept, value] of mass) {
    add(totals.cluster, dictionary.cluster[concept], value);
    add(totals.category, dictionary.category[concept], value);
    add(totals.parent, dictionary.parentCategory[concept], value);
  }
  totalsCache.set(mass, totals);
  return totals;
}

function binaryHas(sorted: Int32Array | undefined, value: number): boolean {
  if (!sorted) return false;
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] ?? 0;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
