/**
 * How often a text names each concept, whichever sense the detector chose: for every dictionary phrase met, each
 * concept it may mean counts its prior P(concept | phrase), times the spot's weight (less inside a longer phrase).
 * This is the term frequency of the concept's names, what full-text search ranks by; the concept pages weigh it
 * next to the detected concepts.
 */
import type { Spot } from "./spot-surfaces.js";

/** Σ over the spots of weight × P(c | surface), per concept. */
export function nameCounts(spots: readonly Spot[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const spot of spots) {
    for (const c of spot.surface.candidates) {
      counts.set(c.concept, (counts.get(c.concept) ?? 0) + spot.weight * c.prior);
    }
  }
  return counts;
}
