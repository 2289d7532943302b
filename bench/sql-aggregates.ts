/**
 * The graph build's two sums over shared concepts, as SQL aggregates in PostgreSQL next to the build's own code in
 * Node, on the same input (issue 20: where the corpus is in PostgreSQL, should these joins run in the database?):
 * - co-occurrence: the cosine of two concepts over the records naming both (each record's best 12 concepts, pairs
 *   seen in two records or more), each concept's best 12: the relations' evidence (`conceptRelations` with no
 *   links, clusters or categories, so that its score is the cosine);
 * - shared concepts: GBC(a, b) = Σ e_a(c)·e_b(c) over a's best 15 concepts, two shared at least, concepts of more
 *   than 1,000 records left out, tanh(GBC / (8 · mean GBC of the pair of types)) ≥ 0.1, each record's best 10 per
 *   type (5 for people): the semantic edges (`semanticEdges`, which also lists each edge's five best shared concepts;
 *   the SQL does not).
 * Input: the records' concept lists of a built SQLite graph (`neighbours`, best first), repeated K times under new
 * record numbers (`--k`): a K-times corpus's shape as to list lengths, though its copies share their lists where
 * `bench/scaled-corpus.ts` blends texts. Node runs in this process; PostgreSQL is --pg URL (a maintenance database:
 * a fresh database is made and dropped) or a throw-away cluster, the lists COPYed into unlogged tables, each
 * aggregate a `CREATE UNLOGGED TABLE … AS`, timed from the client with the cluster's CPU. The outputs are compared
 * by count and sum of scores (ties between copies may be broken apart differently, sums are not).
 * Run: npx tsx bench/sql-aggregates.ts [--db FILE] [--pg URL] [--k 1] (K = 1 takes about ten minutes of PostgreSQL).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { evalDatabasePath } from "../eval/eval-store.js";
import { buildGraph } from "../src/app/build-graph.js";
import { openStore } from "../src/app/open-store.js";
import { buildLinkLists } from "../src/detect/link-lists.js";
import { conceptRelations } from "../src/graph/concept-relations.js";
import type { ConceptEdge } from "../src/graph/entity-concepts.js";
import { semanticEdges } from "../src/graph/semantic-edges.js";
import { copyRows } from "../src/store/postgres/copy-rows.js";
import { postgresServer, skipped, table } from "./child.js";

const { values } = parseArgs({
  options: { db: { type: "string" }, pg: { type: "string" }, k: { type: "string", default: "1" } },
});

/** The records' concept lists, best first, with the concepts numbered 0…n-1. */
interface Lists {
  readonly types: readonly string[];
  /** Per record: its type's number in `types`, and its concepts and scores. */
  readonly records: readonly { readonly type: number; readonly edges: readonly ConceptEdge[] }[];
  readonly concepts: number;
}

/** What one engine gave for one sum: seconds, CPU seconds where known, rows and the sum of their scores. */
interface Outcome {
  readonly seconds: number;
  readonly cpu?: number;
  readonly rows: number;
  readonly sum: number;
}

// Derived profiles (people, units) count a record they come from twice in co-occurrence: the build leaves them out.
const DERIVED = new Set(["person", "unit"]);

async function main(): Promise<void> {
  const lists = await readLists(await builtDatabase(values.db));
  const server = await postgresServer(values.pg);
  if ("skipped" in server) return skipped("sql-aggregates", server.skipped);
  const name = `campus_aggregates_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const pool = new pg.Pool({
    connectionString: server.url.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`),
    max: 1,
  });
  const rows: string[][] = [];
  try {
    const client = await pool.connect();
    await client.query("SET work_mem = '256MB'");
    for (const k of values.k.split(",").map(Number)) {
      const records = lists.records.length * k;
      console.error(`bench/sql-aggregates: K = ${k}, ${records} records`);
      const node = runInNode(lists, k);
      await load(client, lists, k);
      const sql = await runInPostgres(client, server.pid);
      for (const sum of ["co-occurrence", "shared concepts"] as const) {
        const n = node[sum];
        const p = sql[sum];
        rows.push([
          String(k),
          String(records),
          sum,
          `${n.seconds.toFixed(1)}`,
          `${p.seconds.toFixed(1)} (${p.cpu?.toFixed(1) ?? "?"})`,
          `${n.rows} / ${p.rows}`,
          Math.abs(n.sum - p.sum) <= 1e-6 * Math.max(1, Math.abs(n.sum)) && n.rows === p.rows
            ? "same"
            : "DIFFER",
        ]);
      }
    }
    client.release();
  } finally {
    await pool.end().catch(() => undefined);
    await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    server.stop();
  }
  console.log(
    `input: the records' concept lists of ${lists.records.length} records, ${lists.concepts} concepts`,
  );
  console.log("Node: this process, one thread; PostgreSQL: wall s (its backends' CPU s), work_mem 256 MB");
  console.log(
    table([["K", "records", "sum", "Node s", "PostgreSQL s (CPU s)", "rows Node / SQL", "output"], ...rows]),
  );
}

