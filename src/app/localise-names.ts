/**
 * Display names in a chosen language for lists of records (neighbours, path steps), read from the records
 * themselves: the stored neighbour lists keep one name, English first.
 */
import { displayName } from "../core/record.js";
import type { NodeSummary, Store } from "../store/store.js";

/** `nodes` with each name in `lang` where the record has one (else as given), in the same order. */
export async function localiseNames<T extends NodeSummary>(
  store: Store,
  nodes: readonly T[],
  lang: string,
): Promise<T[]> {
  const records = await Promise.all(nodes.map((n) => store.getRecord({ type: n.type, id: n.id })));
  return nodes.map((node, i) => {
    const record = records[i];
    return record?.name[lang] ? { ...node, name: displayName(record, lang) } : node;
  });
}
