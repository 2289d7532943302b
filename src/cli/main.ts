#!/usr/bin/env node
/** The `campus-graph` executable: runs the command line with the process's streams and sets the exit code. */
import { runCli } from "./run-cli.js";

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
