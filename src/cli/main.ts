#!/usr/bin/env node
/** The `campus-graph` executable: runs the command line with the process's streams and sets the exit code. */
import { runCli } from "./run-cli.js";

// A reader that stops early (`campus-graph neighbours … | head`) closes the pipe: the rest of the output has nowhere
// to go, which is not an error of the command, so the process ends quietly as other command-line tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
