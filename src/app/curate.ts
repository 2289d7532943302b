/**
 * The curation use cases, shared by the API and the web pages: a curator corrects the graph (hide, pin, alias,
 * category) or withdraws a correction; a reader reports a wrong link. Each is a record of its own in the store;
 * builds and incremental updates apply the corrections standing then. Who may curate is `src/http`'s concern.
 */
import type { Correction, CorrectionKey, NewCorrection, Report } from "../core/correction.js";
import { CampusGraphError } from "../core/errors.js";
import type { Store } from "../store/store.js";

/** A correction as a curator asks for it: a stored correction's fields before its number and time. */
export type CorrectionRequest = Omit<NewCorrection, "at">;

/** A reader's report of a wrong link between two records. */
export interface ReportRequest {
  readonly source: CorrectionKey;
  readonly target: CorrectionKey;
  readonly why: string;
}

/** The clock corrections are stamped with; tests give a fixed one. Default: now. */
export type Clock = () => Date;

const now: Clock = () => new Date();

/** Stores a curator's correction after checking that what it names exists; returns it numbered. */
export async function addCorrection(
  store: Store,
  request: CorrectionRequest,
  clock = now,
): Promise<Correction> {
  await requireRecord(store, request.source);
  if (request.kind === "alias") {
    if (!request.value?.trim()) throw invalid("an alias correction needs the alias text (value)");
  } else {
    if (!request.target) throw invalid(`a ${request.kind} correction needs a target`);
    if (
      request.kind === "category" &&
      (request.source.type !== "concept" || request.target.type !== "category")
    )
      throw invalid("a category correction moves a concept to a category");
    await requireRecord(store, request.target);
  }
  const { kind, source, target, value, why, who } = request;
  const correction = {
    kind,
    source,
    ...(kind === "alias" ? { value: value?.trim() } : { target }),
    why,
    who,
    at: clock().toISOString(),
  };
  return store.transaction((w) => w.curation.addCorrection(correction));
}

/** Withdraws correction `id`: it stays listed, and the next build no longer applies it. */
export async function withdrawCorrection(store: Store, id: number, who: string, clock = now): Promise<void> {
  const done = await store.transaction((w) => w.curation.withdrawCorrection(id, who, clock().toISOString()));
  if (!done) throw new CampusGraphError("CORRECTION_NOT_FOUND", { id });
}

/** Stores a reader's report of a wrong link; nothing else changes. */
export async function reportWrongLink(store: Store, request: ReportRequest, clock = now): Promise<Report> {
  await requireRecord(store, request.source);
  await requireRecord(store, request.target);
  const { source, target, why } = request;
  return store.transaction((w) => w.curation.addReport({ source, target, why, at: clock().toISOString() }));
}

async function requireRecord(store: Store, key: CorrectionKey): Promise<void> {
  if (!(await store.getRecord(key)))
    throw new CampusGraphError("RECORD_NOT_FOUND", { type: key.type, id: key.id });
}

function invalid(problem: string): CampusGraphError {
  return new CampusGraphError("INVALID_ARGUMENT", { problem });
}
