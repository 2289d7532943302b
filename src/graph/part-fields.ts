/**
 * Where the parts of other records (a lecture of its course or MOOC) are filed in the ontology's category tree, so
 * that a concept page can list the lectures of its field. A lecture's text is its title: the walk finds it only when
 * the title or what it inherits from its parent names one of the concept's closest relations, and full-text search of
 * the field's name (`g`) finds titles that name the field, which few do. Its profile says its field all the same.
 *
 *   share(r, C)  = Σ_{c filed in C or below} k(c) · (h(c) · e(r, c))² / ‖h ∘ e(r, ·)‖²   the part of r's profile
 *                  under C, a concept of many senses (k, `sense-coherence.ts`: "Resource" in "Low-Resource
 *                  Languages") counting little, as it does as a bridge
 *   filed(r, X)  = share(r, X's own category), when at least two of r's concepts lie under it
 *
 * Two concepts corroborate a field: one word of a title read in another sense ("Data Scarcity" as economics, "The
 * 4-Color Theorem" as colour) files no lecture there. X's field is its own category (FIELD_LEVELS): wider ones hold
 * lectures of other subjects ("Health sciences", which Interleukin 6 shares with a deck on herd immunity, holds
 * decks on medical imaging and assistive technology as much; the tree cannot tell them apart).
 */
import { sortPostings } from "./postings.js";
import type { ProfileTable } from "./profile-table.js";

/**
 * How many categories up the tree a concept's field of parts is read from: its own only. With the parent too (at ½,
 * as `g` reads it), "Family caregivers" listed a psychometrics deck and a chemistry self-assessment quiz.
 */
export const FIELD_LEVELS = 1;

/** How many of a part's concepts must lie under a category for the part to be filed there. */
const CORROBORATING = 2;

/** How much the parent's share counts against the concept's own category's. */
const PARENT_WEIGHT = 0.5;

/** Each category's parts, best share first, by category number of the tree (`categoryLevels`). */
export interface PartFields {
  readonly members: ReadonlyMap<number, Int32Array>;
  readonly shares: ReadonlyMap<number, Float64Array>;
}

/** The records' profiles as the postings hold them, and the categories of each concept (`categoryPaths`). */
export interface FiledProfiles {
  readonly table: ProfileTable;
  /** h(c), each concept's hub weight. */
  readonly hub: Float64Array;
  /** ‖h ∘ e(r, ·)‖² of each record. */
  readonly norm2: Float64Array;
  /** k(c), each concept's sense coherence. */
  readonly coherence: Float64Array;
  /** Each concept's categories at each depth, shallowest first, `depth` a concept (-1 past its own). */
  readonly paths: Int32Array;
  readonly depth: number;
}

/**
 * The parts of `profiles` (records whose `parentOf` is a record) filed under each category where at least
 * CORROBORATING of their concepts lie, by share(r, C) above.
 */
export function partFields(profiles: FiledProfiles, parentOf: (record: number) => number): PartFields {
  const lists = new Map<number, { records: number[]; shares: number[] }>();
  for (const record of profiles.table.keys()) {
    if (parentOf(record) < 0) continue;
    for (const [category, s] of sharesOf(profiles, record)) {
      let list = lists.get(category);
      if (!list) {
        list = { records: [], shares: [] };
        lists.set(category, list);
      }
      list.records.push(record);
      list.shares.push(s);
    }
  }
  const members = new Map<number, Int32Array>();
  const shares = new Map<number, Float64Array>();
  for (const [category, list] of lists) {
    const m = Int32Array.from(list.records);
    const s = Float64Array.from(list.shares);
    sortPostings(m, s);
    members.set(category, m);
    shares.set(category, s);
  }
  return { members, shares };
}

