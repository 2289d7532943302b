import { describe, expect, it } from "vitest";
import { useDemoWebApp } from "../../test/demo-web-app.js";
import { renderWidgetsPage } from "./widgets-page.js";

describe("the widgets script and demo page", () => {
  const app = useDemoWebApp();

  it("serves /widgets.js as a module any page may load, defining both elements", async () => {
    const response = await app.request("/widgets.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/javascript");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const script = await response.text();
    expect(script).toContain('customElements.define("campus-graph-related"');
    expect(script).toContain('customElements.define("campus-graph-search"');
  });

  it("shows each widget's tag with this server's origin, in the page's language", async () => {
    const page = await (await app.request("http://campus.example/widgets?lang=fr")).text();
    expect(page).toContain("Des widgets pour vos pages");
    expect(page).toContain(
      "&lt;script type=&quot;module&quot; src=&quot;http://campus.example/widgets.js&quot;&gt;&lt;/script&gt;",
    );
    expect(page).toContain(
      '<campus-graph-related type="concept" id="Interleukin_6" related="course" limit="5" lang="fr"></campus-graph-related>',
    );
    expect(page).toContain('<campus-graph-related type="course" id="BIO-310" related="concept"');
  });

  it("escapes ids in the live tags and in the shown ones", async () => {
    const page = String(
      await renderWidgetsPage({ concept: 'x"><script>alert(1)</script>' }, "http://h", "en"),
    );
    expect(page).not.toContain("<script>alert(1)");
    expect(page).toContain('id="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });
});
