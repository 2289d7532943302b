/**
 * The corpus record: the one shape every course, concept, person… has (see shared/data/FORMAT.md),
 * and the validator that turns an untrusted parsed JSON value into a normalised record or names the bad field.
 */

/** Text per language code, e.g. `{ en: "Immunology", fr: "Immunologie" }`. */
export type LangText = Readonly<Record<string, string>>;

/** A scalar attribute value. */
export type AttrScalar = string | number | boolean;

/** An attribute value: a scalar or an array of scalars. */
export type AttrValue = AttrScalar | readonly AttrScalar[];

/** An organisational link given by the corpus (a fact, not a computed score). */
export interface RecordLink {
  readonly rel: string;
  readonly type: string;
  readonly id: string;
}

/** A record of any type, as the corpus gives it; `(type, id)` is its key. */
export interface CorpusRecord {
  readonly type: string;
  readonly id: string;
  readonly name: LangText;
  readonly description?: LangText;
  readonly text?: LangText;
  readonly aliases?: readonly string[];
  readonly keywords?: readonly string[];
  readonly attrs?: Readonly<Record<string, AttrValue>>;
  readonly links?: readonly RecordLink[];
}

/**
 * The record types the format names other than concepts and categories: what people study, who teaches and
 * writes, where, and what they write. A concept's page lists its neighbours of these types.
 */
export const ENTITY_TYPES = ["course", "lecture", "mooc", "person", "unit", "publication"] as const;

/**
 * The record types the format names, the one list of them; any other type (a corpus may add "startup",
 * "exercise", …) is accepted and stored as a generic entity.
 */
export const KNOWN_TYPES = ["concept", "category", ...ENTITY_TYPES] as const;

/** Limits on one record's fields, so that one bad line cannot bloat the database or a page. */
export const RECORD_LIMITS = {
  typeLength: 64,
  idLength: 512,
  langCodeLength: 35,
  nameLength: 2_000,
  textLength: 1_000_000,
  listLength: 10_000,
} as const;

/** The outcome of validating one parsed line: a normalised record, or the field that is wrong and why. */
export type RecordValidation =
  | { readonly ok: true; readonly record: CorpusRecord }
  | { readonly ok: false; readonly field: string; readonly problem: string };

class FieldError {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {}
}

const TYPE_PATTERN = /^[a-z][a-z0-9_-]*$/;
const LANG_PATTERN = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/;
// Control characters other than tab, newline and carriage return never belong in a key.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Checks a parsed JSON value against the record format and returns it normalised: known fields only,
 * in a fixed order, empty optional fields dropped. Never throws.
 */
export function validateRecord(value: unknown): RecordValidation {
  try {
    return { ok: true, record: normaliseRecord(value) };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, field: error.field, problem: error.problem };
    throw error;
  }
}

function normaliseRecord(value: unknown): CorpusRecord {
  if (!isPlainObject(value))
    throw new FieldError("(record)", `expected a JSON object, got ${describe(value)}`);
  const type = readKey(value, "type", RECORD_LIMITS.typeLength);
  if (!TYPE_PATTERN.test(type)) {
    throw new FieldError(
      "type",
      `must be lower-case letters, digits, "-" or "_", starting with a letter; got "${type}"`,
    );
  }
  const record: {
    type: string;
    id: string;
    name: LangText;
    description?: LangText;
    text?: LangText;
    aliases?: string[];
    keywords?: string[];
    attrs?: Record<string, AttrValue>;
    links?: RecordLink[];
  } = {
    type,
    id: readKey(value, "id", RECORD_LIMITS.idLength),
    name: readLangText(value.name, "name", RECORD_LIMITS.nameLength, true) ?? {},
  };
  const description = readLangText(value.description, "description", RECORD_LIMITS.textLength, false);
  if (description) record.description = description;
  const text = readLangText(value.text, "text", RECORD_LIMITS.textLength, false);
  if (text) record.text = text;
  const aliases = readStringList(value.aliases, "aliases");
  if (aliases) record.aliases = aliases;
  const keywords = readStringList(value.keywords, "keywords");
  if (keywords) record.keywords = keywords;
  const attrs = readAttrs(value.attrs);
  if (attrs) record.attrs = attrs;
  const links = readLinks(value.links);
  if (links) record.links = links;
  return record;
}

function readKey(value: Record<string, unknown>, field: "type" | "id", maxLength: number): string {
  const raw = value[field];
  if (raw === undefined || raw === null) throw new FieldError(field, "is required");
  if (typeof raw !== "string") throw new FieldError(field, `must be a string, got ${describe(raw)}`);
  if (raw.trim() === "") throw new FieldError(field, "must not be empty");
  if (raw.length > maxLength) throw new FieldError(field, `is longer than ${maxLength} characters`);
  if (CONTROL_CHARS.test(raw) || /[\t\n\r]/.test(raw))
    throw new FieldError(field, "contains control characters");
  return raw;
}

