/**
 * Coherence of a candidate concept with the other concepts of a text: how much of the text's concept mass sits
 * in the same cluster, category or parent category, or links to it. Linear in the candidates, no pairwise loop
 * over the whole text: the masses are summed per cluster and category once per call site.
 */
import { sortedHas } from "../core/sorted-ints.js";
import type { ConceptDictionary } from "./concept-dictionary.js";
import { linksOf } from "./link-lists.js";

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
  let sum =
    RELATION_WEIGHT.cluster * othersIn(totals.cluster, dictionary.cluster[concept], self) +
    RELATION_WEIGHT.category * othersIn(totals.category, dictionary.category[concept], self) +
    RELATION_WEIGHT["parent-category"] * othersIn(totals.parent, dictionary.parentCategory[concept], self);
  const { start, targets } = dictionary.links;
  for (let i = start[concept] ?? 0; i < (start[concept + 1] ?? 0); i += 1)
    sum += RELATION_WEIGHT.link * (mass.get(targets[i] ?? -1) ?? 0);
  return sum;
}

/** The mass of a group (cluster or category) without the concept's own: 0 for an unknown group. */
function othersIn(totals: ReadonlyMap<number, number>, group: number | undefined, self: number): number {
  return group === undefined || group < 0 ? 0 : Math.max(0, (totals.get(group) ?? 0) - self);
}

/** The strongest relation between two concepts, or undefined. */
export function relationBetween(dictionary: ConceptDictionary, a: number, b: number): Relation | undefined {
  if (a < 0 || b < 0) return undefined;
  if (sortedHas(linksOf(dictionary.links, a), b)) return "link";
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
  for (const [concept, value] of mass) {
    addTo(totals.cluster, dictionary.cluster[concept], value);
    addTo(totals.category, dictionary.category[concept], value);
    addTo(totals.parent, dictionary.parentCategory[concept], value);
  }
  totalsCache.set(mass, totals);
  return totals;
}

function addTo(table: Map<number, number>, key: number | undefined, value: number): void {
  if (key !== undefined && key >= 0) table.set(key, (table.get(key) ?? 0) + value);
}
