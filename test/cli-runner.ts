/**
 * Runs the built `campus-graph` binary as a child process, for end-to-end tests.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

/** The project's root folder. */
export const ROOT = join(import.meta.dirname, "..");
/** The built command-line entry. */
export const BIN = join(ROOT, "dist", "cli", "main.js");

/** What a finished command printed and its exit code. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `campus-graph args…` to completion. */
export function runBin(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const child = spawnBin(args, env);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `campus-graph args…` without waiting for it, stdin closed. */
export function spawnBin(args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, CAMPUS_GRAPH_DB: "", CAMPUS_GRAPH_CORPUS: "", PORT: "", HOST: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Everything a child prints on stdout and stderr, as it comes. */
export function captureOutput(child: ChildProcess): { readonly text: () => string } {
  let seen = "";
  child.stdout?.on("data", (chunk: Buffer) => (seen += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (seen += chunk.toString()));
  return { text: () => seen };
}

/** Waits until the server child prints its URL, and returns it. Rejects if it exits or takes over `ms`. */
export function serverUrl(child: ChildProcess, ms = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`server did not start; printed: ${seen}`)), ms);
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /serving on (http:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => (seen += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}; printed: ${seen}`));
    });
  });
}

/** Sends SIGTERM and resolves with the exit code. */
export function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}
