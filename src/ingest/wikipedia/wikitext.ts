/**
 * What Campus Graph reads in one page's wikitext: its links with their anchor texts, its categories, its
 * plain text, its lead paragraph and its redirect target. Pure functions, linear in the text's length:
 * comments and tags go first (`wikitext-tags.ts`), then brackets are parsed (`wikitext-tree.ts`) and
 * rendered (`wikitext-render.ts`), then line markup (headings, lists) is read.
 * Links and categories are collected everywhere except in comments and dropped tags (`<ref>`, `<math>`…),
 * so the links of an infobox, a table or an image caption count; the plain text leaves those out.
 */
import { normalizeTitle } from "./wiki-title.js";
import { anchorText, cleanInline, type ResolvedLink, renderItems, resolveLink } from "./wikitext-render.js";
import { stripCommentsAndTags, TAG_MARK } from "./wikitext-tags.js";
import { parseWikitext, type WikiItem } from "./wikitext-tree.js";

/** An internal link to an article: its normalised target title and the text shown for it. */
export interface WikiLink {
  readonly target: string;
  readonly anchor: string;
}

/** Options of `extractLeadParagraph`. */
export interface LeadOptions {
  /** When the first paragraph is shorter than this, the next one is added; default 200 characters. */
  readonly minLength?: number;
  /** The lead is cut at the last sentence end before this length; default 1,200 characters. */
  readonly maxLength?: number;
}

/** What the dump reader keeps of an article's wikitext. */
export interface ArticleText {
  readonly lead: string;
  readonly links: readonly WikiLink[];
  readonly categories: readonly string[];
}

interface Block {
  readonly heading: boolean;
  readonly text: string;
}

