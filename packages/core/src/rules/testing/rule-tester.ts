/**
 * A RuleTester in the spirit of ESLint's: `valid` configs on which a rule stays silent and
 * `invalid` ones with the exact range (caret lines under the code), severity, message and fixed
 * output of every finding. Fix round-trips are checked end to end: the output re-parses, only the
 * intended keys changed, the diagnostic is gone, and a second fix pass changes nothing.
 */
import { describe, expect, it } from "vitest";
import { analyzeDocument } from "../../analysis/analyze";
import type { Analysis } from "../../analysis/types";
import type { ConfigNode, Host } from "../../config/types";
import type { Diagnostic, Severity, TextEdit } from "../../model/diagnostics";
import { applyAllFixes, applyEdits, defaultFixChoice } from "../../text/apply-edits";
import { LineIndex } from "../../text/line-index";
import { lint } from "../index";
import type { Rule } from "../types";

export const TEST_URI = "file:///work/project/config.yml";

export interface CaseOptions {
  /** A title for the test; defaults to the first meaningful line of the code. */
  name?: string;
  /** `--steps-per-epoch` / the editor setting. */
  stepsPerEpoch?: number;
  /** Other files of the workspace, by path relative to the config (bases, label lists). */
  files?: Record<string, string>;
}

export interface ValidCase extends CaseOptions {
  code: string;
}

export interface ExpectedError {
  /** Exact message. */
  message?: string;
  /** Substrings the message must contain (for the number involved, the why, ...). */
  messageIncludes?: string[];
  severity?: Severity;
  /** 0-based [line, character] start and end, for ranges carets cannot draw (column 0, several lines). */
  range?: [[number, number], [number, number]];
}

export interface InvalidCase extends CaseOptions {
  /**
   * The config. A line made only of `^` (after indentation) marks the range of a finding on the
   * code line above it, optionally followed by a severity: `      ^^^^^^^^^^ warning`. Caret
   * lines are removed before linting.
   */
  code: string;
  /** Per finding, in document order; merged with the carets. */
  errors?: ExpectedError[];
  /**
   * The text after fixing: the chosen fix (`fix`) of the first finding, or every finding's
   * preferred fix in one pass. `null` asserts that no fix is offered.
   */
  output?: string | null;
  /** Title (substring) of the fix to apply to the first finding, instead of the preferred ones. */
  fix?: string;
  /** Dotted key paths the fix may change; by default, the keys whose values the edits touch. */
  changes?: string[];
}

interface Caret {
  line: number;
  start: number;
  end: number;
  severity?: Severity;
}

/** Strips caret lines and returns the code with one caret record per finding. */
export function parseCarets(code: string): { text: string; carets: Caret[] } {
  const kept: string[] = [];
  const carets: Caret[] = [];
  for (const raw of code.split("\n")) {
    const m = /^(\s*)(\^+)\s*(error|warning|information|hint)?\s*$/.exec(raw);
    if (m && kept.length > 0) {
      carets.push({ line: kept.length - 1, start: m[1].length, end: m[1].length + m[2].length, severity: m[3] as Severity | undefined });
      continue;
    }
    kept.push(raw);
  }
  return { text: kept.join("\n"), carets };
}

/** Trims the common indentation and the leading blank line of a template literal. */
export function dedent(code: string): string {
  const lines = code.replace(/^\n/, "").replace(/\n\s*$/, "\n").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(Math.min(indent, /^ */.exec(l)![0].length))).join("\n");
}

export function mapHost(files: Record<string, string> = {}): Host {
  const base = TEST_URI.slice(0, TEST_URI.lastIndexOf("/") + 1);
  const byUri = new Map(Object.entries(files).map(([p, t]) => [new URL(p, base).href, t]));
  return {
    readFile: (uri) => byUri.get(uri),
    listDir: (uri) => {
      const prefix = uri.endsWith("/") ? uri : `${uri}/`;
      const names = [...byUri.keys()].filter((u) => u.startsWith(prefix)).map((u) => u.slice(prefix.length).split("/")[0]);
      return names.length ? [...new Set(names)] : undefined;
    },
  };
}

export function analyze(text: string, options: CaseOptions = {}): Analysis {
  return analyzeDocument(TEST_URI, text, mapHost(options.files), { stepsPerEpoch: options.stepsPerEpoch });
}

/** Lints with every rule at its default severity. */
export function lintText(text: string, options: CaseOptions = {}): Diagnostic[] {
  return lint(analyze(text, options));
}

/** The loaded config as plain data (map keys, sequences, Python values with tags), for "what changed" diffs. */
export function plain(node: ConfigNode | undefined): unknown {
  if (!node) return null;
  if (node.kind === "map") return { $tag: node.tag, ...Object.fromEntries(node.entries.map((e) => [e.key, plain(e.value)])) };
  if (node.kind === "seq") return { $tag: node.tag, items: node.items.map(plain) };
  return { $tag: node.tag, value: node.value.type === "fn" ? node.value.fn.text : node.value };
}

/** Dotted paths whose plain values differ between two trees (a key added or removed counts at its parent). */
export function changedPaths(a: unknown, b: unknown, path = ""): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x) && !("value" in x) && !("items" in x);
  if (isObj(a) && isObj(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    if ([...keys].some((k) => !(k in a) || !(k in b))) return [path];
    return [...keys].flatMap((k) => changedPaths(a[k], b[k], path ? `${path}.${k}` : k));
  }
  return [path];
}

