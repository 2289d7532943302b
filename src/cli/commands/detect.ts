/**
 * `campus-graph detect "text" [--lang en|fr] [--json]` and `campus-graph detect --jsonl IN.jsonl`:
 * the concepts a text is about. JSONL mode reads lines `{"id","text","lang"?}` and streams lines
 * `{"id","concepts":[…]}` to stdout (a bad line gets `{"id","line","error":{"code","message"}}` in its place).
 */
import { resolve } from "node:path";
import { databaseLocation } from "../../app/config.js";
import { detectText, parseLanguage } from "../../app/detect-text.js";
import { loadConceptDictionary } from "../../app/load-concept-dictionary.js";
import { openStore } from "../../app/open-store.js";
import { CampusGraphError, isCampusGraphError } from "../../core/errors.js";
import type { ConceptDictionary } from "../../detect/concept-dictionary.js";
import { readLines } from "../../ingest/jsonl-lines.js";
import { type CliContext, type Command, parseCommandArgs, parseIntegerOption } from "../cli-context.js";

export const detectCommand: Command = {
  summary: "print the concepts a text is about, with scores and mentions (or stream a JSONL file)",
  usage: 'detect "text" | --jsonl FILE [--lang en|fr] [--json] [--threshold X] [--limit N] [--db FILE]',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        db: { type: "string" },
        lang: { type: "string" },
        json: { type: "boolean" },
        jsonl: { type: "string" },
        threshold: { type: "string" },
        limit: { type: "string" },
      },
      { min: 0, max: 1 },
    );
    if ((positionals.length === 1) === (values.jsonl !== undefined)) {
      throw new CampusGraphError("INVALID_ARGUMENT", { problem: 'give either a "text" or --jsonl FILE' });
    }
    const lang = parseLanguage(values.lang);
    const threshold = values.threshold === undefined ? undefined : parseThreshold(values.threshold);
    const limit = values.limit === undefined ? undefined : parseIntegerOption("limit", values.limit, 1_000);
    const options = { lang, threshold, limit };
    const dictionary = await loadDictionary(databaseLocation(values.db, context.env, context.cwd));
    if (values.jsonl !== undefined)
      return streamJsonl(dictionary, resolve(context.cwd, values.jsonl), options, context);
    const output = detectText(dictionary, positionals[0] ?? "", options);
    if (values.json) {
      context.stdout.write(`${JSON.stringify(output)}\n`);
    } else if (output.concepts.length === 0) {
      context.stdout.write("No concept found.\n");
    } else {
      for (const c of output.concepts) {
        const mentions = [...new Set(c.mentions.map((m) => `"${m.text}"`))].join(", ");
        context.stdout.write(`${c.score.toFixed(3)}  ${c.id.padEnd(32)} ${mentions} ×${c.mentions.length}\n`);
      }
    }
    return 0;
  },
};

async function loadDictionary(db: string): Promise<ConceptDictionary> {
  const store = await openStore(db);
  try {
    return await loadConceptDictionary(store);
  } finally {
    await store.close();
  }
}

function parseThreshold(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new CampusGraphError("INVALID_ARGUMENT", {
      problem: `--threshold must be a number from 0 to 1, got "${value}"`,
    });
  }
  return n;
}

/** Streams a JSONL file of texts; exits 1 when any line was bad, after writing every line's result. */
async function streamJsonl(
  dictionary: ConceptDictionary,
  path: string,
  options: {
    threshold: number | undefined;
    limit: number | undefined;
    lang: ReturnType<typeof parseLanguage>;
  },
  context: CliContext,
): Promise<number> {
  let failures = 0;
  for await (const { line, text } of readLines(path, { label: path })) {
    if (text !== undefined && text.trim() === "") continue;
    let id: unknown = null;
    try {
      const item = parseItem(text, path, line);
      id = item.id;
      const output = detectText(dictionary, item.text, {
        ...options,
        lang: parseLanguage(item.lang) ?? options.lang,
      });
      context.stdout.write(`${JSON.stringify({ id, ...output })}\n`);
    } catch (error) {
      if (!isCampusGraphError(error)) throw error;
      failures += 1;
      const located = error.details.line !== undefined;
      context.stderr.write(`${located ? "" : `${path}:${line}: `}${error.message}\n`);
      context.stdout.write(
        `${JSON.stringify({ id, line, error: { code: error.code, message: error.message } })}\n`,
      );
    }
  }
  return failures > 0 ? 1 : 0;
}

function parseItem(
  text: string | undefined,
  file: string,
  line: number,
): { id: unknown; text: string; lang: unknown } {
  if (text === undefined) throw new CampusGraphError("LINE_NOT_UTF8", { file, line });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CampusGraphError("LINE_NOT_JSON", { file, line, problem: (error as Error).message });
  }
  const item = value as { id?: unknown; text?: unknown; lang?: unknown } | null;
  if (typeof item !== "object" || item === null || typeof item.text !== "string") {
    throw new CampusGraphError("RECORD_INVALID", { file, line, field: "text", problem: "must be a string" });
  }
  return { id: item.id ?? null, text: item.text, lang: item.lang };
}
