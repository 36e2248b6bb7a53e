import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lint } from "../rules";
import { applyEdits } from "../text/apply-edits";
import { fixAll, hasFixAll, minimalEdit, quickFixes } from "./code-actions";
import { documentDiagnostics } from "./diagnostics";
import { analyzeFixture } from "./testing/fixtures";

function lintText(rel: string, text?: string) {
  const a = analyzeFixture(rel, {}, text);
  return { a, diagnostics: documentDiagnostics(a, lint(a)) };
}

describe("quickFixes", () => {
  it("offers the sort fix of unsorted milestones at the diagnostic, and applying it silences the rule", () => {
    const { a, diagnostics } = lintText("paddle/bad-milestones.yml");
    const d = diagnostics.find((x) => x.rule === "no-unsorted-milestones")!;
    const fixes = quickFixes(diagnostics, { uri: a.uri, start: d.span.start, end: d.span.start });
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes.every((f) => f.kind === "quickfix" && f.diagnostic === d)).toBe(true);
    const fixed = applyEdits(a.text, fixes[0].edits);
    expect(fixed).toContain("milestones: [300, 400]");
    expect(lintText("paddle/bad-milestones.yml", fixed).diagnostics.map((x) => x.rule)).not.toContain("no-unsorted-milestones");
  });

  it("finds a diagnostic named by the client by rule id and span even outside the requested slice", () => {
    const { a, diagnostics } = lintText("paddle/bad-milestones.yml");
    const d = diagnostics.find((x) => x.rule === "no-unsorted-milestones")!;
    expect(quickFixes(diagnostics, { uri: a.uri, start: 0, end: 0, findings: [{ rule: d.rule, start: d.span.start, end: d.span.end }] })).not.toEqual([]);
    expect(quickFixes(diagnostics, { uri: a.uri, start: 0, end: 0, findings: [{ rule: "some-other-rule", start: d.span.start, end: d.span.end }] })).toEqual([]);
  });
});

describe("fixAll", () => {
  it("applies every preferred fix as one minimal edit, and a second run has nothing to do", () => {
    const { a, diagnostics } = lintText("paddle/bad-milestones.yml");
    expect(hasFixAll(diagnostics, a.uri)).toBe(true);
    const relint = (t: string) => lintText("paddle/bad-milestones.yml", t).diagnostics;
    const action = fixAll(a.uri, a.text, relint)!;
    expect(action.kind).toBe("source.fixAll");
    expect(action.edits).toHaveLength(1);
    const fixed = applyEdits(a.text, action.edits);
    expect(fixed).toContain("[300, 400]");
    // Comments and the rest of the layout are untouched.
    expect(fixed.split("\n")[0]).toBe(a.text.split("\n")[0]);
    expect(fixAll(a.uri, fixed, relint)).toBeUndefined();
  });

  it("does nothing on a healthy config", () => {
    const { a, diagnostics } = lintText("paddle/cosine.yml");
    expect(hasFixAll(diagnostics, a.uri)).toBe(false);
  });
});

describe("minimalEdit", () => {
  it("replaces only the differing middle, so applying it gives the new text", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (pre, mid1, mid2, post) => {
        const before = pre + mid1 + post;
        const after = pre + mid2 + post;
        const e = minimalEdit("u", before, after);
        expect(applyEdits(before, [e])).toBe(after);
        expect(e.end - e.start).toBeLessThanOrEqual(mid1.length + 1);
      }),
    );
  });

  it("never splits a surrogate pair", () => {
    const e = minimalEdit("u", "a\u{1F600}b", "a\u{1F601}b");
    expect([e.start, e.end]).toEqual([1, 3]);
  });
});
