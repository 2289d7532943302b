/**
 * Who may curate: a request carrying the server's curator token, as `Authorization: Bearer <token>` (API) or in
 * the curator cookie the web login sets (pages). No token configured, no curation.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { CampusGraphError } from "../core/errors.js";

/** The HttpOnly cookie holding a logged-in curator's token. */
export const CURATOR_COOKIE = "campus_curator";

/** True when `given` equals `token`, compared in constant time. */
export function sameToken(given: string, token: string): boolean {
  // Hashing first gives equal lengths, which timingSafeEqual needs, without revealing the token's length.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(token).digest();
  return timingSafeEqual(a, b);
}

/**
 * Where a curator's token is read from: the API takes only the `Authorization` header (a cookie would ride along
 * on a forged cross-site request), the web pages only the cookie (their forms carry an anti-forgery token).
 */
export type TokenSource = "bearer" | "cookie";

/** The token a request carries in `source`, or undefined. */
export function requestToken(c: Context, source: TokenSource): string | undefined {
  if (source === "cookie") return getCookie(c, CURATOR_COOKIE);
  return c.req.header("Authorization")?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
}

/** True when the request carries, in `source`, the token `token` of this server. */
export function isCurator(c: Context, token: string | undefined, source: TokenSource): boolean {
  const given = requestToken(c, source);
  return token !== undefined && given !== undefined && sameToken(given, token);
}

/** Throws unless the request comes from a curator: 403 when curation is off, 401 without the right token. */
export function requireCurator(c: Context, token: string | undefined, source: TokenSource): void {
  if (token === undefined) throw new CampusGraphError("CURATION_DISABLED");
  if (!isCurator(c, token, source)) throw new CampusGraphError("CURATOR_TOKEN_INVALID");
}