/** A SQLite database with a built graph: --db or the evaluation's, built here when it has none. */
async function builtDatabase(db: string | undefined): Promise<string> {
  const path = await evalDatabasePath(db);
  if (path.includes("://")) throw new Error("--db must be a SQLite file (the lists are read from it)");
  const store = await openStore(path);
  if (Object.keys(await store.graph.neighbourCounts({ type: "concept", id: "Interleukin_6" })).length === 0) {
    console.error("bench/sql-aggregates: building the graph first (about two minutes)");
    await buildGraph(store);
  }
  await store.close();
  return path;
}

function readLists(path: string): Lists {
  const db = new Database(path, { readonly: true });
  const query = db.prepare(
    `SELECT n.source_pk AS record, r.type AS type, n.target_pk AS concept, n.score AS score
       FROM neighbours n JOIN records r ON r.pk = n.source_pk
      WHERE n.target_type = 'concept' AND r.type NOT IN ('concept', 'category')
      ORDER BY n.source_pk, n.rank`,
  );
  const conceptNumbers = new Map<number, number>();
  const typeNumbers = new Map<string, number>();
  const records: { type: number; edges: ConceptEdge[] }[] = [];
  let last = -1;
  for (const row of query.iterate() as Iterable<{
    record: number;
    type: string;
    concept: number;
    score: number;
  }>) {
    if (row.record !== last) {
      if (!typeNumbers.has(row.type)) typeNumbers.set(row.type, typeNumbers.size);
      records.push({ type: typeNumbers.get(row.type) ?? 0, edges: [] });
      last = row.record;
    }
    if (!conceptNumbers.has(row.concept)) conceptNumbers.set(row.concept, conceptNumbers.size);
    records.at(-1)?.edges.push({ concept: conceptNumbers.get(row.concept) ?? 0, score: row.score });
  }
  db.close();
  return { types: [...typeNumbers.keys()], records, concepts: conceptNumbers.size };
}

/** Record `r` of copy `copy` is number `copy · records + r`, in both engines. */
function runInNode(lists: Lists, k: number): Record<"co-occurrence" | "shared concepts", Outcome> {
  const n = lists.records.length;
  const profiles = new Map<number, readonly ConceptEdge[]>();
  const own: (readonly ConceptEdge[])[] = [];
  for (let copy = 0; copy < k; copy += 1) {
    lists.records.forEach((record, r) => {
      profiles.set(copy * n + r, record.edges);
      if (!DERIVED.has(lists.types[record.type] ?? "")) own.push(record.edges);
    });
  }
  const size = lists.concepts;
  const none = new Int32Array(size).fill(-1);
  const ontology = {
    size,
    cluster: none,
    category: none,
    links: buildLinkLists(Array.from({ length: size }, () => [])),
  };
  let started = performance.now();
  const relations = conceptRelations(ontology, own, () => 0);
  const cooccurrence = outcome(started, relations);
  const typeOf = (entity: number) => lists.types[lists.records[entity % n]?.type ?? 0] ?? "";
  started = performance.now();
  const edges = semanticEdges(profiles, typeOf, { perType: (type) => (type === "person" ? 5 : 10) });
  return { "co-occurrence": cooccurrence, "shared concepts": outcome(started, edges) };
}

function outcome(started: number, rows: readonly { readonly score: number }[]): Outcome {
  const seconds = (performance.now() - started) / 1000;
  return { seconds, rows: rows.length, sum: rows.reduce((s, r) => s + r.score, 0) };
}

