/**
 * The embeddable widgets (`/widgets.js`, an ES module): plain custom elements, no framework, that any web page
 * can show with one script tag. `<campus-graph-related type id related limit offset lang heading>` lists a
 * record's neighbours of one type with "Show more"; `<campus-graph-search types limit lang>` is a search box
 * with its results. Each renders in a shadow root, styled by the host page through `::part(…)` (box, heading,
 * list, item, link, code, status, more, form, input, button) and custom properties (`--cg-accent`,
 * `--cg-text`, `--cg-muted`, `--cg-border`, `--cg-background`, `--cg-radius`, `--cg-font`). Data comes from the
 * public JSON API of the server that served the script, which must allow the page's origin (CORS); links go back
 * to its record pages. Each widget fires `campus-graph-load` (detail: `{ total }`) when a page of items is shown.
 */

/** The module's source, served as is at /widgets.js. */
export const WIDGET_SCRIPT = `const ORIGIN = new URL(import.meta.url).origin;
const TEXT = {
  en: { course: "Related courses", lecture: "Related lectures", mooc: "Related MOOCs", person: "Related people",
    publication: "Related publications", unit: "Related units", concept: "Related concepts",
    concepts: "Concepts of this course", more: "Show more", loading: "Loading…", none: "Nothing to show yet.",
    error: "Campus Graph could not be reached.", search: "Search Campus Graph", go: "Search" },
  fr: { course: "Cours associés", lecture: "Séances associées", mooc: "MOOCs associés", person: "Personnes associées",
    publication: "Publications associées", unit: "Unités associées", concept: "Concepts associés",
    concepts: "Concepts de ce cours", more: "Afficher plus", loading: "Chargement…", none: "Rien à afficher pour l'instant.",
    error: "Campus Graph est injoignable.", search: "Rechercher dans Campus Graph", go: "Rechercher" },
};
const CSS = ":host{display:block;font:var(--cg-font,inherit);color:var(--cg-text,inherit)}" +
  "[part=box]{border:1px solid var(--cg-border,#dde2ec);border-radius:var(--cg-radius,10px);background:var(--cg-background,#fff);padding:.8em 1em}" +
  "h2{font-size:1.05em;margin:0 0 .5em}ul{list-style:none;margin:0;padding:0}" +
  "li{padding:.35em 0;border-top:1px solid var(--cg-border,#dde2ec)}li:first-child{border:0}" +
  "a{color:var(--cg-accent,#1d4ed8);font-weight:600;text-decoration:none}a:hover{text-decoration:underline}" +
  "[part=code]{font:600 .8em ui-monospace,monospace;color:var(--cg-muted,#536076);margin-right:.4em}" +
  "p{color:var(--cg-muted,#536076);margin:.3em 0}p:empty,[hidden]{display:none}" +
  "button,input{font:inherit}button{color:var(--cg-accent,#1d4ed8);background:none;border:1px solid var(--cg-border,#dde2ec);border-radius:8px;padding:.25em .8em;cursor:pointer}" +
  "[part=more]{margin-top:.6em}form{display:flex;gap:.4em;margin-bottom:.5em}" +
  "input{flex:1;min-width:0;padding:.35em .6em;border:1px solid var(--cg-border,#aab4c5);border-radius:8px}";
const enc = encodeURIComponent;
function make(parent, tag, part, text) {
  const e = document.createElement(tag);
  if (part) e.setAttribute("part", part);
  if (text) e.textContent = text;
  parent.appendChild(e);
  return e;
}
class Widget extends HTMLElement {
  connectedCallback() { if (!this.shadowRoot) this.build(); this.start(); }
  attributeChangedCallback() { if (this.shadowRoot) this.start(); }
  get language() { return (this.getAttribute("lang") || document.documentElement.lang || "en").slice(0, 2) === "fr" ? "fr" : "en"; }
  text(key) { return TEXT[this.language][key] || key; }
  number(name, fallback, max) {
    const n = Number.parseInt(this.getAttribute(name) || "", 10);
    return n >= 0 && n <= max ? n : fallback;
  }
  build() {
    const root = this.attachShadow({ mode: "open" });
    make(root, "style").textContent = CSS;
    this.box = make(root, "section", "box");
    this.top();
    this.list = make(this.box, "ul", "list");
    this.status = make(this.box, "p", "status");
    this.status.setAttribute("role", "status");
    this.more = make(this.box, "button", "more");
    this.more.type = "button";
    this.more.addEventListener("click", () => this.load());
  }
  reset(url) {
    this.base = url; this.offset = 0; this.seq = (this.seq || 0) + 1;
    this.list.textContent = ""; this.more.hidden = true; this.more.textContent = this.text("more");
  }
  async load() {
    const seq = this.seq, limit = this.number("limit", 5, 100);
    this.status.textContent = this.text("loading"); this.more.hidden = true;
    try {
      const r = await fetch(this.base + "&limit=" + limit + "&offset=" + this.offset, { headers: { accept: "application/json" } });
      if (!r.ok) throw new Error(String(r.status));
      const body = await r.json();
      if (seq !== this.seq) return;
      for (const item of body.items) this.item(item.node || item);
      this.offset += body.items.length;
      this.shown(body.total);
      this.status.textContent = this.offset ? "" : this.text("none");
      this.more.hidden = this.offset >= body.total || body.items.length === 0;
      this.dispatchEvent(new CustomEvent("campus-graph-load", { detail: { total: body.total }, bubbles: true }));
    } catch {
      if (seq === this.seq) this.status.textContent = this.text("error");
    }
  }
  item(node) {
    const li = make(this.list, "li", "item");
    const a = make(li, "a", "link");
    a.href = ORIGIN + "/" + enc(node.type) + "/" + enc(node.id) + "?lang=" + this.language;
    if (node.type === "course") make(a, "span", "code", node.id);
    a.append(node.name);
  }
  top() {}
  shown() {}
}
class Related extends Widget {
  static observedAttributes = ["type", "id", "related", "limit", "lang", "heading"];
  top() { this.heading = make(this.box, "h2", "heading"); }
  start() {
    const type = this.getAttribute("type") || "concept", related = this.getAttribute("related") || "course";
    this.label = this.getAttribute("heading") || this.text(related === "concept" && type !== "concept" ? "concepts" : related);
    this.heading.textContent = this.label;
    this.reset(ORIGIN + "/api/" + enc(type) + "/" + enc(this.getAttribute("id") || "") + "/neighbours?type=" + enc(related) + "&lang=" + this.language);
    this.offset = this.number("offset", 0, 10000);
    this.load();
  }
  shown(total) { this.heading.textContent = this.label + " (" + total + ")"; }
}
class Search extends Widget {
  static observedAttributes = ["types", "lang"];
  top() {
    this.form = make(this.box, "form", "form");
    this.form.setAttribute("role", "search");
    this.input = make(this.form, "input", "input");
    this.input.type = "search";
    this.button = make(this.form, "button", "button");
    this.form.addEventListener("submit", (e) => { e.preventDefault(); this.search(); });
  }
  start() {
    this.input.placeholder = this.text("search");
    this.input.setAttribute("aria-label", this.text("search"));
    this.button.textContent = this.text("go");
    this.reset("");
  }
  search() {
    const q = this.input.value.trim();
    const types = this.getAttribute("types");
    this.reset(ORIGIN + "/api/search?q=" + enc(q) + "&lang=" + this.language + (types ? "&types=" + enc(types) : ""));
    if (q) this.load();
  }
}
if (!customElements.get("campus-graph-related")) customElements.define("campus-graph-related", Related);
if (!customElements.get("campus-graph-search")) customElements.define("campus-graph-search", Search);
`;
