/** The built server over stdio, driven like an editor drives it: every feature against real fixture configs. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient, positionOf, uriOf, type PublishedDiagnostics, type Range } from "./harness";
import { svgImages, xmlProblems } from "./svg";

let client: LspClient;

beforeAll(async () => {
  client = await LspClient.start();
});

afterAll(() => client?.kill());

/** Applies LSP text edits (non-overlapping) to a text. */
function applyLspEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const lines = text.split("\n");
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

let copies = 0;

/**
 * Opens a fixture and waits for its first diagnostics. Every call opens a new document (a copy of
 * the fixture beside it, unless `text` names a new file), so tests never share an open buffer.
 */
async function openAndWait(rel: string, text?: string): Promise<{ uri: string; text: string; published: PublishedDiagnostics }> {
  const body = text ?? readFileSync(join(client.root, rel), "utf8");
  const alias = text === undefined ? rel.replace(/\.ya?ml$/, `.copy${++copies}.yml`) : rel;
  const uri = uriOf(join(client.root, alias));
  const waiting = client.diagnostics(uri);
  client.open(alias, body);
  return { uri, text: body, published: await waiting };
}

const codes = (p: PublishedDiagnostics) => p.diagnostics.map((d) => d.code);

describe("initialize", () => {
  it("advertises incremental sync and every feature the server has", () => {
    const caps = client.initializeResult.capabilities;
    expect(caps.textDocumentSync.change).toBe(2);
    for (const k of ["hoverProvider", "completionProvider", "codeActionProvider", "inlayHintProvider", "codeLensProvider", "documentSymbolProvider"]) expect(caps[k], k).toBeTruthy();
    expect(caps.codeActionProvider.codeActionKinds).toEqual(["quickfix", "source.fixAll.lrlens"]);
    expect(caps.completionProvider.triggerCharacters).toContain(":");
    expect(client.initializeResult.serverInfo.name).toBe("lrlens-language-server");
  });
});

describe("diagnostics", () => {
  it("reports the seed article's unit mix in the DBNet config, with a docs link", async () => {
    const { published } = await openAndWait("paddle/dbnet.yml");
    const unitMix = published.diagnostics.find((d) => d.code === "no-unit-mix");
    expect(unitMix, JSON.stringify(published.diagnostics)).toBeDefined();
    expect(unitMix!.codeDescription?.href).toMatch(/docs\/rules\/no-unit-mix\.md$/);
  });

  it("reads configs of every suite without an error, and knows their dialect", async () => {
    const cases: [string, string][] = [
      ["paddleocr/det_cosine.yml", "paddleocr"],
      ["paddleclas/resnet_multistep.yml", "paddleclas"],
      ["paddledet/faster_rcnn_12e.yml", "paddledet"],
      ["paddleseg/pp_liteseg_lite.yml", "paddleseg"],
      ["paddle/cosine.yml", "paddle"],
    ];
    for (const [rel, dialect] of cases) {
      const { uri, published } = await openAndWait(rel);
      expect(published.diagnostics.filter((d) => d.severity === 1), rel).toEqual([]);
      const curves = await client.request("lrlens/curves", { textDocument: { uri } });
      expect(curves.schedules.map((s: { dialect: string }) => s.dialect), rel).toEqual([dialect]);
      expect(curves.schedules[0].points.length, rel).toBeGreaterThan(2);
    }
  });

  it("publishes nothing at all for a plain YAML file", async () => {
    const plain = client.open("plain/workflow.yml");
    await openAndWait("paddle/bad-milestones.yml");
    expect(client.published.get(plain.uri)).toBeUndefined();
  });

  it("clears a document's diagnostics when it is closed", async () => {
    const { uri } = await openAndWait("paddle/dbnet-closed.yml", readFileSync(join(client.root, "paddle/dbnet.yml"), "utf8"));
    const cleared = client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    client.close(uri);
    await cleared;
  });
});

