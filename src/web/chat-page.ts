/**
 * The /chat page: a question box (a plain form: keyboard friendly, no script needed), the conversation so far,
 * the answer with its references as links, and the plan it ran with the API calls it made in a collapsible block. It asks the chat
 * through the public API (`POST /api/chat`, in process), like any client would.
 */
import type { Env, Hono } from "hono";
import { getCookie } from "hono/cookie";
import { html, raw } from "hono/html";
import type { ChatCall } from "../chat/run-chat.js";
import { isLang, type Lang } from "../i18n/lang.js";
import { type Html, renderLayout } from "./layout.js";

interface Turn {
  readonly role: "user" | "assistant";
  readonly content: string;
}

interface Reply {
  readonly answer?: string;
  readonly calls?: readonly ChatCall[];
  readonly plan?: { readonly steps?: readonly Record<string, unknown>[] };
  readonly error?: { readonly message: string };
}

const TEXT = {
  en: {
    title: "Ask the graph",
    intro:
      "Ask about courses, lectures, MOOCs, people or topics. Answers are references to explore, found by calling this site's public API — not authoritative statements: check official sources.",
    label: "Your question",
    placeholder: "Which courses cover T cells?",
    send: "Ask",
    calls: "API calls made",
    plan: "Plan",
    restart: "New conversation",
    you: "You",
    graph: "Campus Graph",
  },
  fr: {
    title: "Interroger le graphe",
    intro:
      "Posez une question sur les cours, séances, MOOCs, personnes ou sujets. Les réponses sont des pistes à explorer, trouvées en appelant l'API publique de ce site — pas des affirmations officielles : vérifiez auprès des sources officielles.",
    label: "Votre question",
    placeholder: "Quels cours parlent de lymphocytes T ?",
    send: "Demander",
    calls: "Appels d'API effectués",
    plan: "Plan",
    restart: "Nouvelle conversation",
    you: "Vous",
    graph: "Campus Graph",
  },
} as const;

const MAX_TURNS = 10;

/** Registers GET /chat (the empty page) and POST /chat (a question, with the conversation so far). */
export function registerChatPage(app: Hono<Env>): void {
  app.get("/chat", (c) =>
    c.html(renderChat(pageLang(c.req.query("lang"), getCookie(c, "lang")), [], undefined)),
  );
  app.post("/chat", async (c) => {
    const form = await c.req.parseBody();
    const lang = pageLang(String(form.lang ?? ""), getCookie(c, "lang"));
    const history = parseHistory(String(form.history ?? "[]"));
    const question = String(form.question ?? "").trim();
    const messages: Turn[] = [...history, { role: "user" as const, content: question }].slice(-MAX_TURNS);
    const response = await app.request("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messages, lang }),
    });
    const reply = (await response.json()) as Reply;
    const answer = reply.answer ?? reply.error?.message ?? "";
    const turns = [...messages, { role: "assistant" as const, content: answer }];
    return c.html(renderChat(lang, turns, reply.calls, reply.plan?.steps));
  });
}

function pageLang(asked: string | undefined, kept: string | undefined): Lang {
  if (isLang(asked)) return asked;
  return isLang(kept) ? kept : "en";
}

/** The conversation carried in the form: only well-formed turns, each cut to the API's limit. */
function parseHistory(text: string): Turn[] {
  try {
    const value = JSON.parse(text) as unknown;
    if (!Array.isArray(value)) return [];
    return value
      .filter(
        (t): t is Turn => (t?.role === "user" || t?.role === "assistant") && typeof t?.content === "string",
      )
      .map((t) => ({ role: t.role, content: t.content.slice(0, 4_000) }))
      .slice(-MAX_TURNS);
  } catch {
    return [];
  }
}

