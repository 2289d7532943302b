/**
 * Curators' corrections of the generated graph, and readers' reports of wrong links: records of their own,
 * kept apart from the corpus so that an import never removes them and every build applies them.
 */

/** What a correction does: hide or pin an edge, add an alias to a record, move a concept to a category. */
export type CorrectionKind = "hide" | "pin" | "alias" | "category";

/** Every correction kind, in the order forms list them. */
export const CORRECTION_KINDS: readonly CorrectionKind[] = ["hide", "pin", "alias", "category"];

/** A record's key, as corrections name their ends. */
export interface CorrectionKey {
  readonly type: string;
  readonly id: string;
}

/** A correction as a curator submits it, stamped with its time. */
export interface NewCorrection {
  readonly kind: CorrectionKind;
  /** The record corrected (the edge's source for hide and pin). */
  readonly source: CorrectionKey;
  /** The edge's target (hide, pin), or the category (category). */
  readonly target?: CorrectionKey | undefined;
  /** The alias text (alias). */
  readonly value?: string | undefined;
  /** Why, in the curator's words. */
  readonly why: string;
  /** Who: the curator's name as given. */
  readonly who: string;
  /** When, as an ISO 8601 instant. */
  readonly at: string;
}

/** A stored correction: its number, and when and by whom it was withdrawn if it was. */
export interface Correction extends NewCorrection {
  readonly id: number;
  readonly withdrawn?: { readonly who: string; readonly at: string } | undefined;
}

/** A reader's report of a wrong link, as sent. */
export interface NewReport {
  readonly source: CorrectionKey;
  readonly target: CorrectionKey;
  readonly why: string;
  /** When, as an ISO 8601 instant. */
  readonly at: string;
}

/** A stored report with its number. */
export interface Report extends NewReport {
  readonly id: number;
}
