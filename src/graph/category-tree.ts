/**
 * The ontology's category tree as flat tables: for each concept, its category at each depth below the root, so
 * that how close two concepts sit in the tree is a few array reads.
 */

/**
 * Each concept's category at depths 1…D of the tree (the root left out), shallowest first, as small integers;
 * -1 where a concept's path is shorter or unknown. `categoryOf` is each concept's own (deepest) category id, and
 * `parent` maps a category id to its parent's.
 */
export function categoryLevels(
  categoryOf: readonly (string | undefined)[],
  parent: ReadonlyMap<string, string>,
): Int32Array[] {
  const paths = categoryOf.map((leaf) => {
    const path: string[] = [];
    const seen = new Set<string>();
    for (let at = leaf; at !== undefined && !seen.has(at); at = parent.get(at)) {
      seen.add(at);
      path.unshift(at);
    }
    return path.slice(1);
  });
  const depth = Math.max(0, ...paths.map((p) => p.length));
  const ids = new Map<string, number>();
  return Array.from({ length: depth }, (_, level) =>
    Int32Array.from(paths, (path) => {
      const id = path[level];
      if (id === undefined) return -1;
      let n = ids.get(id);
      if (n === undefined) {
        n = ids.size;
        ids.set(id, n);
      }
      return n;
    }),
  );
}

/**
 * How close two concepts sit in the tree: the depth of the deepest category they share over the tree's depth, in
 * [0, 1] (1 in the same leaf category, 0 in different top branches or when either is unknown).
 */
export function treeProximity(tree: readonly Int32Array[], a: number, b: number): number {
  if (tree.length === 0) return 0;
  let depth = 0;
  for (const level of tree) {
    const ca = level[a] ?? -1;
    if (ca < 0 || ca !== level[b]) break;
    depth += 1;
  }
  return depth / tree.length;
}
