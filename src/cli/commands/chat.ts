/**
 * `campus-graph chat "question" [--lang en|fr] [--json] [--db FILE]`: asks the graph chatbot, through the same
 * HTTP API the server offers (in process), and prints the answer, its references, the plan it ran and the calls
 * it made.
 */
import { ensureSearchIndex } from "../../app/build-search-index.js";
import { databaseLocation } from "../../app/config.js";
import { parseLanguage } from "../../app/detect-text.js";
import { openStore } from "../../app/open-store.js";
import { llmConfigFromEnv } from "../../chat/llm-chat.js";
import { CampusGraphError } from "../../core/errors.js";
import { createHttpApp } from "../../server/create-app.js";
import { type Command, parseCommandArgs } from "../cli-context.js";

export const chatCommand: Command = {
  summary: "ask a question; the answer recommends records, found by calling the API",
  usage: 'chat "question" [--lang en|fr] [--json] [--db FILE]',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { db: { type: "string" }, lang: { type: "string" }, json: { type: "boolean" } },
      { min: 1, max: 1 },
    );
    const lang = parseLanguage(values.lang);
    const db = databaseLocation(values.db, context.env, context.cwd);
    const store = await openStore(db);
    try {
      await ensureSearchIndex(store);
      const response = await createHttpApp(store, { llm: llmConfigFromEnv(context.env) }).request(
        "/api/chat",
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            messages: [{ role: "user", content: positionals[0] ?? "" }],
            ...(lang ? { lang } : {}),
          }),
        },
      );
      const body = (await response.json()) as {
        answer?: string;
        calls?: { method: string; path: string; query?: Record<string, string>; body?: unknown }[];
        plan?: { steps?: Record<string, unknown>[] };
        error?: { message: string };
      };
      if (response.status !== 200)
        throw new CampusGraphError("INVALID_ARGUMENT", { problem: body.error?.message ?? "bad question" });
      if (values.json) {
        context.stdout.write(`${JSON.stringify(body)}\n`);
        return 0;
      }
      context.stdout.write(`${body.answer ?? ""}\n\nPlan:\n`);
      for (const [i, { op, ...args }] of (body.plan?.steps ?? []).entries()) {
        context.stdout.write(`  ${i}. ${String(op)} ${JSON.stringify(args)}\n`);
      }
      context.stdout.write("\nCalls made:\n");
      for (const call of body.calls ?? []) {
        const query = call.query ? `?${new URLSearchParams(call.query)}` : "";
        context.stdout.write(
          `  ${call.method} ${call.path}${query}${call.body ? ` ${JSON.stringify(call.body)}` : ""}\n`,
        );
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
