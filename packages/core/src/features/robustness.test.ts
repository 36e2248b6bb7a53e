import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lint } from "../rules";
import { codeLenses } from "./code-lens";
import { quickFixes } from "./code-actions";
import { completionsAt } from "./completion";
import { scheduleCurves } from "./curves";
import { documentDiagnostics } from "./diagnostics";
import { hoverAt } from "./hover";
import { inlayHints } from "./inlay-hints";
import { documentSymbols } from "./symbols";
import { analyzeFile, FIXTURES } from "./testing/fixtures";

const SOURCES = ["paddle/dbnet.yml", "paddle/cosine.yml", "paddleocr/det_cosine.yml", "paddleclas/resnet_multistep.yml", "paddledet/faster_rcnn_12e.yml", "paddleseg/pp_liteseg_lite.yml", "hostile/escaping.yml"].map((rel) => ({
  rel,
  text: readFileSync(join(FIXTURES, rel), "utf8"),
}));

/** Damage the way half-typed and broken files are damaged: truncation, insertions, deletions. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.string(), fc.constantFrom(": ", "\n  - ", "[", "{", "!Tag ", "&a ", "*a", "<script>", "1e-3", ".nan", "-", "\t", "\u0000", "\uD800")) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.nat({ max: 40 }) }),
);

type Mutation = { kind: "truncate"; at: number } | { kind: "insert"; at: number; text: string } | { kind: "delete"; at: number; length: number };

function mutate(text: string, steps: Mutation[]): string {
  let t = text;
  for (const m of steps) {
    const at = t.length ? m.at % (t.length + 1) : 0;
    if (m.kind === "truncate") t = t.slice(0, at);
    else if (m.kind === "insert") t = t.slice(0, at) + m.text + t.slice(at);
    else t = t.slice(0, at) + t.slice(at + m.length);
  }
  return t;
}

function inText(span: { start: number; end: number }, text: string): boolean {
  return 0 <= span.start && span.start <= span.end && span.end <= text.length;
}

describe("editor features on damaged configs", () => {
  it("never throw, and every span they return lies inside the document", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SOURCES), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.nat(), ({ rel, text }, steps, cursor) => {
        const damaged = mutate(text, steps);
        const a = analyzeFile(join(FIXTURES, rel), {}, damaged);
        const offset = damaged.length ? cursor % (damaged.length + 1) : 0;
        const hover = hoverAt(a, offset);
        if (hover) {
          expect(typeof hover.markdown).toBe("string");
          expect(inText(hover.span, damaged)).toBe(true);
        }
        for (const c of completionsAt(a, offset)) expect(inText(c.replace, damaged)).toBe(true);
        for (const h of inlayHints(a)) expect(h.offset >= 0 && h.offset <= damaged.length).toBe(true);
        for (const l of codeLenses(a)) expect(inText(l.span, damaged)).toBe(true);
        for (const s of documentSymbols(a)) expect(inText(s.span, damaged)).toBe(true);
        for (const c of scheduleCurves(a, { maxPoints: 64 })) expect(c.points.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
        const diagnostics = documentDiagnostics(a, lint(a));
        for (const d of diagnostics) expect(d.uri).toBe(a.uri);
        quickFixes(diagnostics, { uri: a.uri, start: offset, end: offset });
      }),
      { numRuns: 300 },
    );
  });
});
