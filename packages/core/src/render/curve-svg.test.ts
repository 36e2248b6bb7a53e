import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderCurveSvg } from "./curve-svg";
import type { CurveSvgInput } from "./types";
import { findAll, hasClass, parseXml, pathCommands, type XmlElement } from "./testing/xml-check";

function render(input: CurveSvgInput) {
  const svg = renderCurveSvg(input);
  const root = parseXml(svg);
  return { svg, root };
}

/** The plot rectangle, read from the axis path `M left top V bottom H right`. */
function plotBox(root: XmlElement) {
  const axis = findAll(root, hasClass("lr-axis")).find((e) => /V/.test(e.attrs.d) && /H/.test(e.attrs.d) && !/v3/.test(e.attrs.d))!;
  const [[, left, top], [, bottom], [, right]] = pathCommands(axis.attrs.d) as [string, number, number][];
  return { left, top, bottom, right };
}

/** Tick label text → pixel y of its grid line (labels sit 3.5 px below their line). */
function yTicks(root: XmlElement, box: { left: number }): Map<string, number> {
  const labels = findAll(root, (e) => e.name === "text" && e.attrs["text-anchor"] === "end" && Number(e.attrs.x) === box.left - 4);
  return new Map(labels.map((t) => [t.text, Number(t.attrs.y) - 3.5]));
}

function xLabels(root: XmlElement): string[] {
  return findAll(root, (e) => e.name === "text" && hasClass("lr-text")(e) && e.attrs["text-anchor"] !== "end").map((e) => e.text);
}

function curves(root: XmlElement): XmlElement[] {
  return findAll(root, hasClass("lr-curve"));
}

/** Attribute values that contain NaN or Infinity (text content may legitimately say "NaN"). */
const badNumbers = (svg: string) => svg.match(/="[^"]*(NaN|Infinity)[^"]*"/g) ?? [];

const allNumbers = (svg: string) => [...svg.replace(/<style>.*?<\/style>/s, "").matchAll(/-?\d+\.\d+/g)].map((m) => m[0]);

