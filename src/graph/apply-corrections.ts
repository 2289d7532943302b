/**
 * Curators' edge corrections applied to assembled neighbour lists: a hidden edge leaves both ends' lists, a
 * pinned edge comes first in its source's list (added when absent) with score 1 and kind "curated".
 */
import { listKey, type NeighbourEdge, type Neighbourhoods } from "./neighbourhood.js";

/** A hide or pin correction between numbered nodes. */
export interface EdgeCorrection {
  readonly kind: "hide" | "pin";
  readonly source: number;
  readonly target: number;
  /** The correction's number, kept as the pinned edge's evidence. */
  readonly id: number;
  readonly why: string;
}

/** The kind of a pinned edge. */
export const CURATED_KIND = "curated";

/**
 * Applies `corrections` to `lists` in place, in the order given (a later correction of the same edge wins).
 * `typeOf` names a node's type, which picks the list an edge belongs to.
 */
export function applyEdgeCorrections(
  lists: Neighbourhoods,
  corrections: readonly EdgeCorrection[],
  typeOf: (node: number) => string,
): void {
  for (const c of corrections) {
    if (c.kind === "hide") {
      removeEdge(lists, c.source, c.target, typeOf);
      removeEdge(lists, c.target, c.source, typeOf);
      continue;
    }
    removeEdge(lists, c.source, c.target, typeOf);
    const key = listKey(c.source, typeOf(c.target));
    const pinned: NeighbourEdge = {
      source: c.source,
      target: c.target,
      score: 1,
      kind: CURATED_KIND,
      evidence: { correction: c.id, why: c.why },
    };
    lists.set(key, [pinned, ...(lists.get(key) ?? [])]);
  }
}

/** Drops the edge `source` → `target` from its list, and the list when it is left empty. */
function removeEdge(
  lists: Neighbourhoods,
  source: number,
  target: number,
  typeOf: (node: number) => string,
): void {
  const key = listKey(source, typeOf(target));
  const list = lists.get(key);
  if (!list) return;
  const kept = list.filter((e) => e.target !== target);
  if (kept.length === 0) lists.delete(key);
  else lists.set(key, kept);
}
