/**
 * What an import does to what is derived from the records: the graph is updated for the changed records, or
 * rebuilt (with the search index) when so many changed that a full build is cheaper; the search index is
 * refreshed for the changed records, or rebuilt. Each only when the database has one already.
 */

import type { RecordKey, Store } from "../store/store.js";
import { GRAPH_STAMP_KEY } from "./build-graph.js";
import { buildSearchIndex, refreshSearchIndex } from "./build-search-index.js";
import { type UpdateGraphReport, updateGraph } from "./update-graph.js";

/** Above this many changed records a full build is cheaper than an update. */
export const UPDATE_LIMIT = 1_000;

/** What `refreshDerived` did to the graph. */
export type GraphRefresh =
  | { readonly kind: "none" }
  | { readonly kind: "rebuilt"; readonly changed: number }
  | { readonly kind: "updated"; readonly report: UpdateGraphReport };

/**
 * Brings the graph and the search index of `store` up to date with the `changed` records. A full graph build
 * is the caller's `rebuild` (with its own progress), given the stamp of the build it replaces; it rebuilds the
 * search index too.
 */
export async function refreshDerived(
  store: Store,
  changed: readonly RecordKey[],
  rebuild: (stamp: string) => Promise<void>,
): Promise<GraphRefresh> {
  const stamp = await store.getMeta(GRAPH_STAMP_KEY);
  if (stamp !== undefined && changed.length > UPDATE_LIMIT) {
    await rebuild(stamp);
    return { kind: "rebuilt", changed: changed.length };
  }
  const graph: GraphRefresh =
    stamp === undefined ? { kind: "none" } : { kind: "updated", report: await updateGraph(store, changed) };
  if ((await store.search.countSearchDocuments()) > 0) {
    if (changed.length > UPDATE_LIMIT) await buildSearchIndex(store);
    else await refreshSearchIndex(store, changed);
  }
  return graph;
}
