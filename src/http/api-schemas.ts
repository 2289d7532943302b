/**
 * The JSON API's request and response schemas: the one source of both request validation and the OpenAPI
 * document (`/api/openapi.json`), so that the two cannot drift.
 */
import { z } from "@hono/zod-openapi";
import { MAX_OFFSET as MAX_SEARCH_OFFSET } from "../app/search-records.js";

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
  // Search pages no deeper than the app ranks (one limit, one source); neighbour lists page further.
  offset: z.coerce.number().int().min(0).max(MAX_SEARCH_OFFSET).default(0).openapi({ example: 0 }),
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
  lang: z
    .enum(["en", "fr"])
    .optional()
    .openapi({ description: "Names in this language where the record has one; default English first" }),
  sort: z
    .enum(["rank", "year"])
    .default("rank")
    .openapi({
      description:
        "rank: best first; year: newest first by the record's year over all the neighbours (those without a year " +
        "last, in rank order), each node with its `year`",
    }),
});

/** Query of GET /api/{type}/{id}/path. */
export const PathQuery = z.object({
  depth: z.coerce
    .number()
    .int()
    .min(1)
    .max(6)
    .default(3)
    .openapi({ description: "Prerequisite links to follow from the goal", example: 3 }),
  limit: limit(30).openapi({ description: "The most courses on the path" }),
  lang: z.enum(["en", "fr"]).optional(),
});

const Node = z.object({ type: z.string(), id: z.string(), name: z.string() });

/** GET /api/{type}/{id}/path. */
export const PathResponse = z
  .object({
    target: Node,
    steps: z.array(
      z.object({
        node: Node,
        depth: z.number().int(),
        role: z.enum(["goal", "teaches", "prerequisite"]),
        requiredBy: z.array(z.string()),
        inCorpus: z.boolean().openapi({ description: "False for a prerequisite the corpus does not hold" }),
      }),
    ),
    foundations: z.array(z.object({ node: Node, score: z.number(), coveredBy: z.array(z.string()) })),
    brokenLinks: z.array(z.object({ from: z.string(), to: z.string() })),
    truncated: z.boolean(),
  })
  .openapi("LearningPath");

/** Query of GET /api/compare. */
export const CompareQuery = z.object({
  courses: z
    .string()
    .min(1)
    .max(1_000)
    .openapi({ description: "2 to 5 course ids, comma-separated", example: "CS-433,EE-559" }),
  lang: z.enum(["en", "fr"]).optional(),
});

/** GET /api/compare. */
export const CompareResponse = z
  .object({
    courses: z.array(Node),
    concepts: z.array(
      z.object({ node: Node, scores: z.array(z.number().nullable()), shared: z.number().int() }),
    ),
  })
  .openapi("CourseComparison");

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
        node: z.object({
          type: z.string(),
          id: z.string(),
          name: z.string(),
          year: z.number().optional().openapi({ description: "The record's year, with sort=year" }),
        }),
        edge: z.object({
          score: z.number(),
          kind: z.string(),
          evidence: z.record(z.string(), z.unknown()).openapi({
            description:
              "Why the neighbour is listed; the keys depend on `kind`: `detected`, `keyword` and `mentions` (the " +
              "concept found in the record's text), `via` (the concepts it was reached through, with their shares), " +
              "`named`, `shared`, `fact` and `direction` (`out` or `in`: a relation given by the corpus), `correction` and " +
              "`why` (a curator's correction), `also` (ids of records of the same type taken for this one, such as " +
              "a course's other sections or a MOOC's reruns, listed under it rather than in places of their own; at most 8, " +
              "`alsoMore` counting the others).",
          }),
        }),
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
    english: z
      .array(z.string())
      .optional()
      .openapi({
        description:
          "For a query read as French: the English it was also matched as, whole, as the corpus's bilingual records translate it (word keys, lower case)",
        example: ["machine learning"],
      }),
  })
  .openapi("SearchResults");

/** GET /api/autocomplete. */
export const AutocompleteResponse = z
  .object({
    items: z.array(
      Node.extend({
        alias: z
          .string()
          .optional()
          .openapi({ description: "The shortest of the record's aliases that matched, when one did" }),
      }),
    ),
  })
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
  .object({
    status: z.literal("ok"),
    counts: z.record(z.string(), z.number()),
    detection: z
      .enum(["loading", "ready"])
      .optional()
      .openapi({ description: "Whether /api/detect's dictionary is loaded (a server loads it at start)" }),
  })
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
    references: z.array(
      z.object({
        type: z.string(),
        id: z.string(),
        name: z.string(),
        url: z.string(),
        related: z
          .literal(true)
          .optional()
          .describe("Listed through the concept's related concepts, not as being about the concept itself"),
      }),
    ),
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
