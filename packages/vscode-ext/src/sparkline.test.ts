import { describe, expect, it } from "vitest";
import { renderErrorGlyphSvg, renderSparklineSvg, sparklinePolylines } from "./sparkline";
import { dbnetPoints } from "./testing/schedules";

describe("sparklinePolylines", () => {
  it("places the DBNet warm-up, plateau and the drops at steps 2300 and 2400 where they belong", () => {
    const [run] = sparklinePolylines(dbnetPoints(), 64, 14, 1.5);
    const xOf = (step: number) => (step / 2499) * 63 + 0.5;
    expect(run[0]).toEqual([0.5, 14 - 1.5]); // lr 0 at the bottom-left
    const top = run.filter(([, y]) => Math.abs(y - 1.5) < 1e-9); // lr 0.007 at the top
    expect(Math.min(...top.map(([x]) => x))).toBeCloseTo(xOf(2000), 9);
    // Both drops are kept: something at the plateau's x of 2299 and 2300 must differ in y.
    const near2300 = run.filter(([x]) => Math.abs(x - xOf(2300)) < 1);
    expect(new Set(near2300.map(([, y]) => y.toFixed(3))).size).toBeGreaterThan(1);
    expect(run[run.length - 1][0]).toBeCloseTo(63.5, 9);
  });

  it("keeps a one-step spike among 100,000 flat points", () => {
    const pts: [number, number][] = Array.from({ length: 100_000 }, (_, i) => [i, i === 61_234 ? 1 : 0.01]);
    const [run] = sparklinePolylines(pts, 64, 14, 1.5);
    expect(run.length).toBeLessThanOrEqual(64 * 4);
    expect(run.some(([, y]) => y === 1.5)).toBe(true);
  });

  it("breaks the line where the LR is missing or not finite", () => {
    const runs = sparklinePolylines([[0, 1], [1, 0.5], [2, null], [3, NaN], [4, 0.25], [5, 0.1]], 64, 14, 1);
    expect(runs).toHaveLength(2);
  });

  it("draws a constant schedule as a line through the middle", () => {
    const [run] = sparklinePolylines([[0, 0.1], [1000, 0.1]], 64, 14, 1.5);
    expect(run.every(([, y]) => y === 7)).toBe(true);
  });

  it("returns nothing to draw for an empty or all-NaN curve", () => {
    expect(sparklinePolylines([], 64, 14, 1)).toEqual([]);
    expect(sparklinePolylines([[0, null], [1, NaN]], 64, 14, 1)).toEqual([]);
  });
});

describe("renderSparklineSvg", () => {
  it("is a standalone SVG with the requested size and stroke colour", () => {
    const svg = renderSparklineSvg(dbnetPoints(), { width: 64, height: 14, color: "#4fc1ff" });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="64" height="14" viewBox="0 0 64 14">/);
    expect(svg).toContain('stroke="#4fc1ff"');
    expect(svg.endsWith("</svg>")).toBe(true);
  });
  it("refuses a colour that is not a hex colour, so nothing can be injected into the SVG", () => {
    const svg = renderSparklineSvg(dbnetPoints(), { color: '#fff" onload="alert(1)' });
    expect(svg).not.toContain("onload");
    expect(svg).toContain('stroke="#3794ff"');
  });
  it("draws a dashed placeholder when there is no point", () => {
    expect(renderSparklineSvg([])).toContain("stroke-dasharray");
  });
  it("draws an error mark in the given colour", () => {
    expect(renderErrorGlyphSvg("#f48771")).toContain('stroke="#f48771"');
  });
});
