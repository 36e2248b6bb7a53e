import { describe, expect, it } from "vitest";
import { dbnetSchedule, HOSTILE } from "../testing/schedules";
import { renderCardsHtml } from "./cards-html";

describe("renderCardsHtml", () => {
  it("renders one card per schedule with its canvas, readout and export buttons", () => {
    const html = renderCardsHtml([dbnetSchedule(), dbnetSchedule({ path: "Optimizer.lr" })]);
    expect(html.match(/<section class="card/g)).toHaveLength(2);
    expect(html).toContain('<canvas class="base" data-index="1"');
    expect(html).toContain('data-action="export-png" data-index="0"');
    expect(html).toContain('data-action="export-csv" data-index="1"');
    expect(html).toContain("peak 0.007 · final 7e-05 · 2,500 steps");
  });
  it("lists the warmup end and milestones", () => {
    const html = renderCardsHtml([dbnetSchedule()]);
    expect(html).toContain('<li class="marker marker-warmup-end" title="warmup end">warmup end (2000)</li>');
    expect(html).toContain('<li class="marker marker-milestone" title="milestone">×0.1 at 2300</li>');
  });
  it("marks the card a code lens asked for", () => {
    const html = renderCardsHtml([dbnetSchedule(), dbnetSchedule({ path: "Optimizer.lr" })], "Optimizer.lr");
    expect(html).toContain('<section class="card focused" id="schedule-1"');
  });
  it("shows the construction error instead of a chart", () => {
    const html = renderCardsHtml([dbnetSchedule({ points: [], error: "milestones must be increasing" })]);
    expect(html).toContain('<p class="error">milestones must be increasing</p>');
    expect(html).not.toContain("<canvas");
  });
  it("escapes every string from the config: path, dialect, scheduler, marker labels, error and base file", () => {
    const evil = `${HOSTILE.script}${HOSTILE.svgOnload}${HOSTILE.imgOnerror}${HOSTILE.quote}`;
    const html = renderCardsHtml([
      dbnetSchedule({ path: evil, dialect: evil, scheduler: evil, definedIn: evil, markers: [{ step: 1, kind: "milestone", label: evil }] }),
      dbnetSchedule({ path: evil, points: [], error: evil }),
    ]);
    // Only our own tags and attributes exist; the hostile text stays text (quotes escaped, so no attribute ends early).
    const tags = [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)];
    expect(new Set(tags.map((t) => t[1]))).toEqual(new Set(["section", "header", "h2", "a", "span", "p", "div", "canvas", "ul", "li", "button"]));
    for (const [, , attrs] of tags) {
      const names = [...attrs.matchAll(/\s([a-z-]+)="[^"]*"/g)].map((m) => m[1]);
      expect(attrs.replace(/\s([a-z-]+)="[^"]*"/g, "").trim()).toBe("");
      for (const n of names) expect(["class", "id", "data-index", "data-action", "href", "aria-label", "role", "aria-live", "type", "title"]).toContain(n);
    }
    expect(html.match(/&#60;script&#62;/g)!.length).toBeGreaterThanOrEqual(7);
  });
  it("says so when the file has no schedule", () => {
    expect(renderCardsHtml([])).toContain("No learning-rate schedule");
  });
});