function renderChat(
  lang: Lang,
  turns: readonly Turn[],
  calls: readonly ChatCall[] | undefined,
  steps: readonly Record<string, unknown>[] = [],
): Html {
  const text = TEXT[lang];
  const content = html`<style>
.chat .turns{list-style:none;padding:0;margin:1rem 0}.chat .turn{border-radius:.75rem;padding:.5rem 1rem;margin:.5rem 0}
.chat .turn-user{background:#eef2ff}.chat .turn-assistant{background:#f6f7f9}.chat .who{font-weight:600;margin:.25rem 0}
.chat .ask-row{display:flex;gap:.5rem}.chat .ask-row input{flex:1;padding:.6rem;font:inherit}.chat .ask-row button{padding:.6rem 1rem;font:inherit}
.chat .calls code{font-size:.85em;word-break:break-all}
</style>
<section class="chat" aria-labelledby="chat-title">
<h1 id="chat-title">${text.title}</h1>
<p class="disclaimer">${text.intro}</p>
<ol class="turns" aria-live="polite">
${turns.map(
  (turn) =>
    html`<li class="turn turn-${turn.role}"><p class="who">${turn.role === "user" ? text.you : text.graph}</p>${renderAnswer(turn.content)}</li>`,
)}
</ol>
${
  calls && calls.length > 0
    ? html`<details class="calls"><summary>${text.calls} (${calls.length})</summary>${renderPlan(text.plan, steps)}<ul>${calls.map(
        (call) =>
          html`<li><code>${call.method} ${call.path}${call.query ? `?${new URLSearchParams(call.query)}` : ""}${call.body ? ` ${JSON.stringify(call.body)}` : ""}</code></li>`,
      )}</ul></details>`
    : ""
}
<form class="ask" method="post" action="/chat">
<input type="hidden" name="lang" value="${lang}">
<input type="hidden" name="history" value="${JSON.stringify(turns)}">
<label for="question">${text.label}</label>
<div class="ask-row"><input id="question" name="question" type="text" maxlength="4000" required autofocus placeholder="${text.placeholder}"><button type="submit">${text.send}</button></div>
</form>
${turns.length > 0 ? html`<p><a href="/chat?lang=${lang}">${text.restart}</a></p>` : ""}
</section>`;
  return renderLayout(
    { lang, title: text.title, switchHref: `/chat?lang=${lang === "en" ? "fr" : "en"}` },
    content,
  );
}

/** A plan's steps, numbered from 0 as the steps refer to each other: "2. union {"of":[0,1]}". */
function renderPlan(title: string, steps: readonly Record<string, unknown>[]): Html | string {
  if (steps.length === 0) return "";
  return html`<p>${title}</p><ol start="0">${steps.map(({ op, ...args }) => html`<li><code>${String(op)} ${JSON.stringify(args)}</code></li>`)}</ol>`;
}

/** An answer's text as HTML: its lines, "- [name](url)" items as a list of links; everything else escaped. */
function renderAnswer(text: string): Html {
  const lines = text.split("\n");
  const parts: Html[] = [];
  let items: Html[] = [];
  const flush = () => {
    if (items.length > 0) parts.push(html`<ul>${items}</ul>`);
    items = [];
  };
  for (const line of lines) {
    const link = /^- \[(.+)\]\((\/[^\s)]*)\)$/.exec(line);
    if (link) {
      items.push(html`<li><a href="${link[2] ?? "/"}">${link[1] ?? ""}</a></li>`);
      continue;
    }
    flush();
    // The record a question asks about, first: "**[name](url)**: its description".
    const lead = /^\*\*\[(.+?)\]\((\/[^\s)]*)\)\*\*(.*)$/.exec(line);
    if (lead) {
      parts.push(
        html`<p><strong><a href="${lead[2] ?? "/"}">${lead[1] ?? ""}</a></strong>${lead[3] ?? ""}</p>`,
      );
      continue;
    }
    if (line.trim() !== "") parts.push(html`<p>${line}</p>`);
  }
  flush();
  return html`${parts}${raw("")}`;
}
