/**
 * Assembles the `<page>` elements of a MediaWiki XML export from a SAX parser's events, one page at a time:
 * title, namespace, page id, `<redirect title>` and the text of the last revision (the latest one in a
 * dump), plus the `<dbname>` of `<siteinfo>`. Other elements (contributors, comments, hashes) are skipped.
 */
import type { SaxesParser, SaxesTagPlain } from "saxes";

/** The raw fields of one `<page>`, as written in the XML. */
export interface RawPage {
  readonly title: string;
  readonly namespace: number;
  readonly id: number | undefined;
  readonly redirect: string | undefined;
  readonly text: string;
}

/** Fields read as text, by the path of parent elements that leads to them. */
const CAPTURED: Readonly<Record<string, string>> = {
  "mediawiki/page/title": "title",
  "mediawiki/page/ns": "ns",
  "mediawiki/page/id": "id",
  "mediawiki/page/revision/text": "text",
  "mediawiki/siteinfo/dbname": "dbname",
};

/** Collects the pages of a dump from the events of a saxes parser. */
export class PageCollector {
  /** The `<dbname>` of the dump's `<siteinfo>` (e.g. "enwiki"), once read. */
  dbname: string | undefined;
  /** The title of the page being read, once its `<title>` is read. */
  title: string | undefined;
  /** The title of the last page read to its end. */
  lastTitle: string | undefined;
  /** The name of the document's root element, once read. */
  root: string | undefined;
  private readonly path: string[] = [];
  private readonly ready: RawPage[] = [];
  private fields = new Map<string, string>();
  private redirect: string | undefined;
  private capture: string | undefined;
  private pieces: string[] = [];

  constructor(parser: SaxesParser) {
    parser.on("opentag", (tag) => this.open(tag));
    parser.on("closetag", (tag) => this.close(tag));
    parser.on("text", (text) => this.append(text));
    parser.on("cdata", (text) => this.append(text));
  }

  /** Where the parser is, for error messages: `in page "X"`, `after page "X"` or `before the first page`. */
  position(): string {
    if (this.path[1] === "page" && this.title !== undefined) return `in page "${this.title}"`;
    return this.lastTitle === undefined ? "before the first page" : `after page "${this.lastTitle}"`;
  }

  /** Returns the pages completed since the last call, and forgets them. */
  take(): RawPage[] {
    return this.ready.splice(0, this.ready.length);
  }

  private open(tag: SaxesTagPlain): void {
    this.path.push(tag.name);
    if (this.path.length === 1) this.root = tag.name;
    const path = this.path.join("/");
    if (path === "mediawiki/page") {
      this.fields = new Map();
      this.redirect = undefined;
      this.title = undefined;
    } else if (path === "mediawiki/page/redirect") {
      this.redirect = tag.attributes.title;
    }
    this.capture = CAPTURED[path];
    this.pieces = [];
  }

  private close(tag: SaxesTagPlain): void {
    if (this.capture !== undefined) this.store(this.capture, this.pieces.join(""));
    this.capture = undefined;
    this.pieces = [];
    if (tag.name === "page" && this.path.length === 2) this.ready.push(this.finishPage());
    this.path.pop();
  }

  private append(text: string): void {
    if (this.capture !== undefined) this.pieces.push(text);
  }

  private store(field: string, value: string): void {
    if (field === "dbname") this.dbname = value.trim();
    else this.fields.set(field, value);
    if (field === "title") this.title = value;
  }

  private finishPage(): RawPage {
    this.lastTitle = this.title;
    const id = Number.parseInt(this.fields.get("id") ?? "", 10);
    const namespace = Number.parseInt(this.fields.get("ns") ?? "", 10);
    return {
      title: this.fields.get("title") ?? "",
      namespace: Number.isNaN(namespace) ? 0 : namespace,
      id: Number.isNaN(id) ? undefined : id,
      redirect: this.redirect,
      text: this.fields.get("text") ?? "",
    };
  }
}
