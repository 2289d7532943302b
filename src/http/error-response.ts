/**
 * Maps domain error codes to HTTP statuses and renders the one error shape: `{"error":{"code","message"}}`.
 * Unknown errors become a 500 whose message never carries a stack or an internal detail.
 */
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type ErrorCode, isCampusGraphError } from "../core/errors.js";

/** The body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

const STATUS: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  INVALID_ARGUMENT: 400,
  PAYLOAD_TOO_LARGE: 413,
  RECORD_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  DATABASE_UNAVAILABLE: 503,
  CURATION_DISABLED: 403,
  CURATOR_TOKEN_INVALID: 401,
  CSRF_TOKEN_INVALID: 403,
  CORRECTION_NOT_FOUND: 404,
  TOO_MANY_REPORTS: 429,
};

/** The status and body for `error`. */
export function toErrorResponse(error: unknown): { status: ContentfulStatusCode; body: ErrorBody } {
  // Hono's own client errors (a body that is not JSON, …) keep their status, in our shape.
  if (error instanceof HTTPException && error.status >= 400 && error.status < 500) {
    const status = error.status as ContentfulStatusCode;
    const code = status === 413 ? "PAYLOAD_TOO_LARGE" : "INVALID_ARGUMENT";
    return { status, body: { error: { code, message: error.message || "Bad request" } } };
  }
  if (isCampusGraphError(error)) {
    const status = STATUS[error.code];
    if (status !== undefined)
      return { status, body: { error: { code: error.code, message: error.message } } };
  }
  return {
    status: 500,
    body: { error: { code: "INTERNAL", message: "Internal error; it has been logged." } },
  };
}
