import { describe, expect, it } from "vitest";
import { buildInlinePreviews, scheduleHoverMarkdown } from "./inline-preview";
import { keyNumbers } from "./key-numbers";
import { THEME_KIND } from "./theme-colors";
import { dbnetSchedule, HOSTILE } from "./testing/schedules";

const decode = (dataUri: string) => Buffer.from(dataUri.slice(dataUri.indexOf(",") + 1), "base64").toString("utf8");
const URI = "file:///ws/dbnet.yml";

describe("buildInlinePreviews", () => {
  it("puts one sparkline per schedule on the line where the schedule starts, in document order", () => {
    const previews = buildInlinePreviews(URI, [dbnetSchedule({ path: "b", range: { start: { line: 20, character: 0 }, end: { line: 25, character: 0 } } }), dbnetSchedule()], THEME_KIND.dark);
    expect(previews.map((p) => [p.line, p.path])).toEqual([[3, "lr_scheduler"], [20, "b"]]);
  });
  it("draws the sparkline in the colour of the current theme kind", () => {
    const dark = decode(buildInlinePreviews(URI, [dbnetSchedule()], THEME_KIND.dark)[0].iconUri);
    const light = decode(buildInlinePreviews(URI, [dbnetSchedule()], THEME_KIND.light)[0].iconUri);
    expect(dark).toContain('stroke="#4fc1ff"');
    expect(light).toContain('stroke="#0066b8"');
    expect(dark).toMatch(/width="64" height="14"/);
  });
  it("draws the sparkline at the steps the points are at, so the DBNet drops land at 2300 and 2400 of 2500", () => {
    const svg = decode(buildInlinePreviews(URI, [dbnetSchedule()], THEME_KIND.dark)[0].iconUri);
    const pts = [...svg.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    // 64 px wide with 1.5 px padding; the y axis runs from 0 (bottom, 12.5) to the peak 0.007 (top, 1.5).
    const xAt = (step: number) => 1.5 + (step / 2499) * 61;
    const yAt = (lr: number) => 12.5 - (lr / 0.007) * 11;
    const drop = (step: number, from: number, to: number) =>
      pts.some((p, i) => i > 0 && Math.abs(p[0] - xAt(step)) < 0.1 && Math.abs(pts[i - 1][1] - yAt(from)) < 0.05 && Math.abs(p[1] - yAt(to)) < 0.05);
    expect(drop(2300, 0.007, 0.0007)).toBe(true);
    expect(drop(2400, 0.0007, 0.00007)).toBe(true);
  });
  it("shows an error mark instead of a curve for a schedule Paddle would reject", () => {
    const [p] = buildInlinePreviews(URI, [dbnetSchedule({ points: [], error: "MultiStepDecay: milestones must be increasing" })], THEME_KIND.dark);
    expect(decode(p.iconUri)).toContain('stroke="#f48771"');
    expect(p.hoverMarkdown).toContain("milestones must be increasing");
  });
  it("skips schedules without a usable range instead of throwing", () => {
    const bad = dbnetSchedule({ range: undefined as never });
    expect(buildInlinePreviews(URI, [bad], THEME_KIND.dark)).toEqual([]);
  });
});

describe("scheduleHoverMarkdown", () => {
  it("shows the server's curve picture and the key numbers", () => {
    const md = scheduleHoverMarkdown(URI, dbnetSchedule(), THEME_KIND.dark);
    const image = /!\[[^\]]*\]\((data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+)\)/.exec(md);
    expect(image).not.toBeNull();
    expect(decode(image![1])).toBe(dbnetSchedule().svg);
    expect(md).toContain("peak 0\\.007 · final 7e\\-05 · 2,500 steps · 100 steps/epoch \\(setting\\)");
  });
  it("links to the preview panel through the one trusted command, with the document and path as arguments", () => {
    const md = scheduleHoverMarkdown(URI, dbnetSchedule(), THEME_KIND.dark);
    const link = /\[Open LR preview\]\(command:lrlens\.showCurve\?([^)]+)\)/.exec(md);
    expect(JSON.parse(decodeURIComponent(link![1]))).toEqual([URI, "lr_scheduler"]);
  });
  it("escapes config strings so they cannot become HTML, links or images", () => {
    const md = scheduleHoverMarkdown(URI, dbnetSchedule({ path: HOSTILE.markdownLink + HOSTILE.script, scheduler: HOSTILE.imgOnerror, dialect: HOSTILE.svgOnload, definedIn: "![x](http://evil.example/a.png)" }), THEME_KIND.dark);
    expect(md).not.toMatch(/<script|<img|<svg/i);
    expect(md).not.toContain("](javascript:");
    expect(md).not.toContain("](http://evil");
    // The only links left are ours: the curve image and the command.
    expect([...md.matchAll(/[^\\]\]\(/g)]).toHaveLength(2);
  });
});

describe("keyNumbers", () => {
  it("falls back to the points when the server sends no peak, final or length", () => {
    const s = dbnetSchedule({ peak: undefined, final: undefined, totalSteps: undefined, stepsPerEpoch: { value: null, source: "unknown" } });
    expect(keyNumbers(s)).toBe("peak 0.007 · final 7e-05 · 2,500 steps · steps/epoch unknown");
  });
  it("names the unit of an epoch-based curve", () => {
    expect(keyNumbers(dbnetSchedule({ unit: "epoch", totalSteps: 120 }))).toContain("120 epochs");
  });
});