const REDIRECT = /^\s*#\s*(?:REDIRECT|REDIRECTION|WEITERLEITUNG)\s*(?::\s*)?\[\[([^\]|\n]+)/i;
const LIST_MARKERS = /^[*#:;]+/;
const HEADING_LINE = /^=[^\n]*=[ \t]*$/m;
const RULE_OR_BLANK = /^\s*(?:-{4,}\s*)?$/;
const SENTENCE_END = /[.!?…][)"'»”’]?(?=\s)/g;

/** Every internal link to an article, in order: `[[Target|anchor]]` → `{ target: "Target", anchor: "anchor" }`. */
export function extractLinks(wikitext: string): WikiLink[] {
  return linksOf(parse(wikitext)).links;
}

/** The names of the categories the page belongs to, in order, each once: `[[Category:X|key]]` → "X". */
export function extractCategories(wikitext: string): string[] {
  return linksOf(parse(wikitext)).categories;
}

/** The text a reader sees, on one line: no templates, tables, references, files, categories or markup. */
export function wikitextToPlainText(wikitext: string): string {
  return renderBlocks(parse(wikitext), false)
    .map((block) => block.text)
    .join(" ");
}

/** The plain text of the first paragraphs before the first heading, or "" when the lead has no prose. */
export function extractLeadParagraph(wikitext: string, options: LeadOptions = {}): string {
  return leadOf(parse(wikitext), options);
}

/** The lead, links and categories of an article, reading its wikitext once. */
export function analyzeArticle(wikitext: string, options: LeadOptions = {}): ArticleText {
  const items = parse(wikitext);
  return { lead: leadOf(items, options), ...linksOf(items) };
}

/** The normalised target of `#REDIRECT [[X]]` (or `#REDIRECTION`) at the start of the text, if any. */
export function extractRedirect(wikitext: string): string | undefined {
  const raw = REDIRECT.exec(wikitext)?.[1];
  if (raw === undefined) return undefined;
  const title = normalizeTitle(raw.replace(/#.*$/s, "").replace(/^\s*:/, ""));
  return title === "" ? undefined : title;
}

function parse(wikitext: string): WikiItem[] {
  return parseWikitext(stripCommentsAndTags(wikitext));
}

/** The article links (with anchors) and the categories (each once) of a parsed page, in one walk. */
function linksOf(items: readonly WikiItem[]): { links: WikiLink[]; categories: string[] } {
  const links: WikiLink[] = [];
  const categories = new Set<string>();
  visitLinks(items, ({ node, target }) => {
    if (target.kind === "article") links.push({ target: target.title, anchor: anchorText({ node, target }) });
    if (target.kind === "category" && !target.colon) categories.add(target.title);
  });
  return { links, categories: [...categories] };
}

function leadOf(items: readonly WikiItem[], options: LeadOptions): string {
  const minLength = options.minLength ?? 200;
  const maxLength = options.maxLength ?? 1200;
  const blocks = renderBlocks(items, true);
  const end = blocks.findIndex((block) => block.heading);
  const paragraphs = blocks.slice(0, end === -1 ? blocks.length : end).map((block) => block.text);
  const [first = "", second] = paragraphs;
  const lead = first.length < minLength && second !== undefined ? `${first} ${second}` : first;
  return cutAtSentence(lead, maxLength);
}

/** Calls `visit` for every resolvable link, looking inside templates, tables, captions and broken links. */
function visitLinks(items: readonly WikiItem[], visit: (link: ResolvedLink) => void): void {
  for (const item of items) {
    if (typeof item === "string") continue;
    const link = item.kind === "link" ? resolveLink(item) : undefined;
    if (link !== undefined) visit(link);
    // An article's anchor holds no links; a file's caption and a template's parameters may.
    const kind = link?.target.kind;
    if (kind === "article" || kind === "other" || kind === "section") continue;
    for (const part of item.parts) visitLinks(part, visit);
  }
}

/**
 * Splits the rendered page into headings and paragraphs (blank lines and list items separate paragraphs);
 * with `leadOnly`, renders only what comes before the first heading and returns its paragraphs.
 */
function renderBlocks(items: readonly WikiItem[], leadOnly: boolean): Block[] {
  const out: string[] = [];
  if (leadOnly) renderLead(items, out);
  else renderItems(items, out);
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const add = (heading: boolean, lines: readonly string[]): void => {
    const text = cleanInline(lines.join(" "));
    // An empty heading still ends the lead.
    if (text !== "" || heading) blocks.push({ heading, text });
  };
  for (const line of out.join("").replaceAll(TAG_MARK, "").split("\n")) {
    const heading = headingText(line);
    const item = LIST_MARKERS.test(line);
    if (heading === undefined && !item && !RULE_OR_BLANK.test(line)) {
      paragraph.push(line);
      continue;
    }
    add(false, paragraph);
    paragraph = [];
    if (heading !== undefined) add(true, [heading]);
    if (item) add(false, [line.replace(LIST_MARKERS, "")]);
  }
  add(false, paragraph);
  return blocks;
}

/** Renders the top-level items up to the first heading line, so that the lead costs what the lead weighs. */
function renderLead(items: readonly WikiItem[], out: string[]): void {
  for (const item of items) {
    const heading = typeof item === "string" ? HEADING_LINE.exec(item) : null;
    if (heading !== null) {
      out.push(heading.input.slice(0, heading.index));
      return;
    }
    renderItems([item], out);
  }
}

/** The text of a `== Heading ==` line, or undefined for any other line. */
function headingText(line: string): string | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith("=") || !trimmed.endsWith("=")) return undefined;
  let level = 0;
  while (level < 6 && trimmed[level] === "=" && trimmed[trimmed.length - 1 - level] === "=") level += 1;
  return trimmed.length > 2 * level ? trimmed.slice(level, trimmed.length - level) : undefined;
}

/** Cuts `text` after the last sentence end before `maxLength`, or at a word with "…" when there is none. */
function cutAtSentence(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const head = `${text.slice(0, maxLength)} `;
  let end = -1;
  for (const match of head.matchAll(SENTENCE_END)) end = match.index + match[0].length;
  if (end > maxLength / 4) return head.slice(0, end).trim();
  const space = head.lastIndexOf(" ", maxLength - 1);
  return `${head.slice(0, space > 0 ? space : maxLength).trim()}…`;
}
