/** Tests of parsing: PyYAML semantics, tags, spans, comments, and every bad-input and limit diagnostic with its range. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../testing/shared";
import { getPath, isMap, isSeq, mapGet, toPlain } from "./access";
import { parseConfigText } from "./parse";
import { caretExpectations } from "./test-support/carets";
import { asCarets } from "./test-support/hosts";
import type { ConfigScalar } from "./types";

function fixture(name: string) {
  const path = join(REPO_ROOT, "fixtures", "config", name);
  const text = readFileSync(path, "utf8");
  return { uri: pathToFileURL(path).href, text, file: parseConfigText(pathToFileURL(path).href, text) };
}

const at = (line: number, character: number) => ({ line, character });

describe("bad-input fixtures report exactly the annotated diagnostics", () => {
  it.each(["duplicate-key.yml", "billion-laughs.yml", "deep-nesting.yml", "undefined-alias.yml", "recursive-alias.yml", "merge-keys.yml", "pyyaml-rejects.yml"])(
    "%s",
    (name) => {
      const { text, file } = fixture(name);
      expect(asCarets(file.diagnostics)).toEqual(caretExpectations(text));
    },
  );
});

describe("parseConfigText", () => {
  it("keeps the last of duplicate keys at the first key's position, as a Python dict does", () => {
    const { file } = fixture("duplicate-key.yml");
    expect(toPlain(file.root)).toEqual({ LearningRate: { base_lr: 0.02, schedulers: [] }, epoch: 12 });
    expect(isMap(file.root) && file.root.entries.map((e) => e.key)).toEqual(["LearningRate", "epoch"]);
    const lr = mapGet(file.root, "LearningRate");
    expect(isMap(lr) && lr.entries.map((e) => e.key)).toEqual(["base_lr", "schedulers"]);
  });

  it("reports a half-typed flow list where yaml says it had to end, and still loads the rest", () => {
    const { file } = fixture("unclosed-flow.yml");
    expect(file.diagnostics.map((d) => [d.rule, d.severity, d.range])).toEqual([["yaml-syntax", "error", { start: at(5, 0), end: at(5, 1) }]]);
    expect(file.diagnostics[0].message).toMatch(/Flow sequence .* must be sufficiently indented and end with a \]/);
    expect(toPlain(file.root)).toEqual({ LearningRate: { base_lr: 0.01, milestones: [8, 11] }, epoch: 12 });
  });

  it("lists the first 100 YAML problems of a badly damaged file and counts the rest in one more", () => {
    const text = "a: 1\n" + Array.from({ length: 300 }, (_, i) => `k${i}: [1, 2\n  ]]\n`).join("");
    const problems = parseConfigText("file:///w/x.yml", text).diagnostics.filter((d) => d.rule === "yaml-syntax");
    expect(problems).toHaveLength(101);
    expect(problems[100].message).toMatch(/^\d+ more YAML problems after these 100 are not listed\.$/);
    expect(Number(problems[100].message.split(" ")[0])).toBeGreaterThanOrEqual(200);
  });

  it("reads only the first of several documents and flags the second one's start", () => {
    const { file } = fixture("multi-document.yml");
    expect(toPlain(file.root)).toEqual({ epoch: 12 });
    expect(file.diagnostics.map((d) => [d.rule, d.severity, d.range])).toEqual([["yaml-syntax", "error", { start: at(3, 0), end: at(3, 3) }]]);
  });

  it("stops the billion-laughs bomb at the alias limit and returns the bounded tree", () => {
    const { file } = fixture("billion-laughs.yml");
    expect(getPath(file.root, ["c"])).toBeDefined();
    expect(toPlain(getPath(file.root, ["d", 0]))).toBeNull();
    expect(toPlain(getPath(file.root, ["i", 8]))).toBeNull();
    expect(file.diagnostics[0].message).toContain("maxAliasCount = 100");
  });

  it("applies `<<` merge keys like PyYAML: explicit keys win, the earlier merged mapping wins", () => {
    const { file } = fixture("merge-keys.yml");
    expect(toPlain(mapGet(file.root, "LearningRate"))).toEqual({ epoch: 12, warmup: 500, base_lr: 0.02 });
    // Dict order as PyYAML builds it: merged pairs first (the later map's first), then explicit keys.
    const lr = mapGet(file.root, "LearningRate");
    expect(isMap(lr) && lr.entries.map((e) => e.key)).toEqual(["epoch", "warmup", "base_lr"]);
    expect(toPlain(mapGet(file.root, "broken_list"))).toEqual({ base_lr: 0.01, epoch: 12 });
  });

  it("shares an aliased node with its anchor, spans pointing at the anchored text", () => {
    const text = "lr: &lr 0.01\nwarmup:\n  end_lr: *lr\n";
    const f = parseConfigText("file:///w/a.yml", text);
    const node = getPath(f.root, ["warmup", "end_lr"]) as ConfigScalar;
    expect(node).toBe(mapGet(f.root, "lr"));
    expect(text.slice(node.span.start, node.span.end)).toBe("0.01");
  });

  it("records local tags on mappings, sequences and scalars with their spans, without unresolved-tag warnings", () => {
    const text = ["LearningRate:", "  schedulers:", "  - !PiecewiseDecay", "    gamma: 0.1", "    milestones: [8, 11]", "  - !LinearWarmup {start_factor: 0.1, steps: 1000}", "TrainDataset: !COCODataSet", "  image_dir: train2017", "pair: !Pair [1, 2]", "one: !Scalar 5", ""].join("\n");
    const f = parseConfigText("file:///w/t.yml", text);
    expect(f.diagnostics).toEqual([]);
    const decay = getPath(f.root, ["LearningRate", "schedulers", 0]);
    const warmup = getPath(f.root, ["LearningRate", "schedulers", 1]);
    expect([decay?.kind, decay?.tag, text.slice(decay!.tagSpan!.start, decay!.tagSpan!.end)]).toEqual(["map", "PiecewiseDecay", "!PiecewiseDecay"]);
    expect([warmup?.kind, warmup?.tag, text.slice(warmup!.span.start, warmup!.span.end)]).toEqual(["map", "LinearWarmup", "{start_factor: 0.1, steps: 1000}"]);
    expect(text.slice(decay!.span.start, decay!.span.end)).toBe("gamma: 0.1\n    milestones: [8, 11]");
    expect([mapGet(f.root, "TrainDataset")?.tag, mapGet(f.root, "pair")?.kind, mapGet(f.root, "pair")?.tag, mapGet(f.root, "one")?.tag]).toEqual(["COCODataSet", "seq", "Pair", "Scalar"]);
    expect(toPlain(decay)).toEqual({ "!PiecewiseDecay": { gamma: 0.1, milestones: [8, 11] } });
  });

  it("gives entries their key spans and scalars their own text spans", () => {
    const text = "Optimizer:\n  lr:\n    name: Cosine   # the decay\n    learning_rate: 1e-3\n";
    const f = parseConfigText("file:///w/o.yml", text);
    const lr = getPath(f.root, ["Optimizer", "lr"]);
    const entry = isMap(lr) ? lr.entries[1] : undefined;
    expect(text.slice(entry!.keySpan.start, entry!.keySpan.end)).toBe("learning_rate");
    expect(text.slice(entry!.value.span.start, entry!.value.span.end)).toBe("1e-3");
    expect(entry!.value).toMatchObject({ value: { type: "str", value: "1e-3" }, yaml12: { type: "float", value: 0.001 }, text: "1e-3", quoted: false });
    expect(text.slice(lr!.span.start, lr!.span.end)).toBe("name: Cosine   # the decay\n    learning_rate: 1e-3");
  });

  it("collects every comment with its span, including lrlens directives", () => {
    const text = "# lrlens: steps-per-epoch=1254\nepoch: 12 # twelve\n# lrlens-disable-next-line no-unit-mix\nmilestones: [8, # first\n  11]\n";
    const f = parseConfigText("file:///w/c.yml", text);
    expect(f.comments.map((c) => [c.text, text.slice(c.span.start, c.span.end)])).toEqual([
      ["# lrlens: steps-per-epoch=1254", "# lrlens: steps-per-epoch=1254"],
      ["# twelve", "# twelve"],
      ["# lrlens-disable-next-line no-unit-mix", "# lrlens-disable-next-line no-unit-mix"],
      ["# first", "# first"],
    ]);
    expect(toPlain(mapGet(f.root, "milestones"))).toEqual([8, 11]);
  });

  it("ignores indentation inside flow collections as PyYAML does (PaddleDetection reader style)", () => {
    const text = ["TrainReader:", "  sample_transforms:", "    - RandomSelect: { transforms1: [ A: {x: 1} ],", "                      transforms2: [", "                          B: {y: 2} ]", "    }", "    - Normalize: {is_scale: true}", "  batch_size: 4", ""].join("\n");
    const f = parseConfigText("file:///w/r.yml", text);
    expect(f.diagnostics).toEqual([]);
    expect(toPlain(f.root)).toEqual({
      TrainReader: { sample_transforms: [{ RandomSelect: { transforms1: [{ A: { x: 1 } }], transforms2: [{ B: { y: 2 } }] } }, { Normalize: { is_scale: true } }], batch_size: 4 },
    });
  });

  it("accepts a comment glued to a quoted scalar (PyYAML does) with only a warning", () => {
    const f = parseConfigText("file:///w/q.yml", "data_path: ''# root folder\nepoch: 1\n");
    expect(toPlain(f.root)).toEqual({ data_path: "", epoch: 1 });
    expect(f.diagnostics.map((d) => [d.rule, d.severity])).toEqual([["yaml-syntax", "warning"]]);
  });

  it("reads CRLF files like LF files, with spans and ranges in the CRLF text", () => {
    const lf = "# lrlens: steps-per-epoch=10\nLearningRate:\n  base_lr: 0.01\n  milestones: [8,\n    11]\n";
    const crlf = lf.replace(/\n/g, "\r\n");
    const f = parseConfigText("file:///w/crlf.yml", crlf);
    expect(toPlain(f.root)).toEqual(toPlain(parseConfigText("file:///w/lf.yml", lf).root));
    const m = getPath(f.root, ["LearningRate", "milestones"])!;
    expect(crlf.slice(m.span.start, m.span.end)).toBe("[8,\r\n    11]");
    expect(f.comments.map((c) => c.text)).toEqual(["# lrlens: steps-per-epoch=10"]);
  });

  it("returns an empty tree without diagnostics for empty and comment-only files", () => {
    for (const text of ["", "\n\n", "# nothing here\n"]) {
      const f = parseConfigText("file:///w/e.yml", text);
      expect([f.root, f.diagnostics]).toEqual([undefined, []]);
    }
  });
});

describe("parse limits", () => {
  it("does not parse a document over maxDocumentChars and says so on the first line", () => {
    const text = "epoch: 12\n" + "# padding\n".repeat(200_000);
    const f = parseConfigText("file:///w/big.yml", text);
    expect(f.root).toBeUndefined();
    expect(f.diagnostics.map((d) => [d.rule, d.severity, d.range])).toEqual([["limit-exceeded", "warning", { start: at(0, 0), end: at(0, 9) }]]);
    expect(f.diagnostics[0].message).toContain("maxDocumentChars = 2000000");
  });

  it.each([
    ["100k-deep flow lists", "a: " + "[".repeat(100_000) + "]".repeat(100_000), at(0, 130)],
    ["100k unclosed brackets", "a: " + "{a: ".repeat(100_000), at(0, 3 + 4 * 127)],
    ["100k compact block sequences", "- ".repeat(100_000) + "x", at(0, 256)],
  ])("refuses %s before yaml sees them, at the bracket past the refusal depth", (_name, text, start) => {
    const f = parseConfigText("file:///w/deep.yml", text);
    expect(f.root).toBeUndefined();
    expect(f.diagnostics.map((d) => [d.rule, d.range.start])).toEqual([["limit-exceeded", start]]);
    expect(f.diagnostics[0].message).toContain("maxNestingDepth = 64");
  });

  it("refuses deep block indentation, which costs yaml quadratic time", () => {
    const text = Array.from({ length: 600 }, (_, i) => `${" ".repeat(i)}k:`).join("\n") + " 1\n";
    const f = parseConfigText("file:///w/indent.yml", text);
    expect(f.root).toBeUndefined();
    expect(f.diagnostics.map((d) => [d.rule, d.range.start])).toEqual([["limit-exceeded", at(128, 128)]]);
  });

  it("keeps the first maxListLength items of a long sequence and says where it cut", () => {
    const text = "milestones:\n" + Array.from({ length: 100_001 }, (_, i) => `- ${i}`).join("\n") + "\n";
    const f = parseConfigText("file:///w/long.yml", text);
    const m = mapGet(f.root, "milestones");
    expect(isSeq(m) && [m.items.length, toPlain(m.items[99_999])]).toEqual([100_000, 99_999]);
    expect(f.diagnostics.map((d) => [d.rule, d.range])).toEqual([["limit-exceeded", { start: at(100_001, 2), end: at(100_001, 8) }]]);
    expect(f.diagnostics[0].message).toContain("100001 items; only the first 100000");
  });

  it("composes the deepest document it accepts (400 levels) without exhausting the stack", () => {
    const f = parseConfigText("file:///w/d.yml", "a: " + "[".repeat(398) + "]".repeat(398), { maxNestingDepth: 1000 });
    expect(f.diagnostics.map((d) => [d.rule, d.message.includes("maxNestingDepth = 1000")])).toEqual([]);
    expect(f.root?.kind).toBe("map");
    const deeper = parseConfigText("file:///w/d.yml", "a: " + "[".repeat(400) + "]".repeat(400), { maxNestingDepth: 1000 });
    expect(deeper.diagnostics.map((d) => [d.rule, d.range.start])).toEqual([["limit-exceeded", at(0, 3 + 399)]]);
  });

  it("honours limits passed by the caller", () => {
    const f = parseConfigText("file:///w/l.yml", "milestones: [1, 2, 3, 4]\nnest: [[[1]]]\n", { maxListLength: 2, maxNestingDepth: 3 });
    expect(toPlain(f.root)).toEqual({ milestones: [1, 2], nest: [[null]] });
    expect(f.diagnostics.map((d) => [d.rule, d.range])).toEqual([
      ["limit-exceeded", { start: at(0, 19), end: at(0, 20) }],
      ["limit-exceeded", { start: at(1, 8), end: at(1, 11) }],
    ]);
  });
});