describe("hover", () => {
  it("shows the curve as a well-formed SVG image and the key numbers on the scheduler name", async () => {
    const { uri, text } = await openAndWait("paddle/dbnet.yml");
    const hover = await client.request("textDocument/hover", { textDocument: { uri }, position: positionOf(text, "name: LinearWarmup", 8) });
    const md: string = hover.contents.value;
    const [svg] = svgImages(md);
    expect(svg).toBeDefined();
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toMatch(/<svg[^>]*width="480"[^>]*height="160"/);
    expect(svg).toMatch(/<path[^>]*class="[^"]*lr-curve/);
    expect(svg).toContain("prefers-color-scheme: dark");
    expect(md).toMatch(/Peak \| 0\.007 at step 2,000/);
    expect(md).toMatch(/Final \| 7e-05/);
  });

  it("draws the neighbouring gamma values as extra series on the gamma parameter", async () => {
    const { uri, text } = await openAndWait("paddle/dbnet.yml");
    const hover = await client.request("textDocument/hover", { textDocument: { uri }, position: positionOf(text, "gamma: 0.1", 2) });
    const md: string = hover.contents.value;
    expect(md).toMatch(/gamma\\?=0\\?\.2/);
    const [svg] = svgImages(md);
    expect(svg.match(/<path[^>]*class="[^"]*lr-curve/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it("keeps hostile config strings as text in the markdown and the SVG", async () => {
    const { uri, text } = await openAndWait("hostile/escaping.yml");
    const hover = await client.request("textDocument/hover", { textDocument: { uri }, position: positionOf(text, "name: StepDecay", 8) });
    const md: string = hover.contents.value;
    // Escaped (`\\<img`) is text; a bare `<img` or a `](javascript:` link would be live.
    expect(md).toMatch(/img src\\?=x onerror/);
    expect(md).not.toMatch(/(?<!\\)<(img|script)/i);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    for (const svg of svgImages(md)) {
      expect(xmlProblems(svg)).toEqual([]);
      expect(svg).not.toMatch(/<script|onerror=|onload=/i);
    }
  });

  it("answers null outside any schedule", async () => {
    const { uri } = await openAndWait("paddleocr/det_cosine.yml");
    expect(await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 6, character: 4 } })).toBeNull();
  });
});

describe("completion", () => {
  it("offers the generic form's scheduler names with a snippet of their required parameters", async () => {
    const text = "lr_scheduler:\n  name: \n";
    const { uri } = await openAndWait("paddle/new.yml", text);
    const items = await client.request("textDocument/completion", { textDocument: { uri }, position: { line: 1, character: 8 } });
    const multi = items.find((i: { label: string }) => i.label === "MultiStepDecay");
    expect(multi).toBeDefined();
    expect(multi.insertTextFormat).toBe(2);
    expect(multi.textEdit.newText).toMatch(/^MultiStepDecay\n {2}learning_rate: \$\{1:[^}]+\}\n {2}milestones: \$\{2:/);
    expect(items.map((i: { label: string }) => i.label)).toContain("CosineAnnealingDecay");
  });

  it("offers the parameters a scheduler still lacks, with docs and defaults", async () => {
    const text = "lr_scheduler:\n  name: MultiStepDecay\n  learning_rate: 0.1\n  \n";
    const { uri } = await openAndWait("paddle/params.yml", text);
    const items = await client.request("textDocument/completion", { textDocument: { uri }, position: { line: 3, character: 2 } });
    const labels = items.map((i: { label: string }) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["milestones", "gamma"]));
    expect(labels).not.toContain("learning_rate");
    expect(items.find((i: { label: string }) => i.label === "gamma").documentation.value).toMatch(/Default: `0\.1`/);
  });

  it("completes on a just-edited document from its text, before it is re-analysed", async () => {
    const { uri } = await openAndWait("paddle/typing.yml", "lr_scheduler:\n  name: StepDecay\n  learning_rate: 0.1\n");
    client.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: "  st" }]);
    const items = await client.request("textDocument/completion", { textDocument: { uri }, position: { line: 3, character: 4 } });
    const step = items.find((i: { label: string }) => i.label === "step_size");
    expect(step.textEdit.range).toEqual({ start: { line: 3, character: 2 }, end: { line: 3, character: 4 } });
  });

  it("offers enum values such as CyclicLR's mode", async () => {
    const text = "lr_scheduler:\n  name: CyclicLR\n  mode: \n";
    const { uri } = await openAndWait("paddle/enum.yml", text);
    const items = await client.request("textDocument/completion", { textDocument: { uri }, position: { line: 2, character: 8 } });
    expect(items.map((i: { label: string }) => i.label)).toEqual(["triangular", "triangular2", "exp_range"]);
  });
});

