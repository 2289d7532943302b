/**
 * Evaluation measures over sets of concept ids per document: micro precision, recall and F1, and R-precision.
 */

/** One document's gold set and ranked predictions. */
export interface Judged {
  readonly gold: readonly string[];
  /** Predicted ids, best first. */
  readonly predicted: readonly string[];
}

/** Micro-averaged precision, recall, F1 and mean R-precision over documents. */
export interface SetScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly rPrecision: number;
  readonly documents: number;
}

/** Scores predictions against gold: counts pooled over documents (micro), R-precision averaged per document. */
export function scoreSets(judged: readonly Judged[]): SetScores {
  let truePositives = 0;
  let predictedCount = 0;
  let goldCount = 0;
  let rPrecisionSum = 0;
  for (const { gold, predicted } of judged) {
    const goldSet = new Set(gold);
    const unique = [...new Set(predicted)];
    truePositives += unique.filter((id) => goldSet.has(id)).length;
    predictedCount += unique.length;
    goldCount += goldSet.size;
    if (goldSet.size > 0)
      rPrecisionSum += unique.slice(0, goldSet.size).filter((id) => goldSet.has(id)).length / goldSet.size;
  }
  const precision = predictedCount === 0 ? 0 : truePositives / predictedCount;
  const recall = goldCount === 0 ? 0 : truePositives / goldCount;
  const f1 = f1Of(truePositives, predictedCount, goldCount);
  return {
    precision,
    recall,
    f1,
    rPrecision: judged.length === 0 ? 0 : rPrecisionSum / judged.length,
    documents: judged.length,
  };
}

/** Micro F1 from pooled counts: true positives, predictions and gold items (0 when either count is 0). */
export function f1Of(truePositives: number, predicted: number, gold: number): number {
  const precision = predicted === 0 ? 0 : truePositives / predicted;
  const recall = gold === 0 ? 0 : truePositives / gold;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
