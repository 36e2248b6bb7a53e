import { describe, expect, it } from "vitest";
import { base64, svgDataUri, utf8Bytes } from "./data-uri";
import { renderCurveSvg } from "./curve-svg";

const samples = [
  "",
  "a",
  "ab",
  "abc",
  "abcd",
  "<svg/>",
  "é ü ß",
  "中文标签 学习率",
  "emoji 😀 and 𝔘",
  "lone \uD800 high, lone \uDC00 low, reversed \uDC00\uD800",
  "\u0000\u007f\u0080\u07ff\u0800\uffff",
];

describe("utf8Bytes", () => {
  it("encodes like Node's Buffer, lone surrogates included", () => {
    for (const s of samples) expect([...utf8Bytes(s)], JSON.stringify(s)).toEqual([...Buffer.from(s, "utf8")]);
  });
});

describe("base64", () => {
  it("matches Node's Buffer for every padding case and all byte values", () => {
    const all = new Uint8Array(256).map((_, i) => i);
    for (let n = 0; n <= 256; n++) expect(base64(all.subarray(0, n))).toBe(Buffer.from(all.subarray(0, n)).toString("base64"));
  });
});

describe("svgDataUri", () => {
  it("wraps an SVG as a base64 data URI that decodes back to the same text", () => {
    for (const s of samples) {
      const uri = svgDataUri(s);
      expect(uri.startsWith("data:image/svg+xml;base64,")).toBe(true);
      expect(uri.slice("data:image/svg+xml;base64,".length)).toBe(Buffer.from(s, "utf8").toString("base64"));
    }
  });
  it("encodes a real chart with non-ASCII labels losslessly", () => {
    const svg = renderCurveSvg({ series: [{ label: "余弦退火 ×0.1", x: [0, 1, 2], y: [0.1, 0.05, 0] }], title: "学习率" });
    const back = Buffer.from(svgDataUri(svg).split(",")[1], "base64").toString("utf8");
    expect(back).toBe(svg);
  });
});
