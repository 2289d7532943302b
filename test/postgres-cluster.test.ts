import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { reapOrphanClusters } from "./postgres-cluster.js";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A folder like a cluster's, under `root`, with `owner` in its owner file (none when undefined). */
function clusterFolder(root: string, name: string, owner?: number): string {
  const folder = join(root, `campus-graph-pg-${name}`);
  mkdirSync(join(folder, "data"), { recursive: true });
  if (owner !== undefined) writeFileSync(join(folder, "owner.pid"), `${owner}\n`);
  return folder;
}

describe("reapOrphanClusters", () => {
  it("deletes the clusters whose owner process is gone, and only those", () => {
    const root = mkdtempSync(join(tmpdir(), "reap-test-"));
    roots.push(root);
    // The id of a process that has ended.
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    const orphan = clusterFolder(root, "orphan", gone);
    const alive = clusterFolder(root, "alive", process.pid);
    const older = clusterFolder(root, "older");
    const other = join(root, "something-else");
    mkdirSync(other);

    // No server runs in these folders, so no PostgreSQL program is called: any folder will do as `bin`.
    expect(reapOrphanClusters(root, root)).toEqual([orphan]);
    expect(existsSync(orphan)).toBe(false);
    expect([alive, older, other].every((folder) => existsSync(folder))).toBe(true);
  });
});
