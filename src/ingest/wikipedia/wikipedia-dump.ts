/**
 * Streams the pages of a MediaWiki XML dump (Wikipedia's `pages-articles` export), `.xml` or `.xml.bz2`,
 * as plain objects: title, namespace, redirect target, and for articles their lead, links and categories.
 * Memory holds the pages of one decompressed chunk at most, whatever the size of the file.
 * A missing file raises DUMP_NOT_FOUND, a truncated or corrupt file DUMP_UNREADABLE, malformed XML
 * DUMP_INVALID; the message names the file, the line or bytes reached and the page being read.
 */
import { SaxesParser } from "saxes";
import { CampusGraphError } from "../../core/errors.js";
import { describeDumpReadError, readDumpText } from "./dump-text.js";
import { PageCollector, type RawPage } from "./page-collector.js";
import { normalizeTitle } from "./wiki-title.js";
import { analyzeArticle, extractCategories, extractRedirect, type WikiLink } from "./wikitext.js";

/** One page of a dump; lead and links are filled for articles (namespace 0) that are not redirects. */
export interface WikiPage {
  /** The title as in `<title>`, e.g. "Anarchism" or "Catégorie:Berlin". */
  readonly title: string;
  /** The namespace number (`<ns>`): 0 for articles, 14 for categories. */
  readonly namespace: number;
  /** The page id (`<id>`), when present. */
  readonly id: number | undefined;
  /** The normalised target of `<redirect title>` or of `#REDIRECT [[X]]` in the text. */
  readonly redirect: string | undefined;
  /** The plain text of the lead paragraph of the latest revision; undefined for non-articles and redirects. */
  readonly lead: string | undefined;
  /** The internal links of the article with their anchor texts; empty for non-articles and redirects. */
  readonly links: readonly WikiLink[];
  /** The categories of the page (`[[Category:X]]`, `[[Catégorie:X]]`), without the namespace. */
  readonly categories: readonly string[];
}

/** Options of `readWikipediaDump`. */
export interface ReadWikipediaDumpOptions {
  /** Name used in error messages; default: the path. */
  readonly label?: string;
  /** Called with the number of raw (compressed) bytes read from disk, for progress. */
  readonly onBytes?: (bytes: number) => void;
}

/** Yields every page of the dump at `path`, in file order, decompressing bzip2 as it reads. */
export async function* readWikipediaDump(
  path: string,
  options: ReadWikipediaDumpOptions = {},
): AsyncGenerator<WikiPage> {
  const reading = new DumpReading(path, options);
  try {
    for (let chunk = await reading.next(); chunk !== undefined; chunk = await reading.next()) {
      reading.parse(chunk);
      for (const page of reading.collector.take()) yield toWikiPage(page);
    }
    reading.finish();
    for (const page of reading.collector.take()) yield toWikiPage(page);
  } finally {
    await reading.close();
  }
}

/**
 * The language of a dump from its `<siteinfo>`: "enwiki" → "en", "frwiki" → "fr", "zh_min_nanwiki" →
 * "zh-min-nan"; falls back to the root's `xml:lang`, undefined when neither is there. Reads only the header.
 */
export async function detectDumpLanguage(path: string): Promise<string | undefined> {
  const reading = new DumpReading(path, {});
  let lang: string | undefined;
  reading.parser.on("opentag", (tag) => {
    if (tag.name === "mediawiki") lang = tag.attributes["xml:lang"];
  });
  try {
    for (let chunk = await reading.next(); chunk !== undefined; chunk = await reading.next()) {
      reading.parse(chunk);
      const dbname = reading.collector.dbname;
      if (dbname !== undefined) return /^(.+?)wiki$/.exec(dbname)?.[1]?.replace(/_/g, "-") ?? lang;
      if (reading.collector.title !== undefined) break;
    }
    return lang;
  } finally {
    await reading.close();
  }
}

/** Turns the raw fields of a page into a `WikiPage`, reading the wikitext of articles only. */
function toWikiPage(raw: RawPage): WikiPage {
  const redirect = raw.redirect !== undefined ? normalizeTitle(raw.redirect) : extractRedirect(raw.text);
  const page = { title: raw.title, namespace: raw.namespace, id: raw.id, redirect };
  if (raw.namespace !== 0 || redirect !== undefined) {
    return { ...page, lead: undefined, links: [], categories: extractCategories(raw.text) };
  }
  return { ...page, ...analyzeArticle(raw.text) };
}

/** One pass over a dump file: its text stream, its XML parser and page collector, and its error reports. */
class DumpReading {
  readonly parser = new SaxesParser();
  readonly collector = new PageCollector(this.parser);
  private readonly label: string;
  private readonly text: AsyncGenerator<string>;
  private bytes = 0;

  constructor(path: string, options: ReadWikipediaDumpOptions) {
    this.label = options.label ?? path;
    this.text = readDumpText(path, (bytes) => {
      this.bytes += bytes;
      options.onBytes?.(bytes);
    });
  }

  /** The next chunk of text, or undefined at the end of the file. */
  async next(): Promise<string | undefined> {
    try {
      const step = await this.text.next();
      return step.done ? undefined : step.value;
    } catch (error) {
      const code = (error as { code?: unknown }).code === "ENOENT" ? "DUMP_NOT_FOUND" : "DUMP_UNREADABLE";
      const problem = describeDumpReadError(error);
      throw new CampusGraphError(code, { file: this.label, place: this.place(), problem }, { cause: error });
    }
  }

  /** Feeds a chunk of text to the XML parser, failing as soon as the root element is not `<mediawiki>`. */
  parse(chunk: string): void {
    this.guardXml(() => this.parser.write(chunk));
    const root = this.collector.root;
    if (root !== undefined && root !== "mediawiki")
      this.failRoot(`the root element is <${root}>, not <mediawiki>`);
  }

  /** Ends the XML document, checking that every element is closed. */
  finish(): void {
    this.guardXml(() => this.parser.close());
    if (this.collector.root === undefined) this.failRoot("no XML element");
  }

  async close(): Promise<void> {
    await this.text.return(undefined);
  }

  private guardXml(action: () => void): void {
    try {
      action();
    } catch (error) {
      // saxes prefixes its messages with "line:column: ", which `place` already says.
      const problem = (error instanceof Error ? error.message : String(error)).replace(/^\d+:\d+: /, "");
      const place = `line ${this.parser.line}, column ${this.parser.column}, ${this.collector.position()}`;
      throw new CampusGraphError("DUMP_INVALID", { file: this.label, place, problem }, { cause: error });
    }
  }

  private failRoot(problem: string): never {
    throw new CampusGraphError("DUMP_INVALID", { file: this.label, place: this.place(), problem });
  }

  private place(): string {
    return `${this.bytes.toLocaleString("en-US")} bytes read, ${this.collector.position()}`;
  }
}
