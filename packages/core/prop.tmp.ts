import fc from "fast-check";
import { renderCurveSvg, renderSparkline } from "./src/render";
import { parseXml } from "./src/render/testing/xml-check";
const value = fc.oneof(fc.double(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e-300, 1e308, -1e308, 5e-324), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -1e6, max: 1e15 }));
const label = fc.oneof(fc.string({ unit: "binary", maxLength: 30 }), fc.constantFrom("<script>", "]]>", "&amp;", '"', "\u202e", "\ud800"));
const series = fc.record({ label, x: fc.array(value, { maxLength: 60 }), y: fc.array(value, { maxLength: 60 }), stepped: fc.boolean(), color: fc.option(label, { nil: undefined }) });
const marker = fc.record({ x: value, kind: fc.constantFrom("warmup-end", "milestone", "boundary", "period", "restart", "phase", "end" as const), label });
const bad = (svg: string) => svg.match(/="[^"]*(NaN|Infinity)[^"]*"/g) ?? [];
fc.assert(fc.property(fc.record({ series: fc.array(series, { maxLength: 4 }), markers: fc.array(marker, { maxLength: 20 }), logY: fc.boolean(), title: fc.option(label, { nil: undefined }), theme: fc.constantFrom("light", "dark", "auto" as const), width: fc.option(value, { nil: undefined }), height: fc.option(value, { nil: undefined }), xDomain: fc.option(fc.tuple(value, value), { nil: undefined }) }), (input) => {
  const svg = renderCurveSvg(input); parseXml(svg); if (bad(svg).length) throw new Error(bad(svg).join());
  const sp = renderSparkline(input.series[0]?.y ?? [], { x: input.series[0]?.x, width: input.width, height: input.height, color: input.title }); parseXml(sp); if (bad(sp).length) throw new Error("spark " + bad(sp).join());
}), { numRuns: 30000 });
console.log("ok");