describe("code actions", () => {
  it("offers the rule's quick fix, which applied and re-linted makes the diagnostic disappear", async () => {
    const { uri, text, published } = await openAndWait("paddle/bad-milestones.yml");
    const diag = published.diagnostics.find((d) => d.code === "no-unsorted-milestones")!;
    expect(diag).toBeDefined();
    const actions = await client.request("textDocument/codeAction", { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    const fix = actions.find((a: { kind: string }) => a.kind === "quickfix");
    expect(fix.diagnostics[0].code).toBe("no-unsorted-milestones");
    const fixed = applyLspEdits(text, fix.edit.changes[uri]);
    expect(fixed).toContain("milestones: [300, 400]");
    const version = client.change(uri, [{ text: fixed }]);
    const after = await client.diagnosticsFor(uri, version);
    expect(codes(after)).not.toContain("no-unsorted-milestones");
  });

  it("fixes everything with source.fixAll.lrlens, and a second fix-all has nothing left to do", async () => {
    const { uri, text } = await openAndWait("paddle/bad-milestones-2.yml", readFileSync(join(client.root, "paddle/bad-milestones.yml"), "utf8"));
    const only = { context: { diagnostics: [], only: ["source.fixAll.lrlens"] } };
    const [all] = await client.request("textDocument/codeAction", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ...only });
    expect(all.kind).toBe("source.fixAll.lrlens");
    const fixed = applyLspEdits(text, all.edit.changes[uri]);
    expect(fixed).toContain("[300, 400]");
    const version = client.change(uri, [{ text: fixed }]);
    await client.diagnosticsFor(uri, version);
    const again = await client.request("textDocument/codeAction", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ...only });
    expect(again).toEqual([]);
  });
  it("on a very large document, computes the eager fix-all only when the client asks for source actions", async () => {
    const padding = `# ${"-".repeat(97)}\n`.repeat(2100);
    const body = readFileSync(join(client.root, "paddle/bad-milestones.yml"), "utf8") + padding;
    expect(body.length).toBeGreaterThan(200_000);
    const { uri } = await openAndWait("paddle/bad-milestones-large.yml", body);
    const range = { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } };
    const kinds = (actions: { kind: string }[]) => actions.map((a) => a.kind);
    // Every cursor move asks for code actions: there, only the quick fixes.
    expect(kinds(await client.request("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics: [] } }))).not.toContain("source.fixAll.lrlens");
    expect(kinds(await client.request("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics: [], only: ["source.fixAll.lrlens"] } }))).toEqual(["source.fixAll.lrlens"]);
  });
});

describe("inlay hints, code lens, symbols", () => {
  it("shows the LR after each milestone and at the end of warmup", async () => {
    const { uri, text } = await openAndWait("paddle/dbnet.yml");
    const hints = await client.request("textDocument/inlayHint", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
    const at = (needle: string, delta: number) => {
      const p = positionOf(text, needle, delta);
      return hints.filter((h: { position: { line: number; character: number } }) => h.position.line === p.line && h.position.character === p.character).map((h: { label: string }) => h.label);
    };
    expect(at("warmup_steps: 2000", 18)).toContain("→ 0.007");
    expect(at("[300,", 4)).toContain("→ 0.0007");
    expect(at("400]", 3)).toContain("→ 7e-05");
  });

  it("puts peak, final and length above the schedule, as a label for a client without the preview command", async () => {
    const { uri } = await openAndWait("paddle/dbnet.yml");
    const lenses = await client.request("textDocument/codeLens", { textDocument: { uri } });
    expect(lenses).toHaveLength(1);
    expect(lenses[0].range.start.line).toBe(2);
    expect(lenses[0].command.title).toMatch(/^peak 0\.007 · final 7e-05 · [\d,.]+[kM]? steps$/);
    expect(lenses[0].command.command).toBe("");
  });

  it("outlines each schedule with its parameters", async () => {
    const { uri } = await openAndWait("paddle/dbnet.yml");
    const symbols = await client.request("textDocument/documentSymbol", { textDocument: { uri } });
    expect(symbols.map((s: { name: string }) => s.name)).toEqual(["lr_scheduler"]);
    expect(symbols[0].children.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(["warmup_steps", "milestones", "gamma"]));
  });
});

describe("lrlens/curves", () => {
  it("returns the DBNet curve with Paddle's values at warmup end and after each drop, and its markers", async () => {
    const { uri } = await openAndWait("paddle/dbnet.yml");
    const { schedules } = await client.request("lrlens/curves", { textDocument: { uri }, maxPoints: 256 });
    expect(schedules).toHaveLength(1);
    const s = schedules[0];
    expect(s).toMatchObject({ path: "lr_scheduler", dialect: "paddle", unit: "step", stepsPerEpoch: { value: null, source: "unknown" } });
    expect(s.scheduler).toMatch(/^LinearWarmup\(MultiStepDecay\(/);
    expect(s.range.start.line).toBe(2);
    expect(s.points.length).toBeLessThanOrEqual(256 + 8);
    const near = (x: number) => s.points.find((p: [number, number]) => p[0] === x)?.[1];
    expect(near(0)).toBe(0);
    expect(near(2000)).toBeCloseTo(0.007, 15);
    expect(near(2300)).toBeCloseTo(0.0007, 15);
    expect(near(2400)).toBeCloseTo(0.00007, 15);
    const kinds = s.markers.map((m: { kind: string; step: number }) => `${m.kind}@${m.step}`);
    expect(kinds).toEqual(expect.arrayContaining(["warmup-end@2000", "milestone@2300", "milestone@2400"]));
    expect(xmlProblems(s.svg)).toEqual([]);
  });

  it("answers an empty list for a document it does not act on", async () => {
    const { uri } = client.open("plain/workflow-again.yml", readFileSync(join(client.root, "plain/workflow.yml"), "utf8"));
    expect(await client.request("lrlens/curves", { textDocument: { uri } })).toEqual({ schedules: [] });
  });
});

describe("inheritance", () => {
  it("re-lints a config when its _BASE_ file changes on disk, pointing into the base", async () => {
    const { uri, published } = await openAndWait("paddledet/faster_rcnn_12e.yml");
    expect(codes(published)).not.toContain("no-unreachable-milestones");
    // A third milestone at epoch 30 of a 12-epoch run never fires.
    const base = join(client.root, "paddledet/_base_/optimizer_12e.yml");
    writeFileSync(base, readFileSync(base, "utf8").replace("milestones: [8, 11]", "milestones: [8, 11, 30]"));
    const relinted = client.diagnostics(uri, (p) => codes(p).includes("no-unreachable-milestones"));
    client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(base), type: 2 }] });
    const after = await relinted;
    const d = after.diagnostics.find((x) => x.code === "no-unreachable-milestones")!;
    expect(d.message).toMatch(/^In optimizer_12e\.yml: /);
    expect(d.relatedInformation?.some((r) => r.location.uri === uriOf(base))).toBe(true);
  });

  it("re-lints a config whose missing _BASE_ file appears on disk", async () => {
    const leaf = "# lrlens: steps-per-epoch=100\n_BASE_: ['_base_/optimizer_new.yml']\narchitecture: FasterRCNN\n";
    const { uri, published } = await openAndWait("paddledet/waiting_for_base.yml", leaf);
    expect(codes(published)).toContain("missing-base");
    const base = join(client.root, "paddledet/_base_/optimizer_new.yml");
    writeFileSync(base, readFileSync(join(client.root, "paddledet/_base_/optimizer_12e.yml"), "utf8"));
    const relinted = client.diagnostics(uri, (p) => !codes(p).includes("missing-base"));
    client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(base), type: 1 }] });
    await relinted;
  });

  it("re-lints a config when its _base_ file is edited in an open buffer", async () => {
    const { uri, published } = await openAndWait("paddleseg/pp_liteseg_lite.yml");
    expect(codes(published)).not.toContain("no-excessive-warmup");
    // 50 iterations of training are shorter than the leaf's 100-iteration warmup.
    const base = client.open("paddleseg/_base_/cityscapes_lite.yml");
    const relinted = client.diagnostics(uri, (p) => codes(p).includes("no-excessive-warmup"));
    client.change(base.uri, [{ text: base.text.replace("iters: 1000", "iters: 50") }]);
    await relinted;
  });
});