/** Dotted key paths of the entries whose key or value contains an edited offset (the innermost such entries). */
function touchedPaths(node: ConfigNode | undefined, start: number, end: number, path = ""): string[] {
  if (!node || node.kind !== "map") return path ? [path] : [];
  for (const e of node.entries) {
    const from = Math.min(e.keySpan.start, e.value.span.start);
    const to = Math.max(e.keySpan.end, e.value.span.end);
    if (start <= to && end >= from) {
      if (start >= e.keySpan.start && end <= e.keySpan.end) return [path];
      return touchedPaths(e.value, start, end, path ? `${path}.${e.key}` : e.key);
    }
  }
  return [path];
}

function caseTitle(c: ValidCase | InvalidCase): string {
  if (c.name) return c.name;
  const lines = dedent(c.code)
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/^\^+/.test(l));
  const named = lines.find((l) => /^(name|type|class):/.test(l));
  return `${lines[0] ?? ""}${named ? ` … ${named}` : ""} (${lines.length} lines)`;
}

export function runRuleTests(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  const id = rule.meta.id;
  const valid = cases.valid.map((c) => (typeof c === "string" ? { code: c } : c));
  const keys = [...valid, ...cases.invalid].map((c) => JSON.stringify([dedent(c.code), c.stepsPerEpoch, c.files, "fix" in c ? c.fix : undefined, "output" in c ? c.output : undefined]));
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) throw new Error(`${id}: duplicate test case ${dup.slice(0, 120)}`);
  if (cases.invalid.length === 0) throw new Error(`${id}: a rule needs at least one invalid case`);
  if (rule.meta.fixable && !cases.invalid.some((c) => typeof c.output === "string")) throw new Error(`${id}: a fixable rule needs an invalid case with an output`);

  describe(`${id} (valid)`, () => {
    for (const c of valid) {
      it(`stays silent on ${caseTitle(c)}`, () => {
        const ds = lintText(dedent(c.code), c);
        expect(ds.filter((d) => d.rule === "internal-error")).toEqual([]);
        expect(ds.filter((d) => d.rule === id).map((d) => d.message)).toEqual([]);
      });
    }
  });

  describe(`${id} (invalid)`, () => {
    for (const c of cases.invalid) {
      it(`reports ${caseTitle(c)}`, () => {
        const { text, carets } = parseCarets(dedent(c.code));
        const ds = lintText(text, c);
        expect(ds.filter((d) => d.rule === "internal-error")).toEqual([]);
        const found = ds.filter((d) => d.rule === id);
        const count = Math.max(carets.length, c.errors?.length ?? 0);
        expect(found.map((d) => d.message), "number of findings").toHaveLength(count);
        const index = new LineIndex(text);
        found.forEach((d, k) => {
          const caret = carets[k];
          const want = c.errors?.[k] ?? {};
          if (caret) {
            expect(d.uri).toBe(TEST_URI);
            expect([d.span.start, d.span.end], `range of finding ${k}`).toEqual([index.offset({ line: caret.line, character: caret.start }), index.offset({ line: caret.line, character: caret.end })]);
          }
          if (want.range) expect([[d.range.start.line, d.range.start.character], [d.range.end.line, d.range.end.character]]).toEqual(want.range);
          const severity = want.severity ?? caret?.severity;
          if (severity) expect(d.severity, `severity of finding ${k}`).toBe(severity);
          if (want.message !== undefined) expect(d.message).toBe(want.message);
          for (const part of want.messageIncludes ?? []) expect(d.message).toContain(part);
          expect(d.docsUrl).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
        });
        if (c.output === undefined) return;
        if (c.output === null) {
          expect(found.flatMap((d) => d.fixes ?? [])).toEqual([]);
          return;
        }
        checkFix(rule, c, text, found);
      });
    }
  });
}

function checkFix(rule: Rule, c: InvalidCase, text: string, found: Diagnostic[]): void {
  const id = rule.meta.id;
  let output: string;
  let edits: TextEdit[];
  if (c.fix) {
    const fix = found[0].fixes?.find((f) => f.title.includes(c.fix as string));
    expect(fix, `a fix titled "${c.fix}" among ${JSON.stringify(found[0].fixes?.map((f) => f.title))}`).toBeDefined();
    edits = fix!.edits;
    output = applyEdits(text, edits);
  } else {
    const pass = applyAllFixes((t) => lintText(t, c).filter((d) => d.rule === id), text, { uri: TEST_URI, maxPasses: 1 });
    output = pass.text;
    edits = found.flatMap((d) => defaultFixChoice(d)?.edits ?? []);
  }
  expect(edits.every((e) => e.uri === TEST_URI), "fix edits stay in the document").toBe(true);
  expect(output).toBe(dedent(c.output as string));

  // The output still parses, has the same schedules, and only the intended keys changed.
  const before = analyze(text, c);
  const after = analyze(output, c);
  expect(after.config.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(after.schedules.map((s) => s.path)).toEqual(before.schedules.map((s) => s.path));
  const allowed = c.changes ?? [...new Set(edits.flatMap((e) => touchedPaths(before.config.own.root, e.start, e.end)))];
  const changed = changedPaths(plain(before.config.own.root), plain(after.config.own.root));
  for (const p of changed) expect(allowed.some((a) => p === a || p.startsWith(`${a}.`) || a.startsWith(`${p}.`) || a === ""), `"${p}" changed; intended: ${JSON.stringify(allowed)}`).toBe(true);

  // The finding is gone, and fixing again changes nothing.
  const remaining = lint(after).filter((d) => d.rule === id);
  expect(remaining.length, "findings left after the fix").toBeLessThan(found.length);
  const again = applyAllFixes((t) => lintText(t, c).filter((d) => d.rule === id && (c.fix === undefined || found.length === 1)), output, { uri: TEST_URI, maxPasses: 1 });
  expect(again.text, "a second fix pass changes nothing").toBe(output);
}
