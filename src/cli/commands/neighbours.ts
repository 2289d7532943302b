/**
 * `campus-graph neighbours TYPE ID --type TARGET_TYPE [--limit N] [--offset N] [--json]`: a node's ranked neighbours.
 */
import { databaseLocation } from "../../app/config.js";
import { openStore } from "../../app/open-store.js";
import { CampusGraphError } from "../../core/errors.js";
import { type Command, parseCommandArgs, parseIntegerOption } from "../cli-context.js";

export const neighboursCommand: Command = {
  summary: "list a record's ranked neighbours of one type, with scores, kinds and evidence",
  usage: "neighbours TYPE ID --type TARGET_TYPE [--limit N] [--offset N] [--json] [--db FILE]",
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        db: { type: "string" },
        type: { type: "string" },
        limit: { type: "string" },
        offset: { type: "string" },
        json: { type: "boolean" },
      },
      { min: 2, max: 2 },
    );
    if (!values.type)
      throw new CampusGraphError("INVALID_ARGUMENT", { problem: "--type TARGET_TYPE is required" });
    const limit = values.limit === undefined ? 10 : parseIntegerOption("limit", values.limit, 100);
    const offset = values.offset === undefined ? 0 : parseIntegerOption("offset", values.offset, 1_000_000);
    const db = databaseLocation(values.db, context.env, context.cwd);
    const store = await openStore(db);
    try {
      const key = { type: positionals[0] ?? "", id: positionals[1] ?? "" };
      const page = await store.graph.neighbours(key, values.type, limit, offset);
      if (values.json) {
        context.stdout.write(`${JSON.stringify(page)}\n`);
        return 0;
      }
      context.stdout.write(`${page.total} ${values.type} neighbours of ${key.type} ${key.id}\n`);
      page.items.forEach((n, i) => {
        const rank = String(offset + i + 1).padStart(4);
        context.stdout.write(
          `${rank}. ${n.edge.score.toFixed(3)} ${n.edge.kind.padEnd(16)} ${n.node.id}  ${n.node.name}\n`,
        );
      });
      return 0;
    } finally {
      await store.close();
    }
  },
};
