/**
 * The JSON API's request and response schemas: the one source of both request validation and the OpenAPI
 * document (`/api/openapi.json`), so that the two cannot drift.
 */
import { z } from "@hono/zod-openapi";

/** The limits every input obeys. */
export const API_LIMITS = {
  queryLength: 1_000,
  limit: 100,
  offset: 10_000,
  detectTextLength: 1_000_000,
  bodyBytes: 2 * 1024 * 1024,
  /** A chat message may be long (pasted text); the chat reads only its first few hundred characters. */
  chatMessageLength: 20_000,
} as const;

const TYPE = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, "must be a record type such as concept or course")
  .openapi({ example: "concept" });

const limit = (fallback: number) =>
  z.coerce.number().int().min(1).max(API_LIMITS.limit).default(fallback).openapi({ example: fallback });
const offset = z.coerce.number().int().min(0).max(API_LIMITS.offset).default(0).openapi({ example: 0 });
const typesList = z
  .string()
  .max(500)
  .optional()
  .openapi({ description: "Comma-separated record types, e.g. concept,course", example: "concept,course" });

/** `{type}/{id}` in a path: the id is one percent-encoded segment, whatever it holds ("MSE-100(c)", "AC%2FDC"). */
export const RecordParams = z.object({
  type: TYPE.openapi({ param: { name: "type", in: "path" } }),
  id: z
    .string()
    .min(1)
    .max(512)
    .openapi({ param: { name: "id", in: "path" }, example: "Interleukin_6" }),
});

/** Query of GET /api/search. */
export const SearchQuery = z.object({
  q: z.string().max(100_000).default("").openapi({ example: "immunology" }),
  types: typesList,
  lang: z.enum(["en", "fr"]).optional(),
  limit: limit(10),
  offset,
});

/** Query of GET /api/autocomplete. */
export const AutocompleteQuery = z.object({
  q: z.string().max(100_000).default("").openapi({ example: "immun" }),
  types: typesList,
  limit: limit(8),
});

/** Query of GET /api/{type}/{id}/neighbours. */
export const NeighboursQuery = z.object({
  type: TYPE.openapi({ description: "The type of the neighbours", example: "course" }),
  limit: limit(10),
  offset,
});

/** Body of POST /api/detect. */
export const DetectBody = z.object({
  text: z
    .string()
    .max(API_LIMITS.detectTextLength)
    .openapi({ example: "Interleukin 6 (IL-6) is a cytokine." }),
  lang: z.enum(["en", "fr"]).optional(),
});

/** The one error shape of every failure. */
export const ErrorResponse = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi("Error");

const LangText = z.record(z.string(), z.string());

/** A record as the corpus gives it. */
export const RecordSchema = z
  .object({
    type: z.string(),
    id: z.string(),
    name: LangText,
    description: LangText.optional(),
    text: LangText.optional(),
    aliases: z.array(z.string()).optional(),
    keywords: z.array(z.string()).optional(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    links: z.array(z.object({ rel: z.string(), type: z.string(), id: z.string() })).optional(),
  })
  .openapi("Record");

/** GET /api/{type}/{id}. */
export const RecordResponse = z
  .object({ record: RecordSchema, neighbourCounts: z.record(z.string(), z.number()) })
  .openapi("RecordWithCounts");

/** GET /api/{type}/{id}/neighbours. */
export const NeighboursResponse = z
  .object({
    items: z.array(
      z.object({
        node: z.object({ type: z.string(), id: z.string(), name: z.string() }),
        edge: z.object({ score: z.number(), kind: z.string(), evidence: z.record(z.string(), z.unknown()) }),
      }),
    ),
    total: z.number().int(),
  })
  .openapi("Neighbours");

/** GET /api/search. */
export const SearchResponse = z
  .object({
    items: z.array(
      z.object({
        type: z.string(),
        id: z.string(),
        name: z.string(),
        description: z.string(),
        score: z.number(),
        highlight: z.string(),
      }),
    ),
    total: z.number().int(),
    facets: z.record(z.string(), z.number()),
  })
  .openapi("SearchResults");

/** GET /api/autocomplete. */
export const AutocompleteResponse = z
  .object({ items: z.array(z.object({ type: z.string(), id: z.string(), name: z.string() })) })
  .openapi("Completions");

/** POST /api/detect. */
export const DetectResponse = z
  .object({
    concepts: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        score: z.number(),
        mentions: z.array(z.object({ start: z.number(), end: z.number(), text: z.string() })),
      }),
    ),
  })
  .openapi("Detection");

/** GET /api/health. */
export const HealthResponse = z
  .object({ status: z.literal("ok"), counts: z.record(z.string(), z.number()) })
  .openapi("Health");

/** Body of POST /api/chat: the conversation so far, the question last. */
export const ChatBody = z.object({
  messages: z
    .array(
      z.object({
        role: z.enum(["user", "assistant"]),
        content: z.string().max(API_LIMITS.chatMessageLength),
      }),
    )
    .min(1)
    .max(20),
  lang: z.enum(["en", "fr"]).optional(),
});

/** POST /api/chat. */
export const ChatResponse = z
  .object({
    answer: z.string(),
    references: z.array(z.object({ type: z.string(), id: z.string(), name: z.string(), url: z.string() })),
    plan: z
      .object({
        intent: z.string(),
        lang: z.enum(["en", "fr"]),
        steps: z.array(z.object({ op: z.string() }).catchall(z.unknown())),
        cite: z.array(z.number()),
      })
      .catchall(z.unknown())
      .openapi({
        description:
          "How the question was read and the steps run: the calls and the operations on their results",
      }),
    calls: z.array(
      z.object({
        method: z.string(),
        path: z.string(),
        query: z.record(z.string(), z.string()).optional(),
        body: z.unknown().optional(),
      }),
    ),
  })
  .openapi("ChatReply");
