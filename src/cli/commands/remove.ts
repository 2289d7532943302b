/**
 * `campus-graph remove TYPE ID [--db FILE]`: deletes a record, its links and every neighbour row from or to it.
 */
import { databaseLocation } from "../../app/config.js";
import { markDataChanged } from "../../app/data-version.js";
import { openStore } from "../../app/open-store.js";
import { CampusGraphError } from "../../core/errors.js";
import { type Command, parseCommandArgs } from "../cli-context.js";

export const removeCommand: Command = {
  summary: "delete a record with its links and graph edges",
  usage: "remove TYPE ID [--db FILE]",
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { db: { type: "string" } }, { min: 2, max: 2 });
    const key = { type: positionals[0] ?? "", id: positionals[1] ?? "" };
    const db = databaseLocation(values.db, context.env, context.cwd);
    const store = await openStore(db);
    try {
      const removed = await store.transaction(async (writer) => {
        const found = await writer.removeRecord(key);
        if (found) await markDataChanged(writer);
        return found;
      });
      if (!removed) throw new CampusGraphError("RECORD_NOT_FOUND", { type: key.type, id: key.id });
      context.stdout.write(`Removed ${key.type} ${key.id}, its links and its edges\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
