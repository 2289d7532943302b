/**
 * The `campus-graph` command line, callable in-process: dispatches to one file per command in `commands/`.
 * Exit codes: 0 success, 1 the work failed (bad data, database error), 2 bad usage.
 */
import { isCampusGraphError } from "../core/errors.js";
import type { CliContext, Command } from "./cli-context.js";
import { autocompleteCommand } from "./commands/autocomplete.js";
import { buildCommand } from "./commands/build.js";
import { chatCommand } from "./commands/chat.js";
import { detectCommand } from "./commands/detect.js";
import { importCommand } from "./commands/import.js";
import { importWikipediaCommand } from "./commands/import-wikipedia.js";
import { neighboursCommand } from "./commands/neighbours.js";
import { removeCommand } from "./commands/remove.js";
import { searchCommand } from "./commands/search.js";
import { serveCommand } from "./commands/serve.js";
import { startCommand } from "./commands/start.js";
import { statsCommand } from "./commands/stats.js";

/** Every command, by name. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  import: importCommand,
  stats: statsCommand,
  serve: serveCommand,
  start: startCommand,
  detect: detectCommand,
  search: searchCommand,
  autocomplete: autocompleteCommand,
  "import-wikipedia": importWikipediaCommand,
  build: buildCommand,
  neighbours: neighboursCommand,
  remove: removeCommand,
  chat: chatCommand,
};

/** Runs the command line `argv` (without node and the script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    context.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    context.stderr.write(`campus-graph: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    context.stdout.write(`usage: campus-graph ${command.usage}\n  ${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(args, context);
  } catch (error) {
    if (isCampusGraphError(error, "INVALID_ARGUMENT")) {
      context.stderr.write(`campus-graph ${name}: ${error.message}\nusage: campus-graph ${command.usage}\n`);
      return 2;
    }
    if (isCampusGraphError(error)) {
      context.stderr.write(`campus-graph ${name}: ${error.message} [${error.code}]\n`);
      return 1;
    }
    context.stderr.write(
      `campus-graph ${name}: unexpected error: ${(error as Error).stack ?? String(error)}\n`,
    );
    return 1;
  }
}

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  campus-graph ${c.usage.padEnd(58)} ${c.summary}`);
  return `usage:\n${lines.join("\n")}\n`;
}
