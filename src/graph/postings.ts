/** Posting lists kept as parallel typed arrays: record numbers and their scores. */

/** Sorts one posting list by score, best first (ties by record number), in place. */
export function sortPostings(members: Int32Array, scores: Float64Array): void {
  const order = Array.from(members.keys()).sort(
    (a, b) =>
      (scores[b] as number) - (scores[a] as number) || (members[a] as number) - (members[b] as number),
  );
  const m = Int32Array.from(order, (i) => members[i] as number);
  const s = Float64Array.from(order, (i) => scores[i] as number);
  members.set(m);
  scores.set(s);
}
