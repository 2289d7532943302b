/**
 * Lowers the CPU priority of a command that writes in bulk, so that a server reading the same database on the
 * same machine is scheduled first (see docs/DEPLOY.md, "Importing while serving").
 */
import { getPriority, setPriority } from "node:os";
import { batchNiceness } from "../app/config.js";

/** Raises this process's niceness to `$CAMPUS_GRAPH_NICE` (default 10) unless it is already that high. */
export function lowerPriority(env: NodeJS.ProcessEnv): void {
  const nice = batchNiceness(env);
  if (nice > getPriority()) setPriority(nice);
}
