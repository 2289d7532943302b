/**
 * Gradient-boosted decision trees for a binary score: the model the detector ranks candidates with, fit by
 * `npm run eval:fit-detect` (`eval/fit-boosted-trees.ts`) and stored as plain data in `score-model.ts`.
 */

/**
 * One node: a split `[feature, threshold, left, right]` (a value at most the threshold goes left; children are
 * indexes into the tree) or a leaf `[-1, value, 0, 0]`. The root is the first node.
 */
export type TreeNode = readonly [feature: number, thresholdOrValue: number, left: number, right: number];

/** A sum of trees on top of a base margin, in log-odds. */
export interface BoostedTrees {
  /** The names of the features, in the order the model reads them. */
  readonly features: readonly string[];
  readonly base: number;
  readonly trees: readonly (readonly TreeNode[])[];
}

/** The model's margin (log-odds) for the feature vector `x`. */
export function treesMargin(model: BoostedTrees, x: ArrayLike<number>): number {
  const { depth, feature, threshold, leaf } = complete(model);
  const inner = (1 << depth) - 1;
  const leaves = 1 << depth;
  let margin = model.base;
  for (let t = 0; t < leaf.length / leaves; t += 1) {
    const offset = t * inner;
    let node = 0;
    for (let d = 0; d < depth; d += 1) {
      const at = offset + node;
      node = 2 * node + ((x[feature[at] as number] as number) <= (threshold[at] as number) ? 1 : 2);
    }
    margin += leaf[t * leaves + node - inner] as number;
  }
  return margin;
}

/**
 * The trees as complete binary trees of one depth in typed arrays, node i's children at 2i + 1 and 2i + 2: the
 * detector scores every candidate of every text with all of them, and a fixed number of comparisons without
 * leaf checks is what makes that cheap. A leaf above the last level becomes splits that always go left, with the
 * leaf's value under them.
 */
interface CompleteTrees {
  readonly depth: number;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly leaf: Float64Array;
}

const completed = new WeakMap<BoostedTrees, CompleteTrees>();

function complete(model: BoostedTrees): CompleteTrees {
  let done = completed.get(model);
  if (done !== undefined) return done;
  const depthOf = (tree: readonly TreeNode[], i: number): number => {
    const node = tree[i] as TreeNode;
    return node[0] < 0 ? 0 : 1 + Math.max(depthOf(tree, node[2]), depthOf(tree, node[3]));
  };
  const depth = Math.max(0, ...model.trees.map((tree) => depthOf(tree, 0)));
  const inner = (1 << depth) - 1;
  const leaves = 1 << depth;
  done = {
    depth,
    feature: new Int32Array(model.trees.length * inner),
    threshold: new Float64Array(model.trees.length * inner).fill(Number.POSITIVE_INFINITY),
    leaf: new Float64Array(model.trees.length * leaves),
  };
  const target = done;
  model.trees.forEach((tree, t) => {
    const place = (i: number, at: number, level: number): void => {
      const node = tree[i] as TreeNode;
      if (level === depth) {
        target.leaf[t * leaves + at - inner] = node[1];
        return;
      }
      if (node[0] < 0) {
        // Always left (x ≤ +∞); both sides carry the leaf's value, so a NaN going right lands on it too.
        place(i, 2 * at + 1, level + 1);
        place(i, 2 * at + 2, level + 1);
        return;
      }
      target.feature[t * inner + at] = node[0];
      target.threshold[t * inner + at] = node[1];
      place(node[2], 2 * at + 1, level + 1);
      place(node[3], 2 * at + 2, level + 1);
    };
    place(0, 0, 0);
  });
  completed.set(model, done);
  return done;
}
