/**
 * The JSON API under /api: each route declared once with its schemas (validation and OpenAPI), its handler
 * calling the app layer, never the engine.
 */
import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import { compareCourses } from "../app/compare-courses.js";
import type { TextDetection } from "../app/detect-text.js";
import { loadLearningPath } from "../app/learning-path.js";
import { localiseNames } from "../app/localise-names.js";
import {
  type DatedNeighbour,
  readCounts,
  readNeighbours,
  readNeighboursByYear,
  readRecordWithCounts,
} from "../app/read-records.js";
import type { CachedSearches } from "../app/search-cache.js";
import { splitTypes } from "../app/search-records.js";
import { type LlmConfig, runChatWithModel } from "../chat/llm-chat.js";
import type { ApiClient } from "../chat/run-chat.js";
import { CampusGraphError } from "../core/errors.js";
import type { Store } from "../store/store.js";
import {
  API_LIMITS,
  AutocompleteQuery,
  AutocompleteResponse,
  ChatBody,
  ChatResponse,
  CompareQuery,
  CompareResponse,
  DetectBody,
  DetectResponse,
  ErrorResponse,
  HealthResponse,
  NeighboursQuery,
  NeighboursResponse,
  PathQuery,
  PathResponse,
  RecordParams,
  RecordResponse,
  type RecordSchema,
  SearchQuery,
  SearchResponse,
} from "./api-schemas.js";

/** What the API routes need. */
export interface ApiDependencies {
  readonly store: Store;
  /** Search and autocomplete over `store`, answering repeated requests from memory. */
  readonly searches: CachedSearches;
  /** A client of this very API, for the chat's calls. */
  readonly client: ApiClient;
  /** The optional language model of the chat; without it the deterministic planner answers. */
  readonly llm?: LlmConfig | undefined;
  /** Concept detection for /api/detect. */
  readonly detection: TextDetection;
}

const json = <T>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});
const errors = {
  400: json(ErrorResponse, "Bad parameters"),
  404: json(ErrorResponse, "No such record"),
  500: json(ErrorResponse, "Internal error"),
};

