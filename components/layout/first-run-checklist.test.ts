import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Breadcrumbs } from "./breadcrumbs";
import { FirstRunChecklist } from "./first-run-checklist";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
const steps = (done: [boolean, boolean, boolean]) => [
  { key: "connect" as const, label: "Connect Dialpad", href: "/settings/products", isDone: done[0] },
  { key: "map" as const, label: "Map employees", href: "/settings/products/phone-system/mapping", isDone: done[1] },
  { key: "review" as const, label: "Review scores", href: "/team", isDone: done[2] },
];

describe("FirstRunChecklist", () => {
  it("says which steps are done in words, not by the tick alone", () => {
    const html = renderToStaticMarkup(createElement(FirstRunChecklist, { steps: steps([true, false, false]) }));
    expect(text(html)).toBe(
      "Get started 1 of 3 steps done ✓ Connect Dialpad (done) Done Map employees (to do) To do Review scores (to do) To do",
    );
  });

  it("is gone once every step is done", () => {
    expect(renderToStaticMarkup(createElement(FirstRunChecklist, { steps: steps([true, true, true]) }))).toBe("");
  });
});

describe("Breadcrumbs", () => {
  it("links every crumb but the last, which is the current page", () => {
    const html = renderToStaticMarkup(
      createElement(Breadcrumbs, { items: [{ label: "Team", href: "/team" }, { label: "Mon 30 Nov 2026", href: "/team?date=2026-11-30" }, { label: "Blake Costa" }] }),
    );
    expect(html).toContain('<a href="/team">Team</a>');
    expect(html).toContain('<a href="/team?date=2026-11-30">Mon 30 Nov 2026</a>');
    expect(html).toContain('<span aria-current="page">Blake Costa</span>');
    expect(html).toContain('aria-label="Breadcrumb"');
  });
});
