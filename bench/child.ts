/**
 * Runs a benchmark step in a child process of its own, so that its peak memory is measured alone; starts and
 * stops app server processes for the HTTP benchmarks.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { displayLocation } from "../src/app/config.js";
import { findPostgresBin, startPostgresCluster } from "../test/postgres-cluster.js";

/** What a measured step reports. */
export interface StepResult {
  readonly seconds: number;
  readonly count: number;
  readonly peakRssMb: number;
  readonly [key: string]: number | string;
}

const TSX = join(import.meta.dirname, "..", "node_modules", "tsx", "dist", "cli.mjs");

/** Runs `script step args…` under tsx in a new process (with `--expose-gc`) and returns the JSON it prints last. */
export function runStep(script: string, step: string, args: readonly string[]): StepResult {
  const output = execFileSync(process.execPath, ["--expose-gc", TSX, script, "--step", step, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 26,
  });
  const last = output.trim().split("\n").at(-1) ?? "{}";
  return JSON.parse(last) as StepResult;
}

/** Prints the result of a step as the last line of a child's output: measured values plus peak memory. */
export function reportStep(values: { seconds: number; count: number; [key: string]: number | string }): void {
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ...values, peakRssMb })}\n`);
}

/** Heap in use after a full collection (when the process runs with --expose-gc), in MB. */
export function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** The value below which a share `p` (0 to 1) of `list` falls (nearest rank). */
export function percentile(list: readonly number[], p: number): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Formats a table of rows (first row: headers) with right-aligned numbers. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join("  "),
    )
    .join("\n");
}

/**
 * Starts `campus-graph serve --db DB --port 0` from the sources in a process of its own (so that the load
 * generator does not share its event loop) and resolves with the child and the URL it serves on.
 */
export function startServerProcess(db: string): Promise<{ child: ChildProcess; url: string }> {
  const main = join(import.meta.dirname, "..", "src", "cli", "main.ts");
  return startScriptServer(main, ["serve", "--db", db, "--port", "0"]);
}

/** Starts `tsx script args…` in a process of its own and resolves once it prints "serving on URL". */
export function startScriptServer(
  script: string,
  args: readonly string[],
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [TSX, script, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const url = /serving on (http:\/\/\S+)/.exec(seen)?.[1];
      if (url) resolve({ child, url });
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${seen}`)));
  });
}

/** Stops a child process (SIGTERM, then SIGKILL after 5 s) and resolves once it has exited. */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once("exit", () => done());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
  });
}

/** The PostgreSQL server a benchmark runs on: `pgUrl` (--pg), else a throw-away cluster; or why there is none. */
export async function postgresServer(
  pgUrl: string | undefined,
): Promise<{ url: string; label: string; pid?: number; stop(): void } | { skipped: string }> {
  if (pgUrl) return { url: pgUrl, label: `${displayLocation(pgUrl)} (--pg)`, stop: () => undefined };
  const bin = findPostgresBin();
  if (bin === undefined) return { skipped: "no --pg URL and no PostgreSQL binaries (initdb, pg_ctl) found" };
  try {
    const cluster = await startPostgresCluster(bin);
    // The postmaster's pid, for a benchmark that reads the cluster's CPU from /proc.
    const pid = Number(readFileSync(join(cluster.folder, "data", "postmaster.pid"), "utf8").split("\n")[0]);
    return { url: cluster.url, label: `throw-away cluster from ${bin}`, pid, stop: () => cluster.stop() };
  } catch (error) {
    return { skipped: (error as Error).message.split("\n")[0] ?? "cluster did not start" };
  }
}

/** Says loudly that benchmark `name` is skipped, and why; the run still succeeds. */
export function skipped(name: string, why: string): undefined {
  console.log(`${"!".repeat(78)}\n!! bench/${name} SKIPPED: ${why}\n${"!".repeat(78)}`);
  return undefined;
}
