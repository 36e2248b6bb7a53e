import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderSparkline } from "./sparkline";
import { findAll, hasClass, parseXml, pathCommands } from "./testing/xml-check";

function points(svg: string): [number, number][] {
  const [path] = findAll(parseXml(svg), hasClass("lr-spark"));
  return pathCommands(path.attrs.d).filter((c) => c[0] !== "h").map((c) => [c[1], c[2]]);
}

describe("renderSparkline", () => {
  it("draws a 64×14 inline SVG whose curve stays inside it", () => {
    const y = Array.from({ length: 100 }, (_, i) => (i < 10 ? i / 10 : Math.cos(((i - 10) / 90) * Math.PI) / 2 + 0.5));
    const svg = renderSparkline(y);
    const root = parseXml(svg);
    expect(root.attrs).toMatchObject({ width: "64", height: "14", viewBox: "0 0 64 14" });
    for (const [x, py] of points(svg)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(64);
      expect(py).toBeGreaterThanOrEqual(0);
      expect(py).toBeLessThanOrEqual(14);
    }
  });

  it("puts zero at the bottom, so a 100× decay reads as one", () => {
    const pts = points(renderSparkline([0.007, 0.007, 0.00007]));
    expect(pts[0][1]).toBe(1.5);
    expect(pts[2][1]).toBeCloseTo(12.5, 0);
  });

  it("keeps a one-sample spike among 100,000 samples", () => {
    const y = new Float64Array(100_000).fill(0.001);
    y[31_337] = 0.01;
    const pts = points(renderSparkline(y));
    expect(pts.length).toBeLessThanOrEqual(4 * 64);
    expect(Math.min(...pts.map((p) => p[1]))).toBe(1.5);
  });

  it("places unevenly spaced samples by their x", () => {
    const pts = points(renderSparkline([1, 0.5, 0.25], { x: [0, 10, 100] }));
    expect(pts.map((p) => p[0])).toEqual([1.5, 7.6, 62.5]);
  });

  it("shows a dashed placeholder when nothing is drawable, and gaps around NaN", () => {
    const empty = parseXml(renderSparkline([NaN, Infinity]));
    expect(findAll(empty, hasClass("lr-spark-empty"))).toHaveLength(1);
    expect(findAll(parseXml(renderSparkline([])), hasClass("lr-spark-empty"))).toHaveLength(1);
    const gap = findAll(parseXml(renderSparkline([1, NaN, 1])), hasClass("lr-spark"))[0];
    expect(pathCommands(gap.attrs.d).map((c) => c[0])).toEqual(["M", "h", "M", "h"]);
  });

  it("skips samples at an infinite x and draws a too-thin range as a level line, never NaN", () => {
    // Found by the property test: x = [-inf, 0] with y spanning 1e-323.
    const svg = renderSparkline([1.6148698540002277e-18, -1e-323], { x: [-Infinity, 0] });
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(points(svg)).toEqual([[32, 7]]);
  });

  it("takes a size, a safe colour and a theme, and refuses an unsafe colour", () => {
    const root = parseXml(renderSparkline([1, 0], { width: 80, height: 16, color: "#ff8800", theme: "dark" }));
    expect(root.attrs).toMatchObject({ width: "80", height: "16" });
    expect(findAll(root, hasClass("lr-spark"))[0].attrs.stroke).toBe("#ff8800");
    const evil = renderSparkline([1, 0], { color: '"/><script>alert(1)</script>' });
    expect(findAll(parseXml(evil), (e) => e.name === "script")).toEqual([]);
    expect(renderSparkline([1, 0])).toContain("prefers-color-scheme: dark");
    expect(renderSparkline([1, 0], { theme: "light" })).not.toContain("@media");
  });
});

describe("renderSparkline on arbitrary input", () => {
  const value = fc.oneof(fc.double(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 5e-324, 1e308, -1e308));
  it("always produces well-formed SVG without NaN or Infinity coordinates", () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 50 }), fc.option(fc.array(value, { maxLength: 50 }), { nil: undefined }), fc.option(value, { nil: undefined }), (y, x, size) => {
        const svg = renderSparkline(y, { x, width: size, height: size });
        expect(parseXml(svg).name).toBe("svg");
        expect(svg).not.toMatch(/="[^"]*(NaN|Infinity)[^"]*"/);
      }),
      { numRuns: 3000 },
    );
  });
});