describe("robustness", () => {
  const laughs = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)].join("\n");
  const hostile: [string, string][] = [
    ["an alias bomb", `${laughs}\nlr_scheduler:\n  name: StepDecay\n  learning_rate: 0.1\n  step_size: 10\n`],
    ["100,000 milestones", `lr_scheduler:\n  name: MultiStepDecay\n  learning_rate: 0.1\n  milestones: [${Array.from({ length: 100_000 }, (_, i) => i + 1).join(", ")}]\n`],
    ["a 1e12-step cosine", "lr_scheduler:\n  name: CosineAnnealingDecay\n  learning_rate: 0.1\n  T_max: 1000000000000\n"],
    ["deep nesting", `lr_scheduler: ${"[".repeat(50_000)}\n`],
    ["binary noise", `lr_scheduler:\n  name: \u0000\u0001\uFFFD\uD800 ${"\u0007".repeat(100)}\n`],
    ["a lambda bomb", "lr_scheduler:\n  name: LambdaDecay\n  learning_rate: 0.1\n  lr_lambda: 'lambda epoch: 10 ** 10 ** 10 ** 10'\n"],
  ];
  it.each(hostile)("survives %s: diagnostics arrive and hover still answers", async (_, text) => {
    const { uri } = await openAndWait(`hostile/${Math.random().toString(36).slice(2)}.yml`, text);
    const hover = await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 9 } });
    expect(hover === null || typeof hover.contents.value === "string").toBe(true);
    expect(client.child.exitCode).toBeNull();
  });

  it("answers a request with broken parameters with an empty result and keeps serving", async () => {
    const { uri, text } = await openAndWait("paddle/dbnet.yml");
    expect(await client.request("textDocument/hover", { textDocument: { uri } })).toBeNull();
    const ok = await client.request("textDocument/hover", { textDocument: { uri }, position: positionOf(text, "name: LinearWarmup", 8) });
    expect(ok.contents.value).toContain("data:image/svg+xml;base64,");
    expect(client.logs.some((l) => l.startsWith("[textDocument/hover]") && l.includes(uri))).toBe(true);
  });
});

