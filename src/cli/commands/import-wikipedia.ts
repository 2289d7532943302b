/**
 * `campus-graph import-wikipedia DUMP [--lang en|fr] [--db FILE]`: enriches the concepts from a MediaWiki dump
 * (.xml or .xml.bz2): aliases from redirects, descriptions from leads, anchor statistics from links.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { databaseLocation } from "../../app/config.js";
import { importWikipedia } from "../../app/import-wikipedia.js";
import { openStore } from "../../app/open-store.js";
import { CampusGraphError } from "../../core/errors.js";
import { type Command, parseCommandArgs } from "../cli-context.js";
import { createProgress, formatCount } from "../progress.js";

export const importWikipediaCommand: Command = {
  summary: "enrich concepts from a Wikipedia dump: aliases, descriptions, link anchor statistics",
  usage: "import-wikipedia <dump.xml[.bz2]> [--lang en|fr] [--db FILE]",
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { db: { type: "string" }, lang: { type: "string" } },
      { min: 1, max: 1 },
    );
    if (values.lang !== undefined && !/^[a-z]{2,3}$/.test(values.lang)) {
      throw new CampusGraphError("INVALID_ARGUMENT", {
        problem: `--lang must be a language code such as en or fr, got "${values.lang}"`,
      });
    }
    const dump = resolve(context.cwd, positionals[0] ?? "");
    const total = statSync(dump, { throwIfNoEntry: false })?.size ?? 0;
    const db = databaseLocation(values.db, context.env, context.cwd);
    const store = await openStore(db);
    const progress = createProgress("import-wikipedia", context.stderr, { unit: "pages" });
    try {
      const report = await importWikipedia(store, dump, {
        ...(values.lang ? { lang: values.lang } : {}),
        onProgress: (bytes, pages) => progress.update(bytes, total, pages),
      });
      const mbPerSecond = report.bytesRead / 1e6 / Math.max(report.seconds, 1e-6);
      progress.finish(
        `${formatCount(report.pages)} pages in ${report.seconds.toFixed(1)} s (${mbPerSecond.toFixed(1)} MB/s compressed)`,
      );
      const out = context.stdout;
      out.write(
        `Imported ${report.dump} (${report.lang}): ${formatCount(report.articles)} articles, ${formatCount(report.redirects)} redirects\n`,
      );
      out.write(
        `  concepts matched ${formatCount(report.conceptsMatched)}: ${formatCount(report.descriptionsAdded)} descriptions, `,
      );
      out.write(
        `${formatCount(report.namesAdded)} names and ${formatCount(report.aliasesAdded)} aliases added\n`,
      );
      out.write(`  ${formatCount(report.anchors)} anchor texts linking to concepts\n`);
      return 0;
    } catch (error) {
      progress.finish("failed; nothing was kept");
      throw error;
    } finally {
      await store.close();
    }
  },
};