describe("renderCurveSvg", () => {
  it("draws a standalone 480×160 SVG document by default", () => {
    const { root } = render({ series: [{ label: "lr", x: [0, 1], y: [0.1, 0.01] }] });
    expect(root.name).toBe("svg");
    expect(root.attrs).toMatchObject({ xmlns: "http://www.w3.org/2000/svg", width: "480", height: "160", viewBox: "0 0 480 160" });
    expect(findAll(root, (e) => e.name === "title")[0].text).toBe("Learning-rate curve — lr");
  });

  it("maps a 3-point series onto the axes: x ends at the plot edges, y values on their tick lines", () => {
    const { root } = render({ series: [{ label: "lr", x: [0, 50, 100], y: [0, 1, 0.5] }] });
    const box = plotBox(root);
    const ticks = yTicks(root, box);
    expect([...ticks.keys()]).toEqual(["0", "0.5", "1.0"]);
    const [path] = curves(root);
    expect(pathCommands(path.attrs.d)).toEqual([
      ["M", box.left, ticks.get("0")],
      ["L", (box.left + box.right) / 2, ticks.get("1.0")],
      ["L", box.right, ticks.get("0.5")],
    ]);
    expect(ticks.get("0")).toBe(box.bottom);
  });

  it("draws a stepped series as holds and jumps (step-after)", () => {
    const { root } = render({ series: [{ label: "piecewise", x: [0, 10, 20], y: [1, 0.5, 0.25], stepped: true }] });
    expect(pathCommands(curves(root)[0].attrs.d).map((c) => c[0])).toEqual(["M", "H", "V", "H", "V"]);
  });

  it("writes every coordinate with at most 2 decimals", () => {
    const { svg } = render({ series: [{ label: "lr", x: [0, 1 / 3, 2 / 3, 1], y: [Math.PI, Math.E, Math.SQRT2, 1 / 7] }], markers: [{ x: 1 / 3, kind: "milestone", label: "m" }] });
    for (const n of allNumbers(svg)) expect(n.split(".")[1].length, n).toBeLessThanOrEqual(2);
  });

  it("labels a 1e12-step x axis in exponent form, and a million-step axis with M", () => {
    const big = render({ series: [{ label: "lr", x: [0, 1e12], y: [0.1, 0] }] });
    // The last tick sits under the unit label, which wins.
    expect(xLabels(big.root)).toEqual(["0", "2e11", "4e11", "6e11", "8e11"]);
    const million = render({ series: [{ label: "lr", x: [0, 1.2e6], y: [0.1, 0] }], unit: "iteration" });
    expect(xLabels(million.root)).toEqual(["0", "200k", "400k", "600k", "800k", "1M"]);
    expect(findAll(million.root, (e) => e.name === "text").map((t) => t.text)).toContain("iterations");
  });

  it("labels small learning rates in one exponent style per axis", () => {
    const { root } = render({ series: [{ label: "lr", x: [0, 1], y: [8e-5, 1e-5] }] });
    expect([...yTicks(root, plotBox(root)).keys()]).toEqual(["0", "2e-05", "4e-05", "6e-05", "8e-05"]);
  });

  it("marks warmup end and milestones with dashed lines and escaped labels", () => {
    const { svg, root } = render({
      series: [{ label: "lr", x: [0, 100, 300, 400, 500], y: [0, 0.007, 0.007, 0.0007, 0.00007] }],
      markers: [
        { x: 100, kind: "warmup-end", label: "warmup <end> & co" },
        { x: 300, kind: "milestone", label: "×0.1 @300" },
        { x: 400, kind: "milestone", label: "×0.1 @400" },
      ],
    });
    const lines = findAll(root, hasClass("lr-marker"));
    expect(lines.map((l) => l.attrs.class)).toEqual(["lr-marker lr-m-warmup-end", "lr-marker lr-m-milestone", "lr-marker lr-m-milestone"]);
    expect(lines.every((l) => l.attrs["stroke-dasharray"] === "3 2")).toBe(true);
    expect(findAll(root, hasClass("lr-marker-label")).map((t) => t.text)).toEqual(["warmup <end> & co", "×0.1 @300", "×0.1 @400"]);
    expect(svg).toContain("warmup &lt;end&gt; &amp; co");
    // Marker lines span the plot at their x.
    const box = plotBox(root);
    expect(lines.map((l) => [Number(l.attrs.y1), Number(l.attrs.y2)])).toEqual(Array(3).fill([box.top, box.bottom]));
    expect(Number(lines[1].attrs.x1)).toBeCloseTo(box.left + ((box.right - box.left) * 300) / 500, 1);
  });

  it("keeps crowded marker labels from overlapping, keeping every line and its text as a tooltip", () => {
    const markers = Array.from({ length: 40 }, (_, i) => ({ x: i * 10, kind: "boundary" as const, label: `boundary ${i}` }));
    const { root } = render({ series: [{ label: "lr", x: [0, 400], y: [1, 0] }], markers });
    const labels = findAll(root, hasClass("lr-marker-label"));
    expect(findAll(root, hasClass("lr-marker"))).toHaveLength(40);
    expect(labels.length).toBeGreaterThan(2);
    expect(labels.length).toBeLessThan(40);
    const rows = new Map<string, [number, number][]>();
    for (const t of labels) {
      const x = Number(t.attrs.x);
      const w = t.text.length * 9 * 0.6;
      const span: [number, number] = t.attrs["text-anchor"] === "end" ? [x - w, x] : [x, x + w];
      const row = rows.get(t.attrs.y) ?? [];
      for (const [a, b] of row) expect(span[0] >= b || span[1] <= a, `${t.text} overlaps`).toBe(true);
      row.push(span);
      rows.set(t.attrs.y, row);
    }
    expect(rows.size).toBeLessThanOrEqual(2);
    expect(findAll(root, hasClass("lr-marker"))[39].children[0].text).toBe("boundary 39");
  });

  it("labels a marker by the head of a long label, the whole label staying in its tooltip", () => {
    const { root } = render({ series: [{ label: "lr", x: [0, 500], y: [0.1, 0.001] }], markers: [{ x: 300, kind: "milestone", label: "milestone 300: × gamma^1" }] });
    expect(findAll(root, hasClass("lr-marker-label")).map((t) => t.text)).toEqual(["milestone 300"]);
    expect(findAll(root, hasClass("lr-marker"))[0].children[0].text).toBe("milestone 300: × gamma^1");
  });

  it("merges 100,000 milestones into one line per pixel column and stays small", () => {
    const markers = Array.from({ length: 100_000 }, (_, i) => ({ x: i, kind: "milestone" as const, label: `m${i}` }));
    const { svg, root } = render({ series: [{ label: "lr", x: [0, 99_999], y: [1, 0] }], markers });
    expect(findAll(root, hasClass("lr-marker")).length).toBeLessThanOrEqual(480);
    expect(svg.length).toBeLessThan(200_000);
  });

  it("keeps hostile labels, titles and colours as inert text", () => {
    const evil = `"><script>alert(1)</script><svg onload="alert(2)">]]>&\u0000\u202E`;
    const { svg, root } = render({
      series: [
        { label: evil, x: [0, 1], y: [1, 0], color: "red;}svg{display:none" },
        { label: "b", x: [0, 1], y: [0.5, 0] },
      ],
      title: evil,
      subtitle: evil,
      markers: [{ x: 0.5, kind: "phase", label: evil }],
    });
    expect(findAll(root, (e) => e.name === "script")).toEqual([]);
    expect(findAll(root, (e) => "onload" in e.attrs)).toEqual([]);
    expect(findAll(root, (e) => e.name === "svg")).toHaveLength(1);
    expect(svg).not.toContain("display:none");
    expect(findAll(root, hasClass("lr-title"))[0].text.startsWith('"><script>')).toBe(true);
  });

  it("uses a safe custom series colour and ignores an unsafe one", () => {
    const { root } = render({ series: [{ label: "a", x: [0, 1], y: [1, 0], color: "#ff8800" }] });
    expect(curves(root)[0].attrs).toMatchObject({ stroke: "#ff8800", style: "stroke:#ff8800" });
  });

  it("renders no series, empty series and all-NaN series as valid SVG that says so", () => {
    expect(findAll(render({ series: [] }).root, (e) => e.name === "text").map((t) => t.text)).toContain("no data");
    const empty = render({ series: [{ label: "e", x: [], y: [] }] });
    expect(curves(empty.root)[0].attrs.d).toBe("");
    const nan = render({ series: [{ label: "n", x: [0, 1, 2], y: [NaN, NaN, NaN] }] });
    expect(findAll(nan.root, (e) => e.name === "text").map((t) => t.text)).toContain("no drawable values");
    expect(findAll(nan.root, hasClass("lr-invalid"))).toHaveLength(1);
    for (const r of [empty, nan]) expect(badNumbers(r.svg)).toEqual([]);
  });

  it("draws a constant series as a level line", () => {
    const { root } = render({ series: [{ label: "c", x: [0, 10, 20], y: [0.01, 0.01, 0.01] }] });
    const ys = pathCommands(curves(root)[0].attrs.d).map((c) => c[2]);
    expect(new Set(ys).size).toBe(1);
  });

  it("breaks the line at NaN and Infinity and marks where values are missing", () => {
    const { svg, root } = render({ series: [{ label: "g", x: [0, 1, 2, 3, 4, 5], y: [1, 0.9, NaN, Infinity, 0.7, 0.6] }] });
    expect(pathCommands(curves(root)[0].attrs.d).map((c) => c[0])).toEqual(["M", "L", "M", "L"]);
    const bands = findAll(root, hasClass("lr-invalid"));
    expect(bands).toHaveLength(1);
    expect(bands[0].children[0].text).toBe("2 value(s) NaN or infinite, not drawn");
    expect(badNumbers(svg)).toEqual([]);
  });

  it("includes zero and negative values on a linear axis, with a zero line", () => {
    const { root } = render({ series: [{ label: "neg", x: [0, 1, 2], y: [0.01, -0.005, 0.002] }] });
    const ticks = yTicks(root, plotBox(root));
    expect([...ticks.keys()]).toContain("0");
    expect(Math.min(...ticks.values())).toBeLessThan(ticks.get("0")!);
    expect(findAll(root, (e) => hasClass("lr-axis")(e) && e.attrs["stroke-opacity"] === "0.5")).toHaveLength(1);
  });

  it("draws a log axis in decades and leaves values ≤ 0 off it, marked", () => {
    const { root } = render({ series: [{ label: "l", x: [0, 1, 2, 3], y: [0, 1e-2, 1e-3, 1e-5] }], logY: true });
    expect([...yTicks(root, plotBox(root)).keys()]).toEqual(["1e-05", "1e-04", "1e-03", "1e-02"]);
    const band = findAll(root, hasClass("lr-invalid"));
    expect(band[0].children[0].text).toBe("1 value(s) ≤ 0, not shown on a log scale");
    expect(pathCommands(curves(root)[0].attrs.d)).toHaveLength(3);
  });

  it("survives values near the double range without NaN coordinates", () => {
    const { svg } = render({ series: [{ label: "huge", x: [0, 1, 2], y: [1e308, -1e308, 1.7976931348623157e308] }] });
    expect(badNumbers(svg)).toEqual([]);
    expect(() => parseXml(svg)).not.toThrow();
  });

  it("decimates a million samples per pixel column and keeps a one-sample spike", () => {
    const n = 1_000_000;
    const x = new Float64Array(n).map((_, i) => i);
    const y = new Float64Array(n).fill(0.001);
    y[654_321] = 0.01;
    const { root } = render({ series: [{ label: "spike", x, y }] });
    const cmds = pathCommands(curves(root)[0].attrs.d);
    const box = plotBox(root);
    expect(cmds.length).toBeLessThanOrEqual(4 * (box.right - box.left + 1));
    expect(Math.min(...cmds.map((c) => c[2]))).toBe(box.top);
  });

  it("adds a dark-scheme override only for the auto theme", () => {
    const series = [{ label: "a", x: [0, 1], y: [1, 0] }];
    expect(renderCurveSvg({ series })).toContain("@media (prefers-color-scheme: dark)");
    const light = renderCurveSvg({ series, theme: "light" });
    const dark = renderCurveSvg({ series, theme: "dark" });
    expect(light).not.toContain("@media");
    expect(dark).not.toContain("@media");
    expect(light).not.toBe(dark);
  });

  it("shows a legend for several series and honours the requested size", () => {
    const { root } = render({ series: [{ label: "gamma 0.1", x: [0, 1], y: [1, 0.1] }, { label: "gamma 0.2", x: [0, 1], y: [1, 0.2] }], width: 640, height: 240, title: "t" });
    expect(root.attrs).toMatchObject({ width: "640", height: "240", viewBox: "0 0 640 240" });
    expect(findAll(root, (e) => e.name === "text").map((t) => t.text)).toEqual(expect.arrayContaining(["gamma 0.1", "gamma 0.2"]));
    expect(curves(root).map((c) => c.attrs.class)).toEqual(["lr-curve lr-s0", "lr-curve lr-s1"]);
  });

  it("covers a requested x range beyond the data", () => {
    const { root } = render({ series: [{ label: "a", x: [0, 500], y: [1, 0] }], xDomain: [0, 1000] });
    const box = plotBox(root);
    const [, second] = pathCommands(curves(root)[0].attrs.d);
    expect(second[1]).toBeCloseTo((box.left + box.right) / 2, 1);
  });
});