/** The lists, K times, into `prof` (record, own, concept, score, place in the list, list length) and `ent`. */
async function load(client: pg.PoolClient, lists: Lists, k: number): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS prof, ent, cooc, sem;
    CREATE UNLOGGED TABLE prof (entity int, own boolean, concept int, score float8, rn int, n int);
    CREATE UNLOGGED TABLE ent (entity int PRIMARY KEY, type smallint, keep int)`);
  const n = lists.records.length;
  function* copies<T>(
    rowsOf: (record: Lists["records"][number], entity: number) => Iterable<T>,
  ): Generator<T> {
    for (let copy = 0; copy < k; copy += 1)
      for (let r = 0; r < n; r += 1)
        yield* rowsOf(lists.records[r] as Lists["records"][number], copy * n + r);
  }
  await copyRows(
    client,
    "prof (entity, own, concept, score, rn, n)",
    copies((record, entity) => {
      const own = !DERIVED.has(lists.types[record.type] ?? "");
      return record.edges.map((e, at) => [entity, own, e.concept, e.score, at + 1, record.edges.length]);
    }),
  );
  await copyRows(
    client,
    "ent (entity, type, keep)",
    copies((record, entity) => [[entity, record.type, lists.types[record.type] === "person" ? 5 : 10]]),
  );
  await client.query("ANALYZE prof; ANALYZE ent");
}

const COOCCURRENCE = `CREATE UNLOGGED TABLE cooc AS
  WITH top AS (SELECT entity, concept, score FROM prof WHERE own AND rn <= 12 AND n >= 2),
  squares AS (SELECT concept, sum(score * score) AS s FROM prof WHERE own GROUP BY concept),
  dots AS (SELECT a.concept AS source, b.concept AS target, sum(a.score * b.score) AS dot
             FROM top a JOIN top b ON b.entity = a.entity AND b.concept <> a.concept
            GROUP BY 1, 2 HAVING count(*) >= 2),
  cosines AS (SELECT source, target, least(dot / sqrt(sa.s * sb.s), 1) AS score
                FROM dots JOIN squares sa ON sa.concept = source JOIN squares sb ON sb.concept = target
               WHERE dot > 0),
  ranked AS (SELECT *, row_number() OVER (PARTITION BY source ORDER BY score DESC, target) AS place FROM cosines)
  SELECT source, target, score FROM ranked WHERE place <= 12`;

const SHARED = `CREATE UNLOGGED TABLE sem AS
  WITH kept AS (SELECT concept FROM prof GROUP BY concept HAVING count(*) <= 1000),
  p AS (SELECT prof.entity, prof.concept, prof.score, prof.rn FROM prof JOIN kept USING (concept)),
  pairs AS (SELECT s.entity AS a, t.entity AS b, sum(s.score * t.score) AS gbc
              FROM p s JOIN p t ON t.concept = s.concept AND t.entity <> s.entity
             WHERE s.rn <= 15 GROUP BY 1, 2 HAVING count(*) >= 2),
  typed AS (SELECT a, b, gbc, ea.type AS ta, eb.type AS tb, ea.keep
              FROM pairs JOIN ent ea ON ea.entity = a JOIN ent eb ON eb.entity = b),
  means AS (SELECT least(ta, tb) AS t1, greatest(ta, tb) AS t2, avg(gbc) AS m FROM typed GROUP BY 1, 2),
  scored AS (SELECT a, b, tb, keep, tanh(gbc / (8 * m)) AS score
               FROM typed JOIN means ON t1 = least(ta, tb) AND t2 = greatest(ta, tb)),
  ranked AS (SELECT *, row_number() OVER (PARTITION BY a, tb ORDER BY score DESC, b) AS place
               FROM scored WHERE score >= 0.1)
  SELECT a, b, score FROM ranked WHERE place <= keep`;

async function runInPostgres(
  client: pg.PoolClient,
  pid: number | undefined,
): Promise<Record<"co-occurrence" | "shared concepts", Outcome>> {
  const timed = async (sql: string, output: string): Promise<Outcome> => {
    const cpuBefore = clusterCpu(pid);
    const started = performance.now();
    await client.query(sql);
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = clusterCpu(pid);
    const { rows } = await client.query(
      `SELECT count(*)::int AS rows, coalesce(sum(score), 0) AS sum FROM ${output}`,
    );
    return {
      seconds,
      ...(cpuBefore !== undefined && cpuAfter !== undefined ? { cpu: cpuAfter - cpuBefore } : {}),
      rows: rows[0].rows,
      sum: Number(rows[0].sum),
    };
  };
  return {
    "co-occurrence": await timed(COOCCURRENCE, "cooc"),
    "shared concepts": await timed(SHARED, "sem"),
  };
}

/**
 * CPU seconds of a local cluster's processes (the postmaster's own and its children's, live backends and parallel
 * workers included), read from /proc; undefined for a server that is not this machine's child.
 */
function clusterCpu(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const ticks = 100;
  let total = 0;
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    for (const p of [String(pid), ...children]) {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      // utime, stime, cutime, cstime are fields 14 to 17 of stat, 12 to 15 after the command.
      for (let i = 11; i <= 14; i += 1) total += Number(fields[i] ?? 0);
    }
  } catch {
    return undefined;
  }
  return total / ticks;
}

await main();
