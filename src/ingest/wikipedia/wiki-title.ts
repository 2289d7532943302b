/**
 * Page titles as MediaWiki reads them: normalisation (underscores, spaces, first letter) and what a link
 * target points to (an article, a category, a file, another language, another namespace).
 * Namespace names cover English and French Wikipedia; an unknown `Prefix:` is part of an article title.
 */
import { decodeHtmlEntities } from "./html-entities.js";

/** What the target of a `[[…]]` link points to. */
export type LinkTargetKind = "article" | "category" | "file" | "language" | "section" | "other";

/** A classified link target: its kind and its normalised title (without the namespace for a category). */
export interface LinkTarget {
  readonly kind: LinkTargetKind;
  /** Normalised title: the article, the category name, "" for a section of the page itself (`[[#History]]`), or the whole `Namespace:Title`. */
  readonly title: string;
  /** True when the link started with a colon (`[[:Category:X]]`): shown as a link, never a membership. */
  readonly colon: boolean;
}

const CATEGORY = new Set(["category", "catégorie"]);
const FILE = new Set(["file", "image", "fichier"]);
const OTHER_NAMESPACES = new Set([
  ...["talk", "user", "wikipedia", "wp", "project", "mediawiki", "template", "help", "portal", "draft"],
  ...["module", "special", "timedtext", "book", "gadget", "gadget definition", "education program", "topic"],
  ...["discussion", "utilisateur", "utilisatrice", "wikipédia", "modèle", "aide", "portail", "projet"],
  ...["référence", "spécial", "sujet", "media", "média"],
  ...["wiktionary", "wikt", "wikisource", "s", "wikiquote", "q", "wikibooks", "b", "wikinews", "n"],
  ...["wikiversity", "v", "wikivoyage", "voy", "commons", "c", "meta", "m", "species", "wikispecies"],
  ...["wikidata", "d", "w", "mw", "phab", "foundation", "wmf", "outreach", "incubator"],
]);
const LANGUAGE_CODE = /^(?:[a-z]{2,3}(?:-[a-z0-9]{2,8}){0,2}|simple)$/;
const SECTION = /#.*$/s;

/** Normalises a title as MediaWiki does: entities decoded, `_` as space, spaces collapsed, first letter upper-cased. */
export function normalizeTitle(raw: string): string {
  const spaced = decodeHtmlEntities(raw)
    .replace(/[_\s\u200e\u200f]+/g, " ")
    .trim();
  return upperFirst(spaced);
}

/** Classifies the raw target of a link (the text before `|`), or returns undefined when it names no page. */
export function classifyLinkTarget(raw: string): LinkTarget | undefined {
  const trimmed = raw.trim();
  const colon = trimmed.startsWith(":");
  const text = (colon ? trimmed.slice(1) : trimmed).replace(SECTION, "");
  const separator = text.indexOf(":");
  if (separator > 0) {
    const written = text.slice(0, separator).trim();
    const prefix = written.replace(/_/g, " ").toLowerCase();
    const rest = text.slice(separator + 1);
    const kind = namespaceKind(prefix, written);
    if (kind === "category") return named(kind, normalizeTitle(rest), colon);
    if (kind !== undefined) return named(kind, normalizeTitle(`${written}:${rest}`), colon);
  }
  const title = normalizeTitle(text);
  if (title === "" && trimmed.includes("#")) return { kind: "section", title, colon };
  return named("article", title, colon);
}

function named(kind: LinkTargetKind, title: string, colon: boolean): LinkTarget | undefined {
  return title === "" ? undefined : { kind, title, colon };
}

function namespaceKind(prefix: string, written: string): LinkTargetKind | undefined {
  if (CATEGORY.has(prefix)) return "category";
  if (FILE.has(prefix)) return "file";
  if (OTHER_NAMESPACES.has(prefix) || prefix.endsWith(" talk") || prefix.startsWith("discussion ")) {
    return "other";
  }
  // Interlanguage prefixes are written in lower case ([[fr:Paris]]); "Ur: a title" stays an article.
  return LANGUAGE_CODE.test(written) ? "language" : undefined;
}

function upperFirst(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const char = String.fromCodePoint(first);
  const upper = char.toUpperCase();
  // MediaWiki keeps a letter whose capital is several letters (ß → SS) as it is.
  return [...upper].length === 1 ? upper + text.slice(char.length) : text;
}
