/**
 * Anti-forgery tokens for the curation forms: a time stamp signed with the server's secret (HMAC-SHA256), put
 * in a hidden field and checked on post. A page from another site cannot read one, so it cannot post a form.
 */
import { createHmac, randomBytes } from "node:crypto";
import { sameToken } from "../http/curator-auth.js";

/** How long a form's token stays valid: two hours. */
export const CSRF_VALIDITY_MS = 2 * 60 * 60 * 1000;

/** Issues and checks the tokens of one server. */
export interface CsrfTokens {
  /** A new token, valid for `CSRF_VALIDITY_MS` from now. */
  issue(): string;
  /** True when `token` was issued by this server and has not expired. */
  check(token: string | undefined): boolean;
}

/** Tokens signed with `secret` (default: 32 random bytes, so a restart expires every form), on `now`'s clock. */
export function csrfTokens(secret: Buffer = randomBytes(32), now: () => number = Date.now): CsrfTokens {
  const sign = (stamp: string) => createHmac("sha256", secret).update(stamp).digest("base64url");
  return {
    issue: () => {
      const stamp = String(now());
      return `${stamp}.${sign(stamp)}`;
    },
    check: (token) => {
      const [stamp, signature, extra] = (token ?? "").split(".");
      if (!stamp || !signature || extra !== undefined || !/^\d+$/.test(stamp)) return false;
      const age = now() - Number(stamp);
      return age >= 0 && age < CSRF_VALIDITY_MS && sameToken(signature, sign(stamp));
    },
  };
}
