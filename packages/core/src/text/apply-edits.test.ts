/** Tests for applying text edits and running "fix all" to a fixed point. */
import { describe, expect, it } from "vitest";
import type { Diagnostic, TextEdit } from "../model/diagnostics";
import { applyAllFixes, applyEdits, applyEditsDetailed } from "./apply-edits";

const U = "file:///c.yml";
const edit = (start: number, end: number, newText: string): TextEdit => ({ uri: U, start, end, newText });

describe("applyEdits", () => {
  it("applies edits given in any order against the original offsets", () => {
    const text = "milestones: [400, 300]";
    expect(applyEdits(text, [edit(18, 21, "400"), edit(13, 16, "300")])).toBe("milestones: [300, 400]");
  });

  it("applies insertions and deletions together", () => {
    expect(applyEdits("a: 1\nb: 2\n", [edit(0, 0, "# top\n"), edit(5, 10, "")])).toBe("# top\na: 1\n");
  });

  it("skips an edit that overlaps an earlier one and keeps the first", () => {
    const out = applyEditsDetailed("abcdef", [edit(1, 4, "X"), edit(3, 5, "Y"), edit(5, 6, "Z")]);
    expect(out.text).toBe("aXeZ");
    expect(out.skipped).toEqual([edit(3, 5, "Y")]);
  });

  it("treats two insertions at the same offset as a conflict", () => {
    expect(applyEdits("ab", [edit(1, 1, "X"), edit(1, 1, "Y")])).toBe("aXb");
  });

  it("skips edits outside the text instead of throwing", () => {
    const out = applyEditsDetailed("abc", [edit(2, 9, "X"), edit(-1, 0, "Y"), edit(0, 1, "Z")]);
    expect(out.text).toBe("Zbc");
    expect(out.skipped).toHaveLength(2);
  });
});

describe("applyAllFixes", () => {
  /** A toy linter: every "1e-3" is a diagnostic whose fix writes "1.0e-3"; "X" is fixable only after all "1e-3" are gone. */
  function lint(text: string): Diagnostic[] {
    const out: Diagnostic[] = [];
    const noNumbers = !text.includes("1e-3");
    for (let i = text.indexOf("1e-3"); i >= 0; i = text.indexOf("1e-3", i + 1)) {
      out.push(diag("no-string-number", i, i + 4, "1.0e-3"));
    }
    const x = text.indexOf("X");
    if (x >= 0) out.push(noNumbers ? diag("x", x, x + 1, "Y") : { ...diag("x", x, x + 1, ""), fixes: [] });
    return out;
  }
  function diag(rule: string, start: number, end: number, newText: string): Diagnostic {
    const range = { start: { line: 0, character: start }, end: { line: 0, character: end } };
    return { rule, severity: "warning", message: rule, uri: U, span: { uri: U, start, end }, range, fixes: [{ title: "fix", edits: [edit(start, end, newText)], preferred: true }] };
  }

  it("fixes everything over several passes and reports nothing left", () => {
    const r = applyAllFixes(lint, "a: 1e-3\nb: 1e-3\nc: X\n", { uri: U });
    expect(r.text).toBe("a: 1.0e-3\nb: 1.0e-3\nc: Y\n");
    expect(r.fixed).toBe(3);
    expect(r.passes).toBe(2);
    expect(r.remaining).toEqual([]);
  });

  it("is idempotent: fixing its own output changes nothing", () => {
    const once = applyAllFixes(lint, "a: 1e-3\nc: X\n", { uri: U }).text;
    const twice = applyAllFixes(lint, once, { uri: U });
    expect(twice.text).toBe(once);
    expect(twice.fixed).toBe(0);
  });

  it("leaves fixes that edit another file alone", () => {
    const other = (text: string): Diagnostic[] => lint(text).map((d) => ({ ...d, fixes: d.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, uri: "file:///base.yml" })) })) }));
    const r = applyAllFixes(other, "a: 1e-3\n", { uri: U });
    expect(r.text).toBe("a: 1e-3\n");
    expect(r.remaining).toHaveLength(1);
  });

  it("stops after maxPasses even when fixes keep coming", () => {
    let n = 0;
    const endless = (text: string): Diagnostic[] => [{ ...lint("1e-3")[0], fixes: [{ title: "grow", edits: [edit(text.length, text.length, String(n++))] }] }];
    const r = applyAllFixes(endless, "", { uri: U, maxPasses: 3 });
    expect(r.passes).toBe(3);
    expect(r.text).toBe("012");
  });
});
