/**
 * Hostile config strings through the live server: hover markdown (rendered as permissively as any
 * client could), the SVG in hovers and in `lrlens/curves`, and the preview webview's cards built
 * from that answer carry no live tag, handler or link.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markdownProblems, renderMarkdownPermissively, scriptProblems, svgProblems } from "../../core/src/testing/inert-markup";
import { renderCardsHtml } from "../../vscode-ext/src/webview/cards-html";
import { LspClient, positionOf, REPO_ROOT, uriOf } from "./harness";

const BASE_NAME = "<img src=x onerror=alert(1)>](javascript:alert(2)) `&amp;`.yml";
let client: LspClient;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "lrlens-escaping-"));
  cpSync(join(REPO_ROOT, "fixtures/hostile/escaping.yml"), join(root, "escaping.yml"));
  mkdirSync(join(root, "_base_"));
  writeFileSync(join(root, "_base_", BASE_NAME), "LearningRate:\n  base_lr: 0.01\n  schedulers:\n  - !PiecewiseDecay\n    gamma: 0.1\n    milestones: [8, 11]\n  - !LinearWarmup\n    start_factor: 0.1\n    steps: 500\nepoch: 12\n");
  writeFileSync(join(root, "leaf.yml"), `_BASE_: ['_base_/${BASE_NAME}']\narchitecture: FasterRCNN\nLearningRate:\n  base_lr: 0.02\n`);
  client = await LspClient.start({ root });
});

afterAll(() => client?.kill());

async function openAndWait(rel: string): Promise<{ uri: string; text: string }> {
  const text = readFileSync(join(root, rel), "utf8");
  const uri = uriOf(join(root, rel));
  const waiting = client.diagnostics(uri);
  client.open(rel, text);
  await waiting;
  return { uri, text };
}

async function hoverMarkdown(uri: string, text: string, needle: string, delta = 1): Promise<string> {
  const hover = await client.request("textDocument/hover", { textDocument: { uri }, position: positionOf(text, needle, delta) });
  expect(hover, `hover on ${needle}`).not.toBeNull();
  expect(hover.contents.kind).toBe("markdown");
  return hover.contents.value;
}

describe("hover markdown from the live server", () => {
  it.each(["<script>alert(1)</script>", "[x](javascript:alert(1))", "a](javascript:alert(2))", "lr_lambda"])("keeps %s inert, picture included", async (needle) => {
    const { uri, text } = await openAndWait("escaping.yml");
    const md = await hoverMarkdown(uri, text, needle, 2);
    expect(md).toContain("data:image/svg+xml;base64,");
    expect(markdownProblems(md)).toEqual([]);
  });

  it("keeps a base file named with markup inert where the hover names it", async () => {
    const { uri, text } = await openAndWait("leaf.yml");
    const md = await hoverMarkdown(uri, text, "LearningRate", 2);
    expect(renderMarkdownPermissively(md)).toContain("Inherited from &lt;img src=x onerror=alert(1)&gt;");
    expect(markdownProblems(md)).toEqual([]);
  });
});

describe("lrlens/curves and the preview built from it", () => {
  it("answers inert SVG, and the webview cards made from the answer hold no script, handler or script link", async () => {
    const { uri } = await openAndWait("escaping.yml");
    const answer = await client.request("lrlens/curves", { textDocument: { uri } });
    expect(answer.schedules.map((s: { path: string }) => s.path)).toEqual(["lr_scheduler", "lambda_scheduler"]);
    for (const s of answer.schedules) expect(svgProblems(s.svg)).toEqual([]);
    const cards = renderCardsHtml(answer.schedules);
    expect(cards).toContain("&#60;script&#62;alert(5)&#60;/script&#62;");
    expect(scriptProblems(cards)).toEqual([]);
  });

  it("the checker does see a live handler in HTML, so its silence above means something", () => {
    expect(scriptProblems('<div><img src=x onerror="alert(1)"><a href="javascript:alert(2)">x</a><script>1</script></div>')).toEqual(["handler onerror on <img>", "script URL in href", "element <script>"]);
  });
});
