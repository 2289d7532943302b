/**
 * Who may curate: a request carrying the server's curator token, as `Authorization: Bearer <token>` or in the
 * curator cookie the web login sets. No token configured, no curation.
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

/** The token a request carries: its bearer token, else its curator cookie, else undefined. */
export function requestToken(c: Context): string | undefined {
  const header = c.req.header("Authorization");
  const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? getCookie(c, CURATOR_COOKIE);
}

/** True when the request comes from a curator of a server whose token is `token`. */
export function isCurator(c: Context, token: string | undefined): boolean {
  const given = requestToken(c);
  return token !== undefined && given !== undefined && sameToken(given, token);
}

/** Throws unless the request comes from a curator: 403 when curation is off, 401 without the right token. */
export function requireCurator(c: Context, token: string | undefined): void {
  if (token === undefined) throw new CampusGraphError("CURATION_DISABLED");
  if (!isCurator(c, token)) throw new CampusGraphError("CURATOR_TOKEN_INVALID");
}