describe("settings", () => {
  it("turns hovers off through workspace/configuration and back on", async () => {
    const { uri, text } = await openAndWait("paddle/dbnet.yml");
    const position = positionOf(text, "name: LinearWarmup", 8);
    client.changeSettings({ hover: { enable: false } });
    // The change re-lints open documents; once that is visible the new settings are in force.
    await client.diagnostics(uri);
    expect(await client.request("textDocument/hover", { textDocument: { uri }, position })).toBeNull();
    client.changeSettings(null);
    await client.diagnostics(uri);
    expect((await client.request("textDocument/hover", { textDocument: { uri }, position })).contents.value).toContain("data:image");
  });
});

describe(".lrlens.yaml", () => {
  it("applies the workspace's rule severities and re-lints when the file changes", async () => {
    const { uri, published } = await openAndWait("paddle/dbnet.yml");
    expect(codes(published)).toContain("no-unit-mix");
    const project = join(client.root, ".lrlens.yaml");
    writeFileSync(project, "rules:\n  no-unit-mix: off\n");
    const relinted = client.diagnostics(uri, (p) => !codes(p).includes("no-unit-mix"));
    client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(project), type: 1 }] });
    await relinted;
    writeFileSync(project, "rules: {}\n");
    const back = client.diagnostics(uri, (p) => codes(p).includes("no-unit-mix"));
    client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(project), type: 2 }] });
    await back;
  });

  it("reports an unknown rule id in an open .lrlens.yaml", async () => {
    const uri = uriOf(join(client.root, ".lrlens.yaml"));
    const published = client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    client.open(".lrlens.yaml", "rules:\n  no-such-rule: error\n");
    const p = await published;
    expect(p.diagnostics[0].range.start.line).toBe(1);
    expect(p.diagnostics[0].message).toMatch(/no-such-rule/);
  });
});

describe("shutdown", () => {
  it("exits with code 0 after shutdown and exit", async () => {
    const other = await LspClient.start({ noConfiguration: true, clientName: "Visual Studio Code" });
    const { uri } = other.open("paddle/dbnet.yml");
    await other.diagnostics(uri);
    // A client without configuration support gets the defaults; VS Code has the preview command.
    const [lens] = await other.request("textDocument/codeLens", { textDocument: { uri } });
    expect(lens.command).toMatchObject({ command: "lrlens.showCurve", arguments: [uri, "lr_scheduler"] });
    expect(await other.shutdown()).toBe(0);
  });
});
