import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoStore } from "../../test/demo-store.js";
import { buildGraph } from "../app/build-graph.js";
import { createHttpApp } from "../server/create-app.js";
import type { Store } from "../store/store.js";

const TOKEN = "curator-token-0123456789";
const edge = {
  source_type: "course",
  source_id: "BIO-310",
  target_type: "concept",
  target_id: "Interleukin_6",
};

let store: Store;
let app: ReturnType<typeof createHttpApp>;
beforeAll(async () => {
  store = await openDemoStore();
  await buildGraph(store);
  app = createHttpApp(store, { curatorToken: TOKEN, logError: () => undefined });
});
afterAll(async () => {
  await store.close();
});

const page = async (path: string, cookie = "") => {
  const response = await app.request(path, { headers: cookie ? { cookie } : {} });
  return { status: response.status, text: await response.text() };
};
const csrfOf = (text: string) => text.match(/name="csrf" value="([^"]+)"/)?.[1] ?? "";
const post = (fields: Record<string, string>, cookie = "") =>
  app.request("/curate", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
const formPath = `/curate?${new URLSearchParams(edge)}`;

describe("curation pages", () => {
  it("links each neighbour of a record page to the form reporting its link", async () => {
    const course = await page("/course/BIO-310");
    expect(course.text).toContain("/curate?source_type=course&amp;source_id=BIO-310&amp;target_type=concept");
    const concept = await page("/concept/Interleukin_6?lang=fr");
    expect(concept.text).toContain("source_id=Interleukin_6&amp;target_type=course&amp;target_id=BIO-310");
    expect(concept.text).toContain("Signaler un lien erroné");
  });

  it("stores a reader's report sent with the form's token, and changes nothing on the page", async () => {
    const before = await store.graph.neighbours({ type: "course", id: "BIO-310" }, "concept", 100, 0);
    const form = await page(formPath);
    expect(form.status).toBe(200);
    expect(form.text).not.toContain("Hide this link");
    const sent = await post({ ...edge, action: "report", why: "a wrong link", csrf: csrfOf(form.text) });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain("Thank you");
    expect((await store.curation.listReports(1))[0]).toMatchObject({ why: "a wrong link" });
    expect(await store.graph.neighbours({ type: "course", id: "BIO-310" }, "concept", 100, 0)).toEqual(
      before,
    );
  });

  it("refuses a post without a valid form token, and a form with a bad field", async () => {
    expect((await post({ ...edge, action: "report", why: "x" })).status).toBe(403);
    expect((await post({ ...edge, action: "report", csrf: "1.forged" })).status).toBe(403);
    const csrf = csrfOf((await page(formPath)).text);
    const bad = await post({ ...edge, source_type: "Bad Type!", action: "report", csrf });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("source_type");
  });

  it("lets a curator log in, hide a link from the form, and see it listed; others cannot", async () => {
    const login = csrfOf((await page("/curate")).text);
    expect((await post({ action: "login", token: "wrong", csrf: login })).status).toBe(401);
    const loggedIn = await post({ action: "login", token: TOKEN, csrf: login });
    expect(loggedIn.status).toBe(303);
    const cookie = (loggedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(loggedIn.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    const form = await page(formPath, cookie);
    expect(form.text).toContain("Hide this link");
    const fields = { ...edge, action: "hide", who: "ada", why: "not taught", csrf: csrfOf(form.text) };
    expect((await post(fields)).status).toBe(401);
    const hidden = await post(fields, cookie);
    expect(hidden.status).toBe(200);
    const listed = await page("/curate", cookie);
    expect(listed.text).toContain("not taught");
    expect(listed.text).toContain("a wrong link");
  });
});
