/**
 * The curation routes of the API: curators add, withdraw and list corrections and read readers' reports
 * (bearer token); anyone may report a wrong link (rate-limited per client address).
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { addCorrection, reportWrongLink, withdrawCorrection } from "../app/curate.js";
import { readCorrections, readReports } from "../app/read-records.js";
import type { CorrectionKind } from "../core/correction.js";
import { CampusGraphError } from "../core/errors.js";
import type { Store } from "../store/store.js";
import { ErrorResponse } from "./api-schemas.js";
import {
  CorrectionBody,
  CorrectionParams,
  CorrectionSchema,
  CorrectionsResponse,
  CURATION_LIMITS,
  ReportBody,
  ReportSchema,
  ReportsResponse,
  WithdrawQuery,
} from "./curation-schemas.js";
import { requireCurator } from "./curator-auth.js";
import { RateLimiter } from "./rate-limit.js";

/** What the curation routes need. */
export interface CurationDependencies {
  readonly store: Store;
  /** The curators' token; undefined turns curation off. */
  readonly curatorToken: string | undefined;
  /** Counts reports per client; default 10 a minute. */
  readonly reportLimiter?: RateLimiter;
}

const json = <T>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});
const body = <T>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });
const errors = {
  400: json(ErrorResponse, "Bad parameters"),
  401: json(ErrorResponse, "No curator token, or a wrong one"),
  403: json(ErrorResponse, "Curation is off on this server"),
  404: json(ErrorResponse, "No such record or correction"),
};
const bearer = [{ curatorToken: [] }];

/** The address a request came from, as the rate limit counts it. */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "local";
}

/** Registers the curation routes on `app`. */
export function registerCurationRoutes(app: OpenAPIHono, deps: CurationDependencies): void {
  const { store, curatorToken } = deps;
  const limiter =
    deps.reportLimiter ?? new RateLimiter({ limit: CURATION_LIMITS.reportsPerMinute, windowMs: 60_000 });
  // Before validation: a stranger learns nothing about what a valid body would be.
  const guard = async (c: Context, next: () => Promise<void>) => {
    requireCurator(c, curatorToken, "bearer");
    await next();
  };
  app.use("/api/corrections", guard);
  app.use("/api/corrections/*", guard);
  app.on("GET", "/api/reports", guard);
  app.openAPIRegistry.registerComponent("securitySchemes", "curatorToken", {
    type: "http",
    scheme: "bearer",
  });

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/corrections",
      summary: "Correct the graph (curators): hide or pin an edge, add an alias, move a concept",
      security: bearer,
      request: body(CorrectionBody),
      responses: {
        201: json(CorrectionSchema, "The stored correction, applied by the next build"),
        ...errors,
      },
    }),
    async (c) => {
      const request = c.req.valid("json");
      const correction = await addCorrection(store, { ...request, kind: request.kind as CorrectionKind });
      return c.json(correction, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/corrections",
      summary: "Every correction, withdrawn ones included (curators)",
      security: bearer,
      responses: { 200: json(CorrectionsResponse, "Corrections, oldest first"), ...errors },
    }),
    async (c) => {
      c.header("Cache-Control", "no-store");
      return c.json({ items: await readCorrections(store) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/corrections/{id}",
      summary: "Withdraw a correction (curators); the next build no longer applies it",
      security: bearer,
      request: { params: CorrectionParams, query: WithdrawQuery },
      responses: { 204: { description: "Withdrawn" }, ...errors },
    }),
    async (c) => {
      await withdrawCorrection(store, c.req.valid("param").id, c.req.valid("query").who);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/reports",
      summary: "Report a wrong link (anyone; 10 a minute per address); nothing on the page changes",
      request: body(ReportBody),
      responses: {
        201: json(ReportSchema, "The stored report"),
        429: json(ErrorResponse, "Too many reports from this address"),
        400: errors[400],
        404: errors[404],
      },
    }),
    async (c) => {
      const request = c.req.valid("json");
      if (!limiter.allow(clientAddress(c))) throw new CampusGraphError("TOO_MANY_REPORTS");
      return c.json(await reportWrongLink(store, request), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/reports",
      summary: "Readers' reports of wrong links, newest first (curators)",
      security: bearer,
      responses: { 200: json(ReportsResponse, "Reports"), ...errors },
    }),
    async (c) => {
      c.header("Cache-Control", "no-store");
      return c.json({ items: await readReports(store, CURATION_LIMITS.reportsListed) }, 200);
    },
  );
}
