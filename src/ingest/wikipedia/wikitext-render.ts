/**
 * Renders a parsed wikitext tree as the text a reader sees: tables and templates vanish (but for a few
 * inline ones), a link shows its anchor (with the pipe trick and its trail), category, file and
 * interlanguage links vanish; and turns inline markup into clean text (quotes, external links, entities).
 */
import { decodeHtmlEntities } from "./html-entities.js";
import { renderInlineTemplate } from "./inline-templates.js";
import { classifyLinkTarget, type LinkTarget } from "./wiki-title.js";
import { TAG_MARK } from "./wikitext-tags.js";
import type { WikiItem, WikiNode } from "./wikitext-tree.js";

/** A link node with its target resolved. */
export interface ResolvedLink {
  readonly node: WikiNode;
  readonly target: LinkTarget;
}

// Lengths are bounded so that a "[http" without "]" costs at most one short look-ahead.
const EXTERNAL_LINK = /\[(?:https?:|ftp:|mailto:|\/\/)[^\s\]]{1,2000}(?:[ \t]([^\]\n]{0,500}))?\]/gi;
const QUOTES = /'{2,}/g;
const MAGIC_WORD = /__[A-Z]{2,}__/g;
const INVALID_TARGET = /[\n<>[\]{}]/;
/** Anything `cleanInline` would change; most anchors have none of it. */
const NEEDS_CLEANING = /[[\]'&_(\uE000\n\r\t]|\s\s|^\s|\s$| [,.]/;
const TEMPLATE_NAMESPACE = /^\s*(?:template|modèle)\s*:/i;

/** Appends the visible text of `items` to `out`, markup of quotes and external links still in place. */
export function renderItems(items: readonly WikiItem[], out: string[]): void {
  for (const item of items) {
    if (typeof item === "string") out.push(item);
    else if (item.kind === "link") out.push(renderLink(item));
    else if (item.kind === "template") out.push(renderTemplate(item));
  }
}

/** Resolves the target of a link node, or returns undefined when it names no page (`[[{{X}}]]`, `[[a\nb]]`). */
export function resolveLink(node: WikiNode): ResolvedLink | undefined {
  const written = writtenText(node.parts[0]);
  if (written === undefined || INVALID_TARGET.test(written)) return undefined;
  const target = classifyLinkTarget(written);
  return target === undefined ? undefined : { node, target };
}

/** The clean anchor text of a resolved link: its label, or its target as written, plus its trail. */
export function anchorText(link: ResolvedLink): string {
  return cleanInline(displayText(link));
}

/** Turns inline markup into clean text: external links to their label, no quotes or magic words, entities decoded. */
export function cleanInline(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  const plain = text
    .replace(EXTERNAL_LINK, (_whole, label: string | undefined) => label ?? "")
    .replace(QUOTES, quoteRemainder)
    .replace(MAGIC_WORD, "")
    .replaceAll(TAG_MARK, "");
  return tidyPunctuation(decodeHtmlEntities(plain).replace(/\s+/g, " ").trim());
}

/** What a run of apostrophes leaves once bold and italic are gone: four are an apostrophe then bold. */
function quoteRemainder(run: string): string {
  if (run.length === 4) return "'";
  return run.length > 5 ? "'".repeat(run.length - 5) : "";
}

/** Removes the husks of dropped templates: `( , ; born 1954)` → `(born 1954)`, `X ()` → `X`, `a , b` → `a, b`. */
function tidyPunctuation(text: string): string {
  return text
    .replace(/\( ?(?:[,;] ?)+/g, "(")
    .replace(/ ?\( ?\)/g, "")
    .replace(/ ([,.])(?= |$)/g, "$1");
}

function renderLink(node: WikiNode): string {
  const link = resolveLink(node);
  if (link === undefined) return renderParts(node.parts) + node.trail;
  const { kind, colon } = link.target;
  if (!colon && (kind === "category" || kind === "file" || kind === "language")) return node.trail;
  return displayText(link);
}

function displayText(link: ResolvedLink): string {
  const { node, target } = link;
  const written = (writtenText(node.parts[0]) ?? "").trim().replace(/^:/, "");
  const label = node.parts.length > 1 ? renderParts(node.parts.slice(1)) : undefined;
  if (label === undefined) return written + node.trail;
  if (label.trim() === "" && node.parts.length === 2) return pipeTrick(written, target) + node.trail;
  return label + node.trail;
}

/** `[[Paris, Texas|]]` shows "Paris", `[[Mercury (planet)|]]` shows "Mercury", `[[Help:Links|]]` shows "Links". */
function pipeTrick(written: string, target: LinkTarget): string {
  const title = target.kind === "article" ? written : written.slice(written.indexOf(":") + 1);
  const bare = title.replace(/\s*\([^()]*\)\s*$/, "");
  const comma = bare.indexOf(",");
  return (comma > 0 ? bare.slice(0, comma) : bare).trim();
}

/** The text of an inline template (`{{lang|de|Berlin}}` → "Berlin"), "" for every other template. */
function renderTemplate(node: WikiNode): string {
  const [name, ...params] = node.parts;
  const written = writtenText(name);
  if (written === undefined) return "";
  const positional = () =>
    params.filter((part) => !isNamedParameter(part)).map((part) => renderParts([part]).trim());
  return renderInlineTemplate(written.replace(TEMPLATE_NAMESPACE, ""), positional) ?? "";
}

/** True for `name = value`: an `=` in the text before any nested structure. */
function isNamedParameter(part: readonly WikiItem[]): boolean {
  for (const item of part) {
    if (typeof item !== "string") return false;
    if (item.includes("=")) return true;
  }
  return false;
}

function renderParts(parts: readonly (readonly WikiItem[])[]): string {
  const out: string[] = [];
  parts.forEach((part, index) => {
    if (index > 0) out.push("|");
    renderItems(part, out);
  });
  return out.join("");
}

/** The text of a part made of plain text only (a link target, a template name), or undefined. */
function writtenText(part: readonly WikiItem[] | undefined): string | undefined {
  let written = "";
  for (const item of part ?? []) {
    if (typeof item !== "string") return undefined;
    written += item;
  }
  return written.replaceAll(TAG_MARK, "");
}
