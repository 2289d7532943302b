/**
 * A metadata value that changes with every write of records or anchor statistics, so that what a long-running
 * process derived from them (the concept dictionary of a server) knows when to derive it again, even when the
 * write happened in another process or on another app server.
 */
import { randomUUID } from "node:crypto";
import type { StoreWriter } from "../store/store.js";

/** The metadata key of the data version. */
export const DATA_VERSION_KEY = "data.version";

/** Records, inside the writer's transaction, that the data changed. */
export async function markDataChanged(writer: StoreWriter): Promise<void> {
  await writer.setMeta(DATA_VERSION_KEY, `${new Date().toISOString()} ${randomUUID()}`);
}
