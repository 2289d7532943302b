import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CampusGraphError, isCampusGraphError } from "../../core/errors.js";
import { detectDumpLanguage, readWikipediaDump, type WikiPage } from "./wikipedia-dump.js";

const RAW = join(import.meta.dirname, "..", "..", "..", "..", "shared", "data", "raw");
const EN_206 = join(RAW, "enwiki-excerpt-206-pages.xml.bz2");
const EN_TABLES = join(RAW, "enwiki-excerpt-table-markup.xml.bz2");
const EN_27 = join(RAW, "enwiki-minidump-27-pages.xml.bz2");
const FR_3 = join(RAW, "frwiki-minidump-3-pages.xml.bz2");
const missingData = !existsSync(EN_206);

const folder = mkdtempSync(join(tmpdir(), "campus-graph-wikidump-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string): Promise<WikiPage[]> {
  const pages: WikiPage[] = [];
  for await (const page of readWikipediaDump(path)) pages.push(page);
  return pages;
}

/** Reads the dump to its end and returns the pages read and the error that stopped it. */
async function readUntilError(path: string): Promise<{ pages: WikiPage[]; error: CampusGraphError }> {
  const pages: WikiPage[] = [];
  try {
    for await (const page of readWikipediaDump(path)) pages.push(page);
  } catch (error) {
    if (error instanceof CampusGraphError) return { pages, error };
    throw error;
  }
  throw new Error(`${path} was read without error`);
}

const cache = new Map<string, Promise<WikiPage[]>>();

/** The pages of a real excerpt, read once for all the tests that look at them. */
function pagesOf(path: string): Promise<WikiPage[]> {
  const cached = cache.get(path) ?? readAll(path);
  cache.set(path, cached);
  return cached;
}

function page(pages: readonly WikiPage[], title: string): WikiPage {
  const found = pages.find((candidate) => candidate.title === title);
  if (found === undefined) throw new Error(`no page "${title}"`);
  return found;
}

describe.skipIf(missingData)("readWikipediaDump on real dump excerpts", () => {
  it("reads the 206 pages of the English excerpt, 100 of them redirects (one outside the articles)", async () => {
    const pages = await pagesOf(EN_206);
    expect(pages).toHaveLength(206);
    expect(pages.filter((p) => p.redirect !== undefined)).toHaveLength(100);
    expect(pages.filter((p) => p.namespace === 0 && p.redirect !== undefined)).toHaveLength(99);
    expect(pages.filter((p) => p.lead !== undefined)).toHaveLength(106);
  });

  it("reads a redirect's normalised target and gives it no lead or links", async () => {
    const redirect = page(await pagesOf(EN_206), "AccessibleComputing");
    expect(redirect).toMatchObject({
      namespace: 0,
      id: 10,
      redirect: "Computer accessibility",
      lead: undefined,
    });
    expect(redirect.links).toEqual([]);
  });

  it("reads an article's id, plain-text lead, anchored links and categories", async () => {
    const anarchism = page(await pagesOf(EN_206), "Anarchism");
    expect(anarchism.id).toBe(12);
    expect(anarchism.lead).toMatch(
      /^Anarchism is a political philosophy that advocates self-governed societies based on voluntary institutions\. /,
    );
    expect(anarchism.lead?.length).toBeLessThanOrEqual(1200);
    expect(anarchism.links.slice(0, 3)).toEqual([
      { target: "Political philosophy", anchor: "political philosophy" },
      { target: "Self-governance", anchor: "self-governed" },
      { target: "Stateless society", anchor: "stateless societies" },
    ]);
    expect(anarchism.categories.slice(0, 3)).toEqual([
      "Anarchism",
      "Political culture",
      "Political ideologies",
    ]);
  });

  it("leaves no table or infobox markup in the leads of the table-heavy pages, and reads links in tables", async () => {
    const pages = await readAll(EN_TABLES);
    expect(pages).toHaveLength(5);
    for (const { lead } of pages) {
      expect(lead).toBeTruthy();
      expect(lead).not.toMatch(/\{\||\|\}|\|-|\|\||wikitable|cellpadding|Infobox|\{\{|\}\}|\[\[|=/);
    }
    expect(page(pages, "Economy of Estonia").lead).toMatch(/^Estonian economy is an advanced economy/);
    // The first links of this page sit in a table after its first heading.
    expect(page(pages, "List of Prison Break characters").links[0]).toEqual({
      target: "Amaury Nolasco",
      anchor: "Amaury Nolasco",
    });
  });

  it("reads the 27 pages of the English minidump, a category page among them", async () => {
    const pages = await readAll(EN_27);
    expect(pages).toHaveLength(27);
    expect(page(pages, "Category:Pininfarina")).toMatchObject({ namespace: 14, lead: undefined, links: [] });
    expect(page(pages, "The Amazing Spider-Man (2012 film)").redirect).toBe("The Amazing Spider-Man (film)");
    expect(page(pages, 'Ren & Stimpy "Adult Party Cartoon"').namespace).toBe(0);
  });

  it("reads the 3 French pages with their French categories and leads", async () => {
    const pages = await readAll(FR_3);
    expect(pages.map((p) => p.title)).toEqual(["Antoine Meillet", "Autriche", "Berlin"]);
    expect(page(pages, "Antoine Meillet").categories).toEqual(
      expect.arrayContaining(["Linguiste français", "Naissance à Moulins (Allier)", "Décès dans le Cher"]),
    );
    expect(page(pages, "Autriche").categories).toEqual(["Autriche"]);
    expect(page(pages, "Berlin").categories).toContain("Capitale européenne de la culture");
    expect(page(pages, "Berlin").categories).not.toContain("Gare de trains grandes lignes à Berlin");
    expect(page(pages, "Antoine Meillet").lead).toMatch(
      /^Paul Jules Antoine Meillet, né le 11 novembre 1866 à Moulins/,
    );
    expect(page(pages, "Autriche").lead).toMatch(/^L'Autriche, en forme longue la république d'Autriche/);
  });

  it("reports the raw bytes read, which add up to the file size", async () => {
    let bytes = 0;
    for await (const _page of readWikipediaDump(FR_3, { onBytes: (n) => (bytes += n) })) {
      // Only the byte count matters here.
    }
    expect(bytes).toBe(statSync(FR_3).size);
  });

  it("reads uncompressed XML, and bzip2 recognised by its magic bytes under any name", async () => {
    const titles = (await readAll(FR_3)).map((p) => p.title);
    const renamed = join(folder, "fr.dump");
    copyFileSync(FR_3, renamed);
    expect((await readAll(renamed)).map((p) => p.title)).toEqual(titles);
  });

  it("stops reading when the consumer stops", async () => {
    for await (const first of readWikipediaDump(EN_206)) {
      expect(first.title).toBe("AccessibleComputing");
      break;
    }
  });

  it("reports a truncated bzip2 file with its name, after the pages read before the cut", async () => {
    // unbzip2-stream decodes a block once ~925 kB follow it, so the cut must come late enough to leave pages.
    const cut = file("cut.xml.bz2", readFileSync(EN_206).subarray(0, 1_400_000));
    const { pages, error } = await readUntilError(cut);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThan(206);
    expect(error.code).toBe("DUMP_UNREADABLE");
    expect(error.message).toContain(cut);
    expect(error.message).toContain("truncated");
    // The page being read when the data ran out: the one after the last page yielded.
    expect(error.message).toContain('1,400,000 bytes read, in page "Animation"');
    expect(pages.at(-1)?.title).toBe("Austin (disambiguation)");
  });

  it("detects the language from the dump's dbname", async () => {
    expect(await detectDumpLanguage(EN_206)).toBe("en");
  });
});

describe("readWikipediaDump on broken input", () => {
  it("reports malformed XML with the file, the line and the page being read", async () => {
    const xml =
      "<mediawiki>\n<page><title>Broken</title><ns>0</ns>\n<revision><text>x</revision></page></mediawiki>";
    const path = file("broken.xml", xml);
    const { pages, error } = await readUntilError(path);
    expect(pages).toEqual([]);
    expect(error.code).toBe("DUMP_INVALID");
    expect(error.message).toContain(path);
    expect(error.message).toContain("line 3");
    expect(error.message).toContain('page "Broken"');
  });

  it("reports XML that ends before its elements are closed", async () => {
    const path = file(
      "unfinished.xml",
      "<mediawiki><page><title>A</title><ns>0</ns></page><page><title>B</title>",
    );
    const { pages, error } = await readUntilError(path);
    expect(pages.map((p) => p.title)).toEqual(["A"]);
    expect(error.code).toBe("DUMP_INVALID");
    expect(error.message).toMatch(/unclosed tag/);
  });

  it("rejects well-formed XML that is not a MediaWiki export", async () => {
    const { error } = await readUntilError(file("other.xml", "<html><body/></html>"));
    expect(error.code).toBe("DUMP_INVALID");
    expect(error.message).toContain("<html>");
  });

  it("reports a missing file", async () => {
    const path = join(folder, "nowhere.xml.bz2");
    const { error } = await readUntilError(path);
    expect(isCampusGraphError(error, "DUMP_NOT_FOUND")).toBe(true);
    expect(error.message).toContain(path);
  });

  it("reports bytes that are not bzip2 in a .bz2 file", async () => {
    const { error } = await readUntilError(
      file("noise.xml.bz2", Buffer.from("BZh9 this is not compressed data")),
    );
    expect(error.code).toBe("DUMP_UNREADABLE");
    expect(error.message).toContain("noise.xml.bz2");
  });

  it("reads pages, redirects from the text, and the language of a small hand-written dump", async () => {
    const xml = [
      '<mediawiki xml:lang="fr"><siteinfo><dbname>frwiki</dbname></siteinfo>',
      "<page><title>Catégorie:Berlin</title><ns>14</ns><id>7</id><revision><text>[[Catégorie:Ville]]</text></revision></page>",
      "<page><title>Vienne</title><ns>0</ns><id>8</id><revision><text>old</text></revision>",
      "<revision><text>#REDIRECTION [[vienne_(Autriche)]]</text></revision></page></mediawiki>",
    ].join("\n");
    const path = file("fr.xml", xml);
    const pages = await readAll(path);
    expect(pages).toEqual([
      {
        title: "Catégorie:Berlin",
        namespace: 14,
        id: 7,
        redirect: undefined,
        lead: undefined,
        links: [],
        categories: ["Ville"],
      },
      {
        title: "Vienne",
        namespace: 0,
        id: 8,
        redirect: "Vienne (Autriche)",
        lead: undefined,
        links: [],
        categories: [],
      },
    ]);
    expect(await detectDumpLanguage(path)).toBe("fr");
  });
});
