import { describe, expect, it } from "vitest";
import { useDemoWebApp } from "../../test/demo-web-app.js";
import { parseTakenCourses } from "./taken-section.js";

describe("learning path, taken courses and comparison pages", () => {
  const app = useDemoWebApp();

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await app.request(path, { headers });
    return { response, body: await response.text() };
  };

  it("draws a course's learning path and lists it with prerequisites first", async () => {
    const { body } = await get("/course/BIOENG-399");
    const section = body.slice(body.indexOf('id="sec-path"'));
    expect(section).toContain("<svg");
    expect(section).toContain('href="/course/BIO-479"');
    const list = section.slice(section.indexOf('<ol class="steps">'));
    expect(list.indexOf("BIO-479")).toBeLessThan(list.indexOf("BIOENG-399"));
    expect((await get("/person/p-anne-dupont")).body).not.toContain('id="sec-path"');
    expect((await get("/concept/Interleukin_6?lang=fr")).body).toContain("Parcours d&#39;apprentissage");
  });

  it("keeps the taken courses in a cookie and marks the concepts they cover", async () => {
    const first = await get("/course/BIO-310?taken=BIO-479,%20NOPE-1");
    expect(first.response.headers.get("set-cookie")).toMatch(/^taken=BIO-479%2CNOPE-1;/);
    expect(first.body).toMatch(/\d+ of the \d+ concepts of this course are covered by BIO-479\./);
    expect(first.body).toContain("Unknown course codes: NOPE-1.");
    expect(first.body).toContain('<ul class="chips covered">');
    const again = await get("/course/BIO-310", { Cookie: "taken=BIO-479" });
    expect(again.body).toContain("are covered by BIO-479.");
    const cleared = await get("/course/BIO-310?taken=");
    expect(cleared.response.headers.get("set-cookie")).toMatch(/^taken=;.*Max-Age=0/);
    expect(cleared.body).not.toContain("are covered by");
  });

  it("reads course codes from a comma- or space-separated list, ignoring what is not a code", () => {
    expect(parseTakenCourses("CS-101, MATH-101(a) CS-101;<b>x</b>")).toEqual(["CS-101", "MATH-101(a)"]);
    expect(parseTakenCourses(undefined)).toEqual([]);
  });

  it("compares courses side by side, and says why it cannot", async () => {
    const { response, body } = await get("/compare?courses=BIO-310,BIO-479&lang=fr");
    expect(response.status).toBe(200);
    expect(body).toContain("Comparer des cours");
    expect(body).toMatch(/Communs à tous \(\d+\)/);
    expect(body).toMatch(/Seulement dans BIO-310 \(\d+\)/);
    const one = await get("/compare?courses=BIO-310");
    expect(one.response.status).toBe(400);
    expect(one.body).toContain("give 2 to 5 different course ids, not 1");
    const unknown = await get("/compare?courses=BIO-310,NOPE-1");
    expect(unknown.response.status).toBe(400);
    expect(unknown.body).toContain("No course with id NOPE-1");
    expect((await get("/compare")).response.status).toBe(200);
  });
});
