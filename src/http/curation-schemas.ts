/**
 * The request and response schemas of the curation routes (corrections and reports), part of the OpenAPI
 * document like those of `api-schemas.ts`.
 */
import { z } from "@hono/zod-openapi";
import { CORRECTION_KINDS } from "../core/correction.js";

/** The limits of curation inputs. */
export const CURATION_LIMITS = {
  /** Characters of a reason. */
  why: 1_000,
  /** Characters of a curator's name. */
  who: 100,
  /** Characters of an alias. */
  alias: 200,
  /** Reports a client may send per minute. */
  reportsPerMinute: 10,
  /** Reports a listing shows. */
  reportsListed: 500,
} as const;

const Key = z
  .object({
    type: z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, "must be a record type such as concept or course"),
    id: z.string().min(1).max(512),
  })
  .openapi("RecordKey", { example: { type: "course", id: "BIO-310" } });

const why = z.string().trim().max(CURATION_LIMITS.why).default("");

/** Body of POST /api/corrections. */
export const CorrectionBody = z
  .object({
    kind: z.enum(CORRECTION_KINDS as [string, ...string[]]).openapi({ example: "hide" }),
    source: Key,
    target: Key.optional().openapi({
      description: "The edge's other end (hide, pin), or the category (category)",
    }),
    value: z
      .string()
      .trim()
      .min(1)
      .max(CURATION_LIMITS.alias)
      .optional()
      .openapi({ description: "The alias" }),
    why,
    who: z.string().trim().min(1).max(CURATION_LIMITS.who).openapi({ example: "ada" }),
  })
  .strict();

/** A stored correction. */
export const CorrectionSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    source: Key,
    target: Key.optional(),
    value: z.string().optional(),
    why: z.string(),
    who: z.string(),
    at: z.string(),
    withdrawn: z.object({ who: z.string(), at: z.string() }).optional(),
  })
  .openapi("Correction");

/** Response of GET /api/corrections. */
export const CorrectionsResponse = z.object({ items: z.array(CorrectionSchema) }).openapi("Corrections");

/** Path of DELETE /api/corrections/{id}. */
export const CorrectionParams = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: "id", in: "path" }, example: 1 }),
});

/** Query of DELETE /api/corrections/{id}: who withdraws it. */
export const WithdrawQuery = z.object({
  who: z.string().trim().min(1).max(CURATION_LIMITS.who).openapi({ example: "ada" }),
});

/** Body of POST /api/reports. */
export const ReportBody = z.object({ source: Key, target: Key, why }).strict();

/** A stored report. */
export const ReportSchema = z
  .object({ id: z.number().int(), source: Key, target: Key, why: z.string(), at: z.string() })
  .openapi("Report");

/** Response of GET /api/reports. */
export const ReportsResponse = z.object({ items: z.array(ReportSchema) }).openapi("Reports");
