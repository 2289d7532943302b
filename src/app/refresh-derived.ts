/**
 * What an import does to what is derived from the records: the graph is updated for the changed records, or
 * rebuilt (with the search index) when so many changed that a full build is cheaper; the search index is
 * refreshed for the changed records, or rebuilt. Each only when the database has one already.
 */

import type { RecordKey, Store } from "../store/store.js";
import { GRAPH_STAMP_KEY } from "./build-graph.js";
import { buildSearchIndex, refreshSearchIndex } from "./build-search-index.js";
import { clearRefreshPending, readRefreshPending, unionKeys } from "./pending-refresh.js";
import { type UpdateGraphReport, updateGraph } from "./update-graph.js";

/** Above this many changed records a full build is cheaper than an update. */
export const UPDATE_LIMIT = 1_000;

/** What `refreshDerived` did to the graph. */
export type GraphRefresh =
  | { readonly kind: "none" }
  | { readonly kind: "rebuilt"; readonly changed: number }
  | { readonly kind: "updated"; readonly report: UpdateGraphReport };

/**
 * Brings the graph and the search index of `store` up to date with the `changed` records, and with those an
 * earlier import left pending (see pending-refresh.ts). A full graph build is the caller's `rebuild` (with its
 * own progress), given the stamp of the build it replaces; it rebuilds the search index too.
 */
export async function refreshDerived(
  store: Store,
  changed: readonly RecordKey[],
  rebuild: (stamp: string) => Promise<void>,
): Promise<GraphRefresh> {
  const pending = await readRefreshPending(store);
  const keys = pending === "all" ? undefined : unionKeys(changed, pending ?? []);
  const many = keys === undefined || keys.length > UPDATE_LIMIT;
  const stamp = await store.getMeta(GRAPH_STAMP_KEY);
  let graph: GraphRefresh = { kind: "none" };
  if (stamp !== undefined && many) {
    await rebuild(stamp);
    graph = { kind: "rebuilt", changed: keys?.length ?? changed.length };
  } else {
    if (stamp !== undefined) graph = { kind: "updated", report: await updateGraph(store, keys ?? []) };
    if ((await store.search.countSearchDocuments()) > 0) {
      if (many) await buildSearchIndex(store);
      else await refreshSearchIndex(store, keys ?? []);
    }
  }
  await store.transaction((writer) => clearRefreshPending(writer));
  return graph;
}
