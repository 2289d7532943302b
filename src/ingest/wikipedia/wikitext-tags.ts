/**
 * The first pass over wikitext: removes comments, drops HTML-like tags whose content is not prose
 * (`<ref>`, `<math>`, `<gallery>`, `<table>`…) and keeps the inner text of the others (`<span>`, `<small>`…).
 * One left-to-right scan; an unclosed tag drops only itself, so stray markup never swallows the page.
 */

/** Left where a tag was removed: stops a link trail (`[[cell]]<ref/>s`) and is deleted from the final text. */
export const TAG_MARK = "\uE000";

/** Tags whose content is dropped with them. */
const DROPPED = new Set([
  ...["ref", "references", "math", "chem", "ce", "gallery", "timeline", "table", "imagemap", "score"],
  ...["graph", "mapframe", "maplink", "templatestyles", "templatedata", "inputbox", "categorytree"],
  ...["syntaxhighlight", "source", "hiero", "includeonly", "indicator", "charinsert"],
]);
/** Tags whose content is shown literally, markup included. */
const LITERAL = new Set(["nowiki", "pre"]);
/** Tags removed with their content kept; those that break a line leave a space. */
const INLINE = new Set([
  ...["b", "i", "u", "s", "strike", "del", "ins", "small", "big", "sub", "sup", "span", "font", "em"],
  ...["strong", "code", "tt", "kbd", "samp", "var", "abbr", "cite", "q", "dfn", "mark", "bdi", "bdo"],
  ...[
    "ruby",
    "rb",
    "rt",
    "rp",
    "wbr",
    "time",
    "data",
    "onlyinclude",
    "poem",
    "section",
    "center",
    "noinclude",
  ],
]);
const BLOCK = new Set([
  ...["br", "hr", "p", "div", "blockquote", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th"],
  ...["caption", "tbody", "thead", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption"],
]);

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)(?=[\s/>])([^<>]*)>/y;
const ESCAPES: Readonly<Record<string, string>> = {
  "[": "&#91;",
  "]": "&#93;",
  "{": "&#123;",
  "}": "&#125;",
  "|": "&#124;",
  "'": "&#39;",
  "<": "&lt;",
  "=": "&#61;",
};
const closers = new Map<string, RegExp>();

/** Removes comments and tags from `wikitext`, keeping the prose of inline tags and escaping `<nowiki>` content. */
export function stripCommentsAndTags(wikitext: string): string {
  const out: string[] = [];
  const unclosed = new Set<string>();
  let from = 0;
  let at = wikitext.indexOf("<");
  while (at !== -1) {
    const cut = readMarkup(wikitext, at, unclosed);
    if (cut !== undefined) {
      out.push(wikitext.slice(from, at), cut.replacement);
      from = cut.end;
    }
    at = wikitext.indexOf("<", cut === undefined ? at + 1 : cut.end);
  }
  out.push(wikitext.slice(from));
  return out.join("");
}

interface Cut {
  readonly end: number;
  readonly replacement: string;
}

/** Reads the comment or known tag starting at `at`, or returns undefined for a `<` that is plain text. */
function readMarkup(text: string, at: number, unclosed: Set<string>): Cut | undefined {
  if (text.startsWith("<!--", at)) {
    const close = text.indexOf("-->", at + 4);
    // MediaWiki hides an unclosed comment up to the end of the page.
    return { end: close === -1 ? text.length : close + 3, replacement: "" };
  }
  TAG.lastIndex = at;
  const tag = TAG.exec(text);
  if (tag === null) return undefined;
  const name = (tag[2] ?? "").toLowerCase();
  const end = at + tag[0].length;
  const opening = tag[1] === "" && !(tag[3] ?? "").endsWith("/");
  if (DROPPED.has(name)) {
    const close = opening ? findClose(text, name, end, unclosed) : undefined;
    return { end: close?.end ?? end, replacement: TAG_MARK };
  }
  if (LITERAL.has(name)) {
    const close = opening ? findClose(text, name, end, unclosed) : undefined;
    if (close === undefined) return { end, replacement: TAG_MARK };
    return { end: close.end, replacement: escapeMarkup(text.slice(end, close.start)) + TAG_MARK };
  }
  if (BLOCK.has(name)) return { end, replacement: ` ${TAG_MARK}` };
  return INLINE.has(name) ? { end, replacement: TAG_MARK } : undefined;
}

/** Finds `</name>` after `from`; remembers a missing one so that later tags of that name do not search again. */
function findClose(
  text: string,
  name: string,
  from: number,
  unclosed: Set<string>,
): { start: number; end: number } | undefined {
  if (unclosed.has(name)) return undefined;
  let closer = closers.get(name);
  if (closer === undefined) {
    closer = new RegExp(`</${name}\\s*>`, "gi");
    closers.set(name, closer);
  }
  closer.lastIndex = from;
  const found = closer.exec(text);
  if (found === null) {
    unclosed.add(name);
    return undefined;
  }
  return { start: found.index, end: found.index + found[0].length };
}

function escapeMarkup(text: string): string {
  return text.replace(/[[\]{}|'<=]/g, (char) => ESCAPES[char] ?? char);
}
