/**
 * "Courses on solar energy at EPFL": the university a question names after its subject says where to look, not
 * what about. A root unit of the corpus (one with no parent and units under it) named after "at", "in", "à", "au"
 * or "chez" at the end of a subject is taken off the subject, found through the public API like any other name.
 */
import type { Reading } from "./read-question.js";
import { type CallApi, findNamed } from "./resolve-subject.js";

// The last "at / in / à (l') / au / chez" of a subject and the name after it (one to sixty characters).
const TRAILING_PLACE =
  /^(.+)\s+(?:at|in|within|à|a|au|chez)\s+(?:the\s+|l['’]\s*|la\s+|le\s+)?(\S.{0,59})$/iu;

/** The reading with a trailing university name taken off its subjects (see the file's comment). */
export async function withoutInstitution(call: CallApi, reading: Reading): Promise<Reading> {
  if (reading.subjects.length === 0) return reading;
  const cut: string[] = [];
  const subjects = await Promise.all(
    reading.subjects.map(async (subject) => {
      const match = TRAILING_PLACE.exec(subject);
      const before = match?.[1]?.trim();
      const place = match?.[2]?.trim();
      if (!before || !place || !(await isInstitution(call, place))) return subject;
      cut.push(place);
      return before;
    }),
  );
  if (cut.length === 0) return reading;
  const keeps = (text: string) => !cut.some((place) => text.includes(place));
  return {
    ...reading,
    subjects,
    alternatives: reading.alternatives.filter((a) => keeps(a.subject) && keeps(a.rest ?? "")),
    spans: reading.spans.filter((s) => keeps(s.subject)),
  };
}

interface UnitBody {
  readonly record?: { readonly links?: readonly { readonly rel: string }[] };
  readonly neighbourCounts?: Readonly<Record<string, number>>;
}

/** True when `name` names a unit with no parent that other units belong to: a university of the corpus. */
async function isInstitution(call: CallApi, name: string): Promise<boolean> {
  const unit = await findNamed(call, name, ["unit"]);
  if (unit?.type !== "unit") return false;
  const body = (await call({ method: "GET", path: `/api/unit/${encodeURIComponent(unit.id)}` })) as
    | UnitBody
    | undefined;
  if (!body?.record) return false;
  const parent = (body.record.links ?? []).some((link) => link.rel === "parent");
  return !parent && (body.neighbourCounts?.unit ?? 0) > 0;
}
