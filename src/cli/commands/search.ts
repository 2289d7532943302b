/**
 * `campus-graph search "query" [--types concept,course] [--lang en|fr] [--limit N] [--offset N] [--json] [--db FILE]`:
 * records of every type (or the given ones) matching a query, best first, with counts per type.
 */
import { databaseLocation } from "../../app/config.js";
import { openStore } from "../../app/open-store.js";
import { searchRecords, splitTypes } from "../../app/search-records.js";
import { type Command, parseCommandArgs, parseIntegerOption } from "../cli-context.js";

/** The `search` command. */
export const searchCommand: Command = {
  summary: "search records of every type by name, alias, keyword and text (typos and accents forgiven)",
  usage: 'search "query" [--types T,T] [--lang en|fr] [--limit N] [--offset N] [--json] [--db FILE]',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        db: { type: "string" },
        types: { type: "string" },
        lang: { type: "string" },
        limit: { type: "string" },
        offset: { type: "string" },
        json: { type: "boolean" },
      },
      { min: 1, max: 1 },
    );
    const db = databaseLocation(values.db, context.env, context.cwd);
    const store = await openStore(db);
    try {
      const result = await searchRecords(store, {
        query: positionals[0] ?? "",
        ...(values.types ? { types: splitTypes(values.types) } : {}),
        ...(values.lang ? { lang: values.lang } : {}),
        ...(values.limit ? { limit: parseIntegerOption("limit", values.limit, 100) } : {}),
        ...(values.offset ? { offset: parseIntegerOption("offset", values.offset, 1_000) } : {}),
      });
      if (values.json) {
        context.stdout.write(`${JSON.stringify(result)}\n`);
        return 0;
      }
      if (result.items.length === 0) context.stdout.write("No match.\n");
      for (const item of result.items) {
        context.stdout.write(
          `${item.score.toFixed(3).padStart(9)}  ${`${item.type}:${item.id}`.padEnd(40)} ${item.name}\n`,
        );
      }
      const facets = Object.entries(result.facets).map(([type, n]) => `${type} ${n}`);
      context.stdout.write(`${result.total} matching${facets.length > 0 ? ` (${facets.join(", ")})` : ""}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