function readLangText(
  raw: unknown,
  field: string,
  maxLength: number,
  required: boolean,
): LangText | undefined {
  if (raw === undefined || raw === null) {
    if (required) throw new FieldError(field, "is required (an object of language code to text)");
    return undefined;
  }
  if (!isPlainObject(raw)) {
    throw new FieldError(field, `must be an object of language code to text, got ${describe(raw)}`);
  }
  const out: Record<string, string> = {};
  for (const [lang, text] of Object.entries(raw)) {
    const at = `${field}.${lang}`;
    if (lang.length > RECORD_LIMITS.langCodeLength || !LANG_PATTERN.test(lang)) {
      throw new FieldError(at, `"${lang}" is not a language code (like "en", "fr" or "pt-BR")`);
    }
    if (typeof text !== "string") throw new FieldError(at, `must be a string, got ${describe(text)}`);
    if (text.length > maxLength) throw new FieldError(at, `is longer than ${maxLength} characters`);
    rejectNul(text, at);
    if (text.trim() !== "") out[lang] = text;
  }
  const languages = Object.keys(out).length;
  if (required && languages === 0)
    throw new FieldError(field, "needs a non-empty text in at least one language");
  return languages > 0 ? out : undefined;
}

function readStringList(raw: unknown, field: string): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw new FieldError(field, `must be an array of strings, got ${describe(raw)}`);
  if (raw.length > RECORD_LIMITS.listLength) {
    throw new FieldError(field, `has more than ${RECORD_LIMITS.listLength} entries`);
  }
  const out: string[] = [];
  raw.forEach((item, index) => {
    if (typeof item !== "string")
      throw new FieldError(`${field}[${index}]`, `must be a string, got ${describe(item)}`);
    if (item.length > RECORD_LIMITS.nameLength) {
      throw new FieldError(`${field}[${index}]`, `is longer than ${RECORD_LIMITS.nameLength} characters`);
    }
    rejectNul(item, `${field}[${index}]`);
    if (item.trim() !== "") out.push(item);
  });
  return out.length > 0 ? out : undefined;
}

function readAttrs(raw: unknown): Record<string, AttrValue> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isPlainObject(raw)) throw new FieldError("attrs", `must be an object, got ${describe(raw)}`);
  const out: Record<string, AttrValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    const at = `attrs.${key}`;
    if (key === "__proto__") throw new FieldError(at, "is a reserved name");
    rejectNul(key, at);
    if (value === null) continue;
    if (Array.isArray(value)) {
      out[key] = value.map((item, index) => {
        if (!isScalar(item))
          throw new FieldError(
            `${at}[${index}]`,
            `must be a string, number or boolean, got ${describe(item)}`,
          );
        if (typeof item === "string") rejectNul(item, `${at}[${index}]`);
        return normaliseScalar(item);
      });
    } else if (isScalar(value)) {
      if (typeof value === "string") rejectNul(value, at);
      out[key] = normaliseScalar(value);
    } else {
      throw new FieldError(
        at,
        `must be a string, number, boolean or an array of them, got ${describe(value)}`,
      );
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function readLinks(raw: unknown): RecordLink[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw))
    throw new FieldError("links", `must be an array of {rel, type, id}, got ${describe(raw)}`);
  if (raw.length > RECORD_LIMITS.listLength * 10) throw new FieldError("links", "has too many entries");
  const links: RecordLink[] = [];
  raw.forEach((item, index) => {
    const at = `links[${index}]`;
    if (!isPlainObject(item))
      throw new FieldError(at, `must be an object {rel, type, id}, got ${describe(item)}`);
    const part = (key: "rel" | "type" | "id", maxLength: number): string => {
      const v = item[key];
      if (typeof v !== "string" || v.trim() === "") {
        throw new FieldError(`${at}.${key}`, `must be a non-empty string, got ${describe(v)}`);
      }
      if (v.length > maxLength)
        throw new FieldError(`${at}.${key}`, `is longer than ${maxLength} characters`);
      if (CONTROL_CHARS.test(v) || /[\t\n\r]/.test(v))
        throw new FieldError(`${at}.${key}`, "contains control characters");
      return v;
    };
    links.push({
      rel: part("rel", RECORD_LIMITS.typeLength),
      type: part("type", RECORD_LIMITS.typeLength),
      id: part("id", RECORD_LIMITS.idLength),
    });
  });
  return links.length > 0 ? links : undefined;
}

// A NUL character is never text, and PostgreSQL cannot store it: refused in every text, whatever the engine.
function rejectNul(text: string, field: string): void {
  if (text.includes("\u0000")) throw new FieldError(field, "contains a NUL character");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is AttrScalar {
  return (
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

/** JSON has no negative zero: store 0 so that a record round-trips through storage unchanged. */
function normaliseScalar(value: AttrScalar): AttrScalar {
  return Object.is(value, -0) ? 0 : value;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string")
    return `a string ("${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
  return `${typeof value} ${String(value)}`;
}

/** The record's display name in `lang`, else English, else French, else its first language. */
export function displayName(record: Pick<CorpusRecord, "name">, lang = "en"): string {
  const { name } = record;
  return name[lang] ?? name.en ?? name.fr ?? Object.values(name)[0] ?? "";
}
