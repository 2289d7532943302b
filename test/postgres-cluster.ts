/**
 * Throw-away PostgreSQL clusters for tests and benchmarks: `initdb` in a temporary folder, a server on a free
 * loopback port with its socket in that folder, stopped and deleted afterwards. `initdb` and `pg_ctl` refuse to
 * run as root, so under root they run as the `postgres` user (`runuser -u postgres`), which owns the folder.
 * A second cluster can follow the first as a streaming replica (`pg_basebackup -R`). Each folder names the process
 * that started it (`owner.pid`), so that a run killed before its teardown (Ctrl-C, a closed pipe) leaves no server
 * behind for long: the next run stops and deletes the clusters whose owner is gone (`reapOrphanClusters`).
 */
import { execFileSync } from "node:child_process";
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A running throw-away cluster. */
export interface PostgresCluster {
  /** Connection URL of its `postgres` database, as the `postgres` superuser, over loopback TCP. */
  readonly url: string;
  readonly port: number;
  readonly folder: string;
  /** Creates a database and returns its URL. */
  createDatabase(name: string): string;
  /** Stops the server and deletes the folder. */
  stop(): void;
}

/** The folder holding `initdb`, `pg_ctl` and `pg_basebackup`, or undefined when PostgreSQL is not installed. */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.CAMPUS_GRAPH_PG_BIN ?? ""];
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql") : [];
  versions.sort((a, b) => Number(b) - Number(a));
  for (const version of versions) candidates.push(join("/usr/lib/postgresql", version, "bin"));
  return candidates.find(
    (dir) => dir !== "" && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")),
  );
}

/** Starts a new cluster; with `primary`, a streaming replica of it. */
export async function startPostgresCluster(
  bin: string,
  options: { readonly primary?: PostgresCluster } = {},
): Promise<PostgresCluster> {
  const folder = mkdtempSync(join(tmpdir(), FOLDER_PREFIX));
  writeFileSync(join(folder, OWNER_FILE), `${process.pid}\n`);
  const data = join(folder, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(folder, uid, gid);
  }
  const run = runner(bin, folder, asRoot);
  const port = await freePort();
  try {
    if (options.primary) {
      run("pg_basebackup", [
        "-h",
        "127.0.0.1",
        "-p",
        String(options.primary.port),
        "-U",
        "postgres",
        "-D",
        data,
        "-R",
        "-X",
        "stream",
      ]);
    } else {
      run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
    }
    // Settings for a disposable server: no durability needed, replication allowed, socket in its own folder.
    const settings = [
      "listen_addresses = '127.0.0.1'",
      `port = ${port}`,
      `unix_socket_directories = '${folder}'`,
      "fsync = off",
      "synchronous_commit = off",
      "full_page_writes = off",
      "wal_level = replica",
      "max_wal_senders = 4",
      "hot_standby = on",
      "shared_buffers = 256MB",
      "maintenance_work_mem = 256MB",
      "max_wal_size = 4GB",
      "max_connections = 200",
    ];
    const conf = join(data, "postgresql.auto.conf");
    const existing = existsSync(conf) ? execFileSync("cat", [conf], { encoding: "utf8" }) : "";
    writeFileSync(conf, `${existing}\n${settings.join("\n")}\n`);
    if (asRoot) execFileSync("chown", ["postgres:postgres", conf]);
    run("pg_ctl", ["-D", data, "-l", join(folder, "server.log"), "-w", "-t", "60", "start"]);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`could not start a PostgreSQL cluster: ${(error as Error).message}\n${stderr}`);
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    folder,
    createDatabase(name) {
      run("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", name]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

const FOLDER_PREFIX = "campus-graph-pg-";
const OWNER_FILE = "owner.pid";

/** Runs one of PostgreSQL's programs in `folder`, as the `postgres` user under root. */
function runner(bin: string, folder: string, asRoot: boolean) {
  return (program: string, args: readonly string[]) =>
    execFileSync(
      asRoot ? "runuser" : join(bin, program),
      asRoot ? ["-u", "postgres", "--", join(bin, program), ...args] : [...args],
      { cwd: folder, stdio: ["ignore", "pipe", "pipe"] },
    );
}

/**
 * Stops and deletes the clusters under `root` whose owner process is gone (a run killed before its teardown);
 * returns their folders. A folder without an owner file is left alone: it may belong to a run of older code that is
 * still going.
 */
export function reapOrphanClusters(bin: string, root: string = tmpdir()): string[] {
  const reaped: string[] = [];
  for (const name of readdirSync(root)) {
    if (!name.startsWith(FOLDER_PREFIX)) continue;
    const folder = join(root, name);
    const owner = Number.parseInt(readOwner(join(folder, OWNER_FILE)) ?? "", 10);
    if (!Number.isInteger(owner) || isAlive(owner)) continue;
    const data = join(folder, "data");
    try {
      if (existsSync(join(data, "postmaster.pid")))
        runner(
          bin,
          folder,
          process.getuid?.() === 0,
        )("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // Stopped already, or never started: the folder goes all the same.
    }
    rmSync(folder, { recursive: true, force: true });
    reaped.push(folder);
  }
  return reaped;
}

function readOwner(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** True when a process with this id exists (signal 0 checks without sending anything). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A TCP port free on loopback right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
