/**
 * Config strings that look like markup (`<script>`, `](javascript:`, backticks, `onload=`, `&`)
 * stay text wherever the core shows them: hover markdown (rendered as permissively as any client
 * could), the SVG pictures inside it, and the curves' SVG.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeDocument, hoverAt, lint, scheduleCurves, type Analysis, type Host } from "../index";
import { markdownProblems, renderMarkdownPermissively, svgProblems } from "../testing/inert-markup";
import { REPO_ROOT } from "../testing/shared";

const FIXTURE = join(REPO_ROOT, "fixtures/hostile/escaping.yml");
const TEXT = readFileSync(FIXTURE, "utf8");
const URI = "file:///w/escaping.yml";
const NO_FILES: Host = { readFile: () => undefined };

function analyze(text: string, host: Host = NO_FILES, uri = URI): Analysis {
  return analyzeDocument(uri, text, host);
}

/** Hover at the first occurrence of `needle` (plus `delta`), which must answer. */
function hoverOn(a: Analysis, needle: string, delta = 1): string {
  const at = a.text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  const h = hoverAt(a, at + delta);
  expect(h, `hover on ${needle}`).toBeDefined();
  return h!.markdown;
}

describe("the markup checker itself", () => {
  it("finds a live script, handler and javascript: link in unescaped markdown, so its silence below means something", () => {
    const problems = markdownProblems("<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n<svg onload=alert(2)>");
    expect(problems).toEqual(expect.arrayContaining(["element <script>", "link to javascript:alert(1)", "element <svg>", "handler onload on <svg>"]));
    expect(svgProblems('<svg xmlns="http://www.w3.org/2000/svg"><text onload="x">a</text></svg>')).toEqual(["handler onload on <text>"]);
  });
});

describe("hover markdown over hostile config strings", () => {
  const a = analyze(TEXT);

  it.each(["<script>alert(1)</script>", "[x](javascript:alert(1))", "a](javascript:alert(2))"])("keeps the key %s as text, with the curve picture intact", (key) => {
    const md = hoverOn(a, key);
    expect(markdownProblems(md)).toEqual([]);
    expect(md).toContain("data:image/svg+xml;base64,");
  });

  it("shows the lambda's text, comment with markup included, only as text", () => {
    const md = hoverOn(a, "lr_lambda", 2);
    expect(renderMarkdownPermissively(md)).toContain("&lt;script&gt;alert(5)&lt;/script&gt;");
    expect(markdownProblems(md)).toEqual([]);
  });

  it("keeps a hostile scheduler name as text", () => {
    const text = "Global:\n  epoch_num: 10\nOptimizer:\n  name: Adam\n  lr:\n    name: \"Cosine<img src=x onerror=alert(4)>](javascript:alert(1))`\"\n    learning_rate: 0.1\n";
    const b = analyze(text);
    // Not a class PaddleOCR knows: the diagnostic names it (as plain text, which LSP messages are).
    const unknown = lint(b).find((d) => d.rule === "unknown-scheduler");
    expect(unknown?.message).toContain("<img src=x onerror=alert(4)>");
    const h = hoverAt(b, b.text.indexOf("Cosine<") + 2);
    expect(h === undefined || markdownProblems(h.markdown).length === 0).toBe(true);
  });

  it("keeps a base file name made of markup as text where the hover says where the schedule comes from", () => {
    const baseName = "<img src=x onerror=alert(1)>](javascript:alert(2)) `&amp;`.yml";
    const base = "LearningRate:\n  base_lr: 0.01\n  schedulers:\n  - !PiecewiseDecay\n    gamma: 0.1\n    milestones: [8, 11]\n  - !LinearWarmup\n    start_factor: 0.1\n    steps: 500\nepoch: 12\n";
    // Compared decoded: how the loader percent-encodes `(`, `'` or a space is its own business.
    const host: Host = { readFile: (uri) => (decodeURIComponent(uri) === `file:///w/_base_/${baseName}` ? base : undefined) };
    const leaf = `_BASE_: ['_base_/${baseName.replace(/'/g, "''")}']\narchitecture: FasterRCNN\nLearningRate:\n  base_lr: 0.02\n`;
    const b = analyze(leaf, host, "file:///w/leaf.yml");
    expect(b.schedules.map((s) => s.path)).toEqual(["LearningRate"]);
    expect(b.diagnostics.filter((d) => d.rule === "missing-base")).toEqual([]);
    const md = hoverOn(b, "LearningRate", 2);
    expect(md).toContain("Inherited from");
    expect(renderMarkdownPermissively(md)).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(markdownProblems(md)).toEqual([]);
  });
});

describe("curve SVG over hostile config strings", () => {
  it("draws every schedule of the hostile fixture as inert, well-formed SVG", () => {
    const curves = scheduleCurves(analyze(TEXT));
    expect(curves.map((c) => c.path)).toEqual(["lr_scheduler", "lambda_scheduler"]);
    for (const c of curves) {
      expect(c.svg).toMatch(/^<svg/);
      expect(svgProblems(c.svg)).toEqual([]);
    }
  });
});
