/**
 * The records an import changed whose derived data (graph, search index) has not been brought up to date yet.
 * The import writes them in its own transaction, and the refresh clears them once done: an import killed after
 * its commit but before or during the refresh leaves them, and the next import (even one that changes nothing)
 * finishes the work instead of seeing no change.
 */
import type { RecordKey, StoreReader, StoreWriter } from "../store/store.js";

/** The metadata key of the pending records: a JSON list of keys, or "all". */
export const REFRESH_PENDING_KEY = "derived.pending";

/** Above this many pending records only "all" is kept: a refresh of that many rebuilds everything anyway. */
const KEPT_KEYS = 10_000;

/** What an import left to refresh: some records, or all of them. */
export type PendingRefresh = readonly RecordKey[] | "all";

/** Adds `changed` to the pending records, inside the import's transaction; `before` is the value read before it. */
export async function markRefreshPending(
  writer: StoreWriter,
  before: string | undefined,
  changed: readonly RecordKey[],
): Promise<void> {
  const pending = parsePending(before);
  if (pending === "all") return;
  const keys = unionKeys(pending ?? [], changed);
  await writer.setMeta(REFRESH_PENDING_KEY, keys.length > KEPT_KEYS ? "all" : JSON.stringify(keys));
}

/** The records left to refresh, or undefined when nothing is. */
export async function readRefreshPending(store: StoreReader): Promise<PendingRefresh | undefined> {
  return parsePending(await store.getMeta(REFRESH_PENDING_KEY));
}

/** Says that derived data is up to date with every record. */
export async function clearRefreshPending(writer: StoreWriter): Promise<void> {
  await writer.setMeta(REFRESH_PENDING_KEY, "[]");
}

/** The keys of `a` then those of `b` not in `a`. */
export function unionKeys(a: readonly RecordKey[], b: readonly RecordKey[]): RecordKey[] {
  const seen = new Set(a.map((k) => `${k.type}\0${k.id}`));
  const out = [...a];
  for (const k of b) {
    const key = `${k.type}\0${k.id}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ type: k.type, id: k.id });
    }
  }
  return out;
}

function parsePending(value: string | undefined): PendingRefresh | undefined {
  if (value === undefined) return undefined;
  if (value === "all") return "all";
  const keys = JSON.parse(value) as RecordKey[];
  return keys.length === 0 ? undefined : keys;
}
