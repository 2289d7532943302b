/**
 * Parses wikitext (after `stripCommentsAndTags`) into a tree of its bracketed structures: templates `{{…}}`,
 * template parameters `{{{…}}}`, tables `{|…|}` and links `[[…]]`, with plain text between them.
 * One left-to-right scan with a stack: a closer pops to the nearest opener of its kind (an unclosed opener
 * in between becomes plain text), a closer with no opener is plain text, and nesting is capped, so any
 * input parses in linear time.
 */

/** A bracketed structure of wikitext. */
export interface WikiNode {
  readonly kind: "template" | "parameter" | "table" | "link";
  /** The content split at the node's own `|` (`[[target|anchor]]`, `{{name|param|…}}`); one part for a table. */
  readonly parts: WikiItem[][];
  /** Lower-case letters glued after a link's `]]` (`[[cell]]s` → "s"), shown as part of its anchor. */
  trail: string;
}

/** Plain text or a bracketed structure. */
export type WikiItem = string | WikiNode;

type Kind = WikiNode["kind"];

interface Frame {
  readonly node: WikiNode;
  readonly opener: string;
  /** Single `[` opened inside a link's text (an external link in a caption), to read `]]]` right. */
  singles: number;
}

const MAX_DEPTH = 64;
const TRAIL = /\p{Ll}+/uy;
const OPENERS: Readonly<Record<Kind, string>> = { template: "{{", parameter: "{{{", table: "{|", link: "[[" };
const CLOSERS: Readonly<Record<Kind, number>> = { template: 2, parameter: 3, table: 2, link: 2 };

/** Parses `text` into plain text and bracketed structures. */
export function parseWikitext(text: string): WikiItem[] {
  return new TreeBuilder(text).build();
}

class TreeBuilder {
  private readonly root: WikiItem[][] = [[]];
  private readonly stack: Frame[] = [];
  private readonly open: Record<Kind, number> = { template: 0, parameter: 0, table: 0, link: 0 };
  /** Start of the plain text not yet added to the tree. */
  private from = 0;

  constructor(private readonly text: string) {}

  build(): WikiItem[] {
    const special = /[{}[\]|]/g;
    for (let found = special.exec(this.text); found !== null; found = special.exec(this.text)) {
      special.lastIndex = this.readToken(found.index);
    }
    this.flush(this.text.length);
    while (this.stack.length > 0) this.popUnclosed();
    return this.root[0] ?? [];
  }

  /** Handles the special character at `at` and returns where scanning resumes. */
  private readToken(at: number): number {
    const char = this.text[at];
    if (char === "{") return this.readOpenBraces(at);
    if (char === "}") return this.readCloseBraces(at);
    if (char === "[") return this.readOpenBrackets(at);
    if (char === "]") return this.readCloseBrackets(at);
    return this.readPipe(at);
  }

  private readOpenBraces(at: number): number {
    const run = this.runLength(at, "{");
    if (run === 1) {
      if (this.text[at + 1] !== "|" || !this.atLineStart(at)) return at + 1;
      this.openNode("table", at, at + 2);
      return at + 2;
    }
    let start = at;
    // {{{{x}}}} and other long runs: parameters first, then templates, as MediaWiki pairs them.
    for (let left = run; left >= 2; ) {
      const kind = left === 3 || left > 4 ? "parameter" : "template";
      const width = OPENERS[kind].length;
      this.openNode(kind, start, start + width);
      start += width;
      left -= width;
    }
    return start;
  }

  private readCloseBraces(at: number): number {
    let left = this.runLength(at, "}");
    let next = at;
    while (left >= 2) {
      const kind = this.braceCloserKind(left);
      const width = CLOSERS[kind];
      if (left < width || !this.close(kind, next, next + width)) break;
      next += width;
      left -= width;
    }
    return next + left;
  }

  /** The node a run of `left` closing braces ends first: the parameter on top, else the nearest template. */
  private braceCloserKind(left: number): "template" | "parameter" {
    if (left >= 3 && this.top()?.node.kind === "parameter") return "parameter";
    return this.open.template > 0 || left < 3 ? "template" : "parameter";
  }