/** share(r, C) of every category C on the paths of CORROBORATING or more of `record`'s concepts. */
function sharesOf(profiles: FiledProfiles, record: number): Map<number, number> {
  const { table, hub, norm2, coherence, paths, depth } = profiles;
  const share = new Map<number, number>();
  const count = new Map<number, number>();
  const norm = norm2[record] ?? 0;
  if (norm > 0) {
    for (let i = table.edgesFrom(record), end = table.edgesTo(record); i < end; i += 1) {
      const concept = table.concepts[i] as number;
      const weight =
        ((coherence[concept] ?? 1) * ((hub[concept] ?? 0) * (table.scores[i] as number)) ** 2) / norm;
      for (let level = 0; level < depth; level += 1) {
        const category = paths[concept * depth + level] ?? -1;
        if (category < 0) break;
        share.set(category, (share.get(category) ?? 0) + weight);
        count.set(category, (count.get(category) ?? 0) + 1);
      }
    }
  }
  for (const [category, s] of share) {
    if ((count.get(category) ?? 0) < CORROBORATING) share.delete(category);
    else share.set(category, Math.min(1, s));
  }
  return share;
}

/**
 * Calls `visit(record, part)` for the parts filed in `concept`'s field: its own category with `part` = share, then
 * its parent's with `part` = ½ · share (a part in both is visited twice; `filed` is the larger), reading at most
 * `perCategory` of each category, best share first. Not the tree's top branches, which are not fields.
 */
export function forEachPartOfField(
  fields: PartFields,
  concept: number,
  paths: Int32Array,
  depth: number,
  perCategory: number,
  visit: (record: number, part: number) => void,
): void {
  let own = depth - 1;
  while (own >= 0 && (paths[concept * depth + own] ?? -1) < 0) own -= 1;
  for (let up = 0; up < FIELD_LEVELS && own - up >= 1; up += 1) {
    const category = paths[concept * depth + own - up] ?? -1;
    const members = fields.members.get(category);
    const shares = fields.shares.get(category);
    if (!members || !shares) continue;
    const weight = PARENT_WEIGHT ** up;
    const read = Math.min(members.length, perCategory);
    for (let i = 0; i < read; i += 1) visit(members[i] as number, weight * (shares[i] as number));
  }
}

/**
 * The concepts of `record` (in `table`) filed in `concept`'s field (its category or the parent, as
 * `forEachPartOfField` reads), best three by (h · e)², with their shares: why a part reached only that way is listed.
 */
export function conceptsInField(
  table: ProfileTable,
  record: number,
  concept: number,
  hub: Float64Array,
  paths: Int32Array,
  depth: number,
): { concept: number; score: number }[] {
  let own = depth - 1;
  while (own >= 0 && (paths[concept * depth + own] ?? -1) < 0) own -= 1;
  const field = new Set<number>();
  for (let up = 0; up < FIELD_LEVELS && own - up >= 1; up += 1)
    field.add(paths[concept * depth + own - up] ?? -1);
  const parts: { concept: number; score: number }[] = [];
  let total = 0;
  for (let i = table.edgesFrom(record), end = table.edgesTo(record); i < end; i += 1) {
    const other = table.concepts[i] as number;
    if (other === concept) continue;
    let filed = false;
    for (let level = 0; level < depth && !filed; level += 1)
      filed = field.has(paths[other * depth + level] ?? -1);
    if (!filed) continue;
    const part = ((hub[other] ?? 0) * (table.scores[i] as number)) ** 2;
    total += part;
    parts.push({ concept: other, score: part });
  }
  return parts
    .sort((a, b) => b.score - a.score || a.concept - b.concept)
    .slice(0, 3)
    .map((p) => ({ concept: p.concept, score: total > 0 ? Math.round((p.score / total) * 100) / 100 : 0 }));
}

/**
 * The concepts (of `size`) whose field (`forEachPartOfField`) holds one of `concepts`: the pages a part filed under
 * those concepts may be listed on, which an incremental update ranks again when the part changes.
 */
export function conceptsWhoseFieldHolds(
  concepts: Iterable<number>,
  paths: Int32Array,
  depth: number,
  size: number,
): number[] {
  const held = new Set<number>();
  for (const c of concepts) {
    for (let level = 1; level < depth; level += 1) {
      const category = paths[c * depth + level] ?? -1;
      if (category < 0) break;
      held.add(category);
    }
  }
  const found: number[] = [];
  if (held.size === 0) return found;
  for (let x = 0; x < size; x += 1) {
    let own = depth - 1;
    while (own >= 0 && (paths[x * depth + own] ?? -1) < 0) own -= 1;
    for (let up = 0; up < FIELD_LEVELS && own - up >= 1; up += 1) {
      if (held.has(paths[x * depth + own - up] ?? -1)) {
        found.push(x);
        break;
      }
    }
  }
  return found;
}
