/**
 * What a CLI command runs with: its arguments' parser, its output streams and environment, so that
 * tests can run commands in-process and read what they print.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { CampusGraphError } from "../core/errors.js";
import type { ProgressOutput } from "./progress.js";

/** The streams and environment a command runs with. */
export interface CliContext {
  readonly stdout: ProgressOutput;
  readonly stderr: ProgressOutput;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/** One CLI command. `run` resolves to the process exit code. */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], context: CliContext): Promise<number>;
}

/** Parses a command's arguments strictly; an unknown option or a missing value is an INVALID_ARGUMENT error. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: readonly string[],
  options: T,
  positionals: { min: number; max: number },
) {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CampusGraphError("INVALID_ARGUMENT", { problem: (error as Error).message });
  }
  const count = parsed.positionals.length;
  if (count < positionals.min || count > positionals.max) {
    throw new CampusGraphError("INVALID_ARGUMENT", {
      problem:
        count < positionals.min
          ? "missing argument"
          : `unexpected argument "${parsed.positionals[positionals.max]}"`,
    });
  }
  return parsed;
}

/** Parses a non-negative integer option such as --port; throws INVALID_ARGUMENT otherwise. */
export function parseIntegerOption(name: string, value: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > max) {
    throw new CampusGraphError("INVALID_ARGUMENT", {
      problem: `--${name} must be a whole number from 0 to ${max}, got "${value}"`,
    });
  }
  return n;
}