describe("renderCurveSvg on arbitrary input", () => {
  const value = fc.oneof(fc.double(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e-300, 1e308), fc.double({ min: 0, max: 1, noNaN: true }));
  const label = fc.oneof(fc.string({ unit: "binary", maxLength: 30 }), fc.constantFrom("<script>", "]]>", "&amp;", '"', "\u202e", "\ud800"));
  const series = fc.record({ label, x: fc.array(value, { maxLength: 60 }), y: fc.array(value, { maxLength: 60 }), stepped: fc.boolean(), color: fc.option(label, { nil: undefined }) });
  const marker = fc.record({ x: value, kind: fc.constantFrom("warmup-end", "milestone", "boundary", "period", "restart", "phase", "end" as const), label });

  it("always produces well-formed SVG with finite coordinates", () => {
    fc.assert(
      fc.property(
        fc.record({
          series: fc.array(series, { maxLength: 4 }),
          markers: fc.array(marker, { maxLength: 20 }),
          logY: fc.boolean(),
          title: fc.option(label, { nil: undefined }),
          subtitle: fc.option(label, { nil: undefined }),
          theme: fc.constantFrom("light", "dark", "auto" as const),
          width: fc.option(value, { nil: undefined }),
          height: fc.option(value, { nil: undefined }),
          xDomain: fc.option(fc.tuple(value, value), { nil: undefined }),
        }),
        (input) => {
          const svg = renderCurveSvg(input);
          const root = parseXml(svg);
          expect(root.name).toBe("svg");
          expect(badNumbers(svg)).toEqual([]);
          expect(findAll(root, (e) => e.name === "script")).toEqual([]);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
