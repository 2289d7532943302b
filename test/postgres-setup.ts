/**
 * Vitest global setup: starts a throw-away PostgreSQL cluster (and a streaming replica of it) for the
 * PostgreSQL suites, and stops both after the run. Tests read the URLs with `inject("postgres")`.
 * Without PostgreSQL binaries the suites are skipped, loudly; under CI (`$CI` set) that is an error.
 */
import type { TestProject } from "vitest/node";
import {
  findPostgresBin,
  type PostgresCluster,
  reapOrphanClusters,
  startPostgresCluster,
} from "./postgres-cluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The test clusters, or the reason there are none. */
    postgres: { primary: string; replica: string; port: number } | { skipped: string };
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const bin = findPostgresBin();
  if (bin === undefined) {
    const why =
      "no PostgreSQL binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or $CAMPUS_GRAPH_PG_BIN";
    if (process.env.CI) throw new Error(`PostgreSQL suite cannot run under CI: ${why}`);
    process.stderr.write(
      `\n${"!".repeat(78)}\n!! PostgreSQL suite SKIPPED: ${why}.\n!! Install it (apt install postgresql) to run the Store contract and API tests on PostgreSQL.\n${"!".repeat(78)}\n\n`,
    );
    project.provide("postgres", { skipped: why });
    return () => undefined;
  }
  const reaped = reapOrphanClusters(bin);
  if (reaped.length > 0)
    process.stderr.write(`stopped ${reaped.length} PostgreSQL test clusters left by killed runs\n`);
  const clusters: PostgresCluster[] = [];
  try {
    const primary = await startPostgresCluster(bin);
    clusters.push(primary);
    const replica = await startPostgresCluster(bin, { primary });
    clusters.push(replica);
    project.provide("postgres", { primary: primary.url, replica: replica.url, port: primary.port });
  } catch (error) {
    for (const cluster of clusters.reverse()) cluster.stop();
    throw error;
  }
  return () => {
    for (const cluster of clusters.reverse()) cluster.stop();
  };
}
