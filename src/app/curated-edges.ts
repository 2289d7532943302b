/** The curators' standing edge corrections (hide, pin) as numbered edges of a build's nodes. */
import type { Correction } from "../core/correction.js";
import type { EdgeCorrection } from "../graph/apply-corrections.js";
import type { Store } from "../store/store.js";
import type { Nodes } from "./graph-inputs.js";

/** The hide and pin corrections not withdrawn whose both ends exist, oldest first. */
export async function curatedEdges(store: Store, nodes: Pick<Nodes, "index">): Promise<EdgeCorrection[]> {
  return edgeCorrections(await store.curation.listCorrections(), nodes);
}

/** `corrections` as numbered edge corrections: withdrawn ones, other kinds and unknown ends left out. */
export function edgeCorrections(
  corrections: readonly Correction[],
  nodes: Pick<Nodes, "index">,
): EdgeCorrection[] {
  const out: EdgeCorrection[] = [];
  for (const c of corrections) {
    if (c.withdrawn || (c.kind !== "hide" && c.kind !== "pin") || !c.target) continue;
    const source = nodes.index.get(`${c.source.type}\0${c.source.id}`);
    const target = nodes.index.get(`${c.target.type}\0${c.target.id}`);
    if (source === undefined || target === undefined) continue;
    out.push({ kind: c.kind, source, target, id: c.id, why: c.why });
  }
  return out;
}
