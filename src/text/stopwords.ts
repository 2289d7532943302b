/** Function words of English and French. */

import { stem } from "./word-key.js";

/** Common English and French function words: a phrase made only of these is never a concept mention. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an and are as at be but by for from has have in into is it its of on or that the their this to was were " +
    "which with not no can may will also than then there these those such each other more most only one two " +
    "au aux avec ce ces dans de des du elle en est et il ils la le les leur lui mais ne nous ou par pas pour " +
    "qu que qui sa se ses son sont sur un une vous d l s y"
  )
    .split(" ")
    .map((w) => stem(w)),
);
