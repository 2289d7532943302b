/**
 * `campus-graph stats [--db FILE] [--json]`: what the database holds.
 */
import { databaseLocation, displayLocation } from "../../app/config.js";
import { openStore } from "../../app/open-store.js";
import { type Command, parseCommandArgs } from "../cli-context.js";
import { formatCount } from "../progress.js";

export const statsCommand: Command = {
  summary: "show record counts per type, dangling links and database size",
  usage: "stats [--db FILE] [--json]",
  async run(args, context) {
    const { values } = parseCommandArgs(
      args,
      { db: { type: "string" }, json: { type: "boolean" } },
      { min: 0, max: 0 },
    );
    const db = databaseLocation(values.db, context.env, context.cwd);
    const store = await openStore(db);
    try {
      const counts = { records: await store.countRecords(), ...(await store.countLinks()) };
      const sizeBytes = await store.sizeBytes();
      if (values.json) {
        const body = {
          counts: counts.records,
          links: counts.links,
          danglingLinks: counts.danglingLinks,
          sizeBytes,
        };
        context.stdout.write(`${JSON.stringify(body)}\n`);
        return 0;
      }
      const total = Object.values(counts.records).reduce((a, b) => a + b, 0);
      context.stdout.write(`Database ${displayLocation(db)} (${store.engine})\n`);
      for (const [type, n] of Object.entries(counts.records)) {
        context.stdout.write(`  ${type.padEnd(14)} ${formatCount(n).padStart(9)}\n`);
      }
      context.stdout.write(`  ${"total".padEnd(14)} ${formatCount(total).padStart(9)}\n`);
      context.stdout.write(
        `  links ${formatCount(counts.links)}, of which dangling ${formatCount(counts.danglingLinks)}\n`,
      );
      if (sizeBytes !== undefined)
        context.stdout.write(`  size ${(sizeBytes / 1024 / 1024).toFixed(1)} MiB\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
