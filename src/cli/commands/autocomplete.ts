/**
 * `campus-graph autocomplete "prefix" [--types concept,course] [--limit N] [--json] [--db FILE]`: the records whose
 * names start with a prefix, best first, grouped by type.
 */
import { databaseLocation } from "../../app/config.js";
import { openStore } from "../../app/open-store.js";
import { autocompleteRecords, splitTypes } from "../../app/search-records.js";
import { type Command, parseCommandArgs, parseIntegerOption } from "../cli-context.js";

/** The `autocomplete` command. */
export const autocompleteCommand: Command = {
  summary: "suggest records whose names start with a prefix, grouped by type",
  usage: 'autocomplete "prefix" [--types T,T] [--limit N] [--json] [--db FILE]',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        db: { type: "string" },
        types: { type: "string" },
        limit: { type: "string" },
        json: { type: "boolean" },
      },
      { min: 1, max: 1 },
    );
    const db = databaseLocation(values.db, context.env, context.cwd);
    const store = await openStore(db);
    try {
      const result = await autocompleteRecords(store, {
        query: positionals[0] ?? "",
        ...(values.types ? { types: splitTypes(values.types) } : {}),
        ...(values.limit ? { limit: parseIntegerOption("limit", values.limit, 100) } : {}),
      });
      if (values.json) {
        context.stdout.write(`${JSON.stringify(result)}\n`);
        return 0;
      }
      if (result.items.length === 0) context.stdout.write("No suggestion.\n");
      for (const item of result.items)
        context.stdout.write(`${item.type.padEnd(12)} ${item.name}  [${item.id}]\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
