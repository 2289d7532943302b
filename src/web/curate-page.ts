/**
 * The curation pages under /curate: GET with an edge shows its report form (and, to a curator, hide and pin);
 * GET alone shows a curator the reports and corrections, anyone else the login form. Every POST carries an
 * anti-forgery token; a reader's report changes no page, a curator's correction waits for the next build.
 */
import { z } from "@hono/zod-openapi";
import type { Context, Env, Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { addCorrection, reportWrongLink, withdrawCorrection } from "../app/curate.js";
import { readCurationLists, readRecords } from "../app/read-records.js";
import type { CorrectionKey } from "../core/correction.js";
import { CampusGraphError, isCampusGraphError } from "../core/errors.js";
import { CURATION_LIMITS } from "../http/curation-schemas.js";
import { CURATOR_COOKIE, isCurator, requireCurator, sameToken } from "../http/curator-auth.js";
import { toErrorResponse } from "../http/error-response.js";
import type { RateLimiter } from "../http/rate-limit.js";
import { curateText } from "../i18n/curate-text.js";
import { isLang, type Lang } from "../i18n/lang.js";
import type { Store } from "../store/store.js";
import { csrfTokens } from "./csrf.js";
import {
  type NamedKey,
  renderCurationList,
  renderLogin,
  renderMessage,
  renderReportForm,
} from "./curate-views.js";
import { type Html, renderLayout } from "./layout.js";
import { loadSummaries } from "./record-links.js";

/** What the curation pages need. */
export interface CuratePageDependencies {
  readonly store: Store;
  /** The curators' token; undefined turns curation off. */
  readonly curatorToken: string | undefined;
  /** Counts readers' reports per address, shared with the API. */
  readonly reportLimiter: RateLimiter;
  /** The client address of a request, as the limiter counts it. */
  readonly clientAddress: (c: Context) => string;
}

const TYPE = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, "must be a record type");
const ID = z.string().min(1).max(512);
const text = (max: number) => z.string().trim().max(max).default("");
const EdgeForm = z.object({ source_type: TYPE, source_id: ID, target_type: TYPE, target_id: ID });
const PostForm = z.discriminatedUnion("action", [
  z.object({ action: z.literal("login"), token: z.string().max(1_000) }),
  z.object({ action: z.literal("logout") }),
  EdgeForm.extend({ action: z.literal("report"), why: text(CURATION_LIMITS.why) }),
  EdgeForm.extend({
    action: z.enum(["hide", "pin"]),
    why: text(CURATION_LIMITS.why),
    who: z.string().trim().min(1).max(CURATION_LIMITS.who),
  }),
  z.object({
    action: z.literal("withdraw"),
    id: z.coerce.number().int().min(1),
    who: z.string().trim().min(1).max(CURATION_LIMITS.who),
  }),
]);

const edgeOf = (f: z.infer<typeof EdgeForm>) => ({
  source: { type: f.source_type, id: f.source_id },
  target: { type: f.target_type, id: f.target_id },
});

/** Registers GET and POST /curate on `app`. */
export function registerCuratePage<E extends Env>(app: Hono<E>, deps: CuratePageDependencies): void {
  const { store, curatorToken } = deps;
  const csrf = csrfTokens();
  const send = (c: Context, lang: Lang, content: Html, status: 200 | 400 | 401 | 403 | 404 | 429 = 200) => {
    c.header("Cache-Control", "no-store");
    const title = curateText(lang, "curateTitle");
    return c.html(
      renderLayout({ lang, title, switchHref: `/curate?lang=${lang === "en" ? "fr" : "en"}` }, content),
      status,
    );
  };
  const langOf = (value: unknown): Lang => (typeof value === "string" && isLang(value) ? value : "en");

  app.get("/curate", async (c) => {
    const lang = langOf(c.req.query("lang"));
    const edge = EdgeForm.safeParse(c.req.query());
    if (edge.success) {
      const named = await nameEdge(store, edgeOf(edge.data), lang);
      if (!named)
        return send(
          c,
          lang,
          renderMessage(lang, curateText(lang, "invalid", { problem: "no such record" })),
          404,
        );
      const curator = isCurator(c, curatorToken, "cookie");
      return send(c, lang, renderReportForm(named, { lang, csrf: csrf.issue(), curator }));
    }
    if (!isCurator(c, curatorToken, "cookie"))
      return send(c, lang, renderLogin(lang, csrf.issue(), curatorToken !== undefined));
    const lists = await readCurationLists(store, CURATION_LIMITS.reportsListed);
    return send(c, lang, renderCurationList(lists, { lang, csrf: csrf.issue() }));
  });

  app.post("/curate", async (c) => {
    const body = await c.req.parseBody();
    const lang = langOf(body.lang);
    try {
      if (!csrf.check(typeof body.csrf === "string" ? body.csrf : undefined))
        throw new CampusGraphError("CSRF_TOKEN_INVALID");
      const parsed = PostForm.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const problem = `${issue?.path.join(".") || "form"}: ${issue?.message ?? "invalid"}`;
        throw new CampusGraphError("INVALID_ARGUMENT", { problem });
      }
      const form = parsed.data;
      const home = `/curate?lang=${lang}`;
      if (form.action === "login") {
        if (curatorToken === undefined) throw new CampusGraphError("CURATION_DISABLED");
        if (!sameToken(form.token, curatorToken))
          return send(c, lang, renderLogin(lang, csrf.issue(), true, curateText(lang, "badToken")), 401);
        setCookie(c, CURATOR_COOKIE, curatorToken, { path: "/", httpOnly: true, sameSite: "Strict" });
        return c.redirect(home, 303);
      }
      if (form.action === "logout") {
        deleteCookie(c, CURATOR_COOKIE, { path: "/" });
        return c.redirect(home, 303);
      }
      if (form.action === "report") {
        if (!deps.reportLimiter.allow(deps.clientAddress(c))) throw new CampusGraphError("TOO_MANY_REPORTS");
        const { source, target } = edgeOf(form);
        await reportWrongLink(store, { source, target, why: form.why });
        return send(c, lang, renderMessage(lang, curateText(lang, "thanks"), source));
      }
      requireCurator(c, curatorToken, "cookie");
      if (form.action === "withdraw") {
        await withdrawCorrection(store, form.id, form.who);
        return c.redirect(home, 303);
      }
      const { source, target } = edgeOf(form);
      const added = await addCorrection(store, {
        kind: form.action,
        source,
        target,
        why: form.why,
        who: form.who,
      });
      return send(c, lang, renderMessage(lang, curateText(lang, "applied", { id: added.id }), source));
    } catch (error) {
      if (!isCampusGraphError(error)) throw error;
      const { status, body: answer } = toErrorResponse(error);
      const shown = status === 400 || status === 401 || status === 403 || status === 404 || status === 429;
      if (!shown) throw error;
      return send(c, lang, renderMessage(lang, answer.error.message), status);
    }
  });
}

/** Both ends of an edge with their display names, or undefined when either is missing. */
async function nameEdge(
  store: Store,
  edge: { source: CorrectionKey; target: CorrectionKey },
  lang: Lang,
): Promise<{ source: NamedKey; target: NamedKey } | undefined> {
  const found = await readRecords(store, [edge.source, edge.target]);
  if (!found[0] || !found[1]) return undefined;
  const [source, target] = await loadSummaries(store, [edge.source, edge.target], lang);
  if (!source || !target) return undefined;
  return { source: { ...edge.source, name: source.name }, target: { ...edge.target, name: target.name } };
}