/** Registers every /api route on `app`. */
export function registerApiRoutes(app: OpenAPIHono, deps: ApiDependencies): void {
  const { store } = deps;

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/health",
      summary: "Liveness and record counts",
      responses: { 200: json(HealthResponse, "OK") },
    }),
    async (c) => {
      const ready = deps.detection.isReady?.();
      const detection =
        ready === undefined ? {} : { detection: ready ? ("ready" as const) : ("loading" as const) };
      return c.json({ status: "ok" as const, counts: await readCounts(store), ...detection }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/search",
      summary: "Search every type (or some) by text, with facets and highlights",
      request: { query: SearchQuery },
      responses: {
        200: json(
          SearchResponse,
          "Results, best first: records matched by id or name, then the others; over several types, each further record of a type weighs less, so the best few of each type come first",
        ),
        ...errors,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const result = await deps.searches.search(
        {
          query: q.q.slice(0, API_LIMITS.queryLength),
          ...(q.types ? { types: splitTypes(q.types) } : {}),
          ...(q.lang ? { lang: q.lang } : {}),
          limit: q.limit,
          offset: q.offset,
          ensureIndex: false,
        },
        c.get("dataVersion"),
      );
      const { items, total, facets, english } = result;
      return c.json({ items: [...items], total, facets, ...(english ? { english: [...english] } : {}) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/autocomplete",
      summary: "Records whose names start with the query, grouped by type",
      request: { query: AutocompleteQuery },
      responses: { 200: json(AutocompleteResponse, "Completions"), ...errors },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const result = await deps.searches.autocomplete(
        {
          query: q.q.slice(0, API_LIMITS.queryLength),
          ...(q.types ? { types: splitTypes(q.types) } : {}),
          limit: q.limit,
          ensureIndex: false,
        },
        c.get("dataVersion"),
      );
      return c.json({ items: [...result.items] }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/detect",
      summary: "The concepts a text is about, with scores and mentions",
      request: { body: { content: { "application/json": { schema: DetectBody } }, required: true } },
      responses: {
        200: json(DetectResponse, "Detected concepts"),
        413: json(ErrorResponse, "Body too large"),
        ...errors,
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const result = await deps.detection.detect(body.text, body.lang ? { lang: body.lang } : {});
      return c.json(
        { concepts: result.concepts.map((concept) => ({ ...concept, mentions: [...concept.mentions] })) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/compare",
      summary: "2 to 5 courses side by side: their concepts with scores, most shared first",
      request: { query: CompareQuery },
      responses: { 200: json(CompareResponse, "The comparison"), ...errors },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const ids = q.courses
        .split(",")
        .map((id) => id.trim())
        .filter((id) => id !== "");
      const result = await compareCourses(store, ids, q.lang);
      return c.json(
        {
          courses: [...result.courses],
          concepts: result.concepts.map((row) => ({ ...row, scores: [...row.scores] })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/{type}/{id}",
      summary: "A record, with its number of neighbours per type",
      request: { params: RecordParams },
      responses: { 200: json(RecordResponse, "The record"), ...errors },
    }),
    async (c) => {
      const key = c.req.valid("param");
      const found = await readRecordWithCounts(store, key);
      if (!found) throw new CampusGraphError("RECORD_NOT_FOUND", key);
      // The stored record has the schema's shape; its types are only read-only where the schema's are not.
      const body = found.record as unknown as z.infer<typeof RecordSchema>;
      return c.json({ record: body, neighbourCounts: found.counts }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/{type}/{id}/neighbours",
      summary: "A record's ranked neighbours of one type: facts first, then computed edges",
      request: { params: RecordParams, query: NeighboursQuery },
      responses: { 200: json(NeighboursResponse, "One page of neighbours and the total"), ...errors },
    }),
    async (c) => {
      const key = c.req.valid("param");
      const q = c.req.valid("query");
      const page =
        q.sort === "year"
          ? await readNeighboursByYear(store, key, q.type, q.limit, q.offset)
          : await readNeighbours(store, key, q.type, q.limit, q.offset);
      const nodes = page.items.map((n) => n.node);
      const named = q.lang ? await localiseNames(store, nodes, q.lang) : nodes;
      const year = (n: DatedNeighbour) => (n.year === undefined ? {} : { year: n.year });
      return c.json(
        {
          items: page.items.map((n, i) => ({
            node: { ...(named[i] ?? n.node), ...year(n) },
            edge: { ...n.edge },
          })),
          total: page.total,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/{type}/{id}/path",
      summary:
        "What to learn before a course or a concept: courses in an order one can take them (prerequisites first)",
      request: { params: RecordParams, query: PathQuery },
      responses: { 200: json(PathResponse, "The learning path"), ...errors },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const path = await loadLearningPath(store, c.req.valid("param"), {
        depth: q.depth,
        limit: q.limit,
        ...(q.lang ? { lang: q.lang } : {}),
      });
      return c.json(
        {
          target: path.target,
          steps: path.steps.map((s) => ({ ...s, requiredBy: [...s.requiredBy] })),
          foundations: path.foundations.map((f) => ({ ...f, coveredBy: [...f.coveredBy] })),
          brokenLinks: [...path.brokenLinks],
          truncated: path.truncated,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/chat",
      summary: "Answer a question with references, by calling this API; the calls made are returned",
      request: { body: { content: { "application/json": { schema: ChatBody } }, required: true } },
      responses: {
        200: json(ChatResponse, "The answer, its references and the calls made"),
        413: json(ErrorResponse, "Body too large"),
        ...errors,
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const reply = await runChatWithModel(deps.client, body.messages, body.lang, deps.llm);
      return c.json(
        {
          answer: reply.answer,
          references: [...reply.references],
          plan: JSON.parse(JSON.stringify(reply.plan)),
          calls: reply.calls.map((call) => ({ ...call })),
        },
        200,
      );
    },
  );

  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Campus Graph API",
      version: "1",
      description: "Search and explore a university's knowledge graph.",
    },
  });
}
