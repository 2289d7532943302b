/**
 * The two halves of the dev search set: tune ranking on `tune`, report `check` as the held-back figure. An item's
 * half comes from a hash of its key `kind|lang|query` (the key of the maintainers' dev/hidden split), salted so
 * that it is independent of that split: every dev item has an even last hex digit of `sha1(key)`.
 */
import { createHash } from "node:crypto";

/** A half of the dev set. */
export type SearchHalf = "tune" | "check";

/** The half of the item with this kind, language and query. */
export function searchHalf(item: {
  readonly kind: string;
  readonly lang: string;
  readonly query: string;
}): SearchHalf {
  const digest = createHash("sha256").update(`half|${item.kind}|${item.lang}|${item.query}`).digest();
  return (digest[0] ?? 0) < 128 ? "tune" : "check";
}
