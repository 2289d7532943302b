/**
 * Metadata values that change with every write of records or anchor statistics (the data version), or of the
 * graph's neighbourhoods and node scores (the graph version), so that what was derived from them (the concept
 * dictionary of a server; the search index's importance) knows when to derive it again, even when the write
 * happened in another process or on another app server.
 */
import { randomUUID } from "node:crypto";
import type { StoreWriter } from "../store/store.js";

/** The metadata key of the data version. */
export const DATA_VERSION_KEY = "data.version";

/** Records, inside the writer's transaction, that the data changed. */
export async function markDataChanged(writer: StoreWriter): Promise<void> {
  await writer.setMeta(DATA_VERSION_KEY, `${new Date().toISOString()} ${randomUUID()}`);
}

/** The metadata key of the graph version. */
export const GRAPH_VERSION_KEY = "graph.version";

/** Records, inside the writer's transaction, that the graph's neighbourhoods or node scores changed. */
export async function markGraphChanged(writer: StoreWriter): Promise<void> {
  await writer.setMeta(GRAPH_VERSION_KEY, `${new Date().toISOString()} ${randomUUID()}`);
}