  private readOpenBrackets(at: number): number {
    const run = this.runLength(at, "[");
    const frame = this.top();
    if (run === 1) {
      if (frame?.node.kind === "link") frame.singles += 1;
      return at + 1;
    }
    this.openNode("link", at + run - 2, at + run);
    return at + run;
  }

  private readCloseBrackets(at: number): number {
    let left = this.runLength(at, "]");
    let next = at;
    const frame = this.top();
    if (frame?.node.kind === "link" && frame.singles > 0) {
      // "]]]" after "[http://x label" in a caption: the first "]" ends the external link.
      const literal = Math.min(frame.singles, left === 1 ? 1 : left - 2);
      frame.singles -= literal;
      next += literal;
      left -= literal;
    }
    if (left < 2 || !this.close("link", next, next + 2)) return next + left;
    return this.readTrail(next + 2);
  }

  private readPipe(at: number): number {
    const frame = this.top();
    const closesTable = this.text[at + 1] === "}" && this.atLineStart(at);
    // "|}}" ends a template whose last parameter is empty, not a table.
    const endsTemplate = this.text[at + 2] === "}" && frame?.node.kind === "template";
    if (closesTable && !endsTemplate && this.close("table", at, at + 2)) return at + 2;
    if (frame !== undefined && frame.node.kind !== "table") {
      this.flush(at);
      frame.node.parts.push([]);
      this.from = at + 1;
    }
    return at + 1;
  }

  private readTrail(at: number): number {
    TRAIL.lastIndex = at;
    const trail = TRAIL.exec(this.text)?.[0] ?? "";
    const link = this.current().at(-1);
    if (trail === "" || typeof link !== "object") return at;
    link.trail = trail;
    this.from = at + trail.length;
    return this.from;
  }

  private openNode(kind: Kind, start: number, end: number): void {
    if (this.stack.length >= MAX_DEPTH) return;
    this.flush(start);
    this.stack.push({ node: { kind, parts: [[]], trail: "" }, opener: OPENERS[kind], singles: 0 });
    this.open[kind] += 1;
    this.from = end;
  }

  /** Closes the nearest open node of `kind` with the closer at `start…end`; false when none is open. */
  private close(kind: Kind, start: number, end: number): boolean {
    if (this.open[kind] === 0) return false;
    this.flush(start);
    while (this.top()?.node.kind !== kind) this.popUnclosed();
    const frame = this.pop();
    if (frame !== undefined) this.current().push(frame.node);
    this.from = end;
    return true;
  }

  /** Pops the top node as never closed: its opener and content become plain text of its parent. */
  private popUnclosed(): void {
    const frame = this.pop();
    if (frame === undefined) return;
    const parent = this.current();
    parent.push(frame.opener);
    frame.node.parts.forEach((part, index) => {
      if (index > 0) parent.push("|");
      // A loop, not push(...part): a part can hold more items than the call stack has room for arguments.
      for (const item of part) parent.push(item);
    });
  }

  private pop(): Frame | undefined {
    const frame = this.stack.pop();
    if (frame !== undefined) this.open[frame.node.kind] -= 1;
    return frame;
  }

  private flush(end: number): void {
    if (end > this.from) this.current().push(this.text.slice(this.from, end));
    this.from = Math.max(this.from, end);
  }

  private top(): Frame | undefined {
    return this.stack.at(-1);
  }

  private current(): WikiItem[] {
    const parts = this.top()?.node.parts ?? this.root;
    const part = parts.at(-1);
    if (part !== undefined) return part;
    const created: WikiItem[] = [];
    parts.push(created);
    return created;
  }

  private runLength(at: number, char: string): number {
    let end = at;
    while (this.text[end] === char) end += 1;
    return end - at;
  }

  /** True when only spaces or indentation colons precede `at` on its line (where `{|` and `|}` count). */
  private atLineStart(at: number): boolean {
    let before = at;
    while (before > 0 && (this.text[before - 1] === " " || this.text[before - 1] === ":")) before -= 1;
    return before === 0 || this.text[before - 1] === "\n";
  }
}
