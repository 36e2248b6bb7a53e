/** Tests of inheritance loading: both suites' merge rules, provenance, and every bad-chain diagnostic with its range. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../testing/shared";
import { getPath, isMap, mapGet, toPlain } from "./access";
import { loadConfig } from "./load";
import { parseConfigText } from "./parse";
import { caretExpectations } from "./test-support/carets";
import { asCarets, mapHost } from "./test-support/hosts";
import type { Host } from "./types";

const INHERITANCE = join(REPO_ROOT, "fixtures", "config", "inheritance");

/** Reads `file:` URIs from disk, as the CLI does. */
const diskHost: Host = {
  readFile(uri) {
    const path = fileURLToPath(uri);
    return existsSync(path) && statSync(path).isFile() ? readFileSync(path, "utf8") : undefined;
  },
};

function load(rel: string, host: Host = diskHost) {
  const path = join(INHERITANCE, rel);
  const uri = pathToFileURL(path).href;
  const text = readFileSync(path, "utf8");
  return { uri, text, config: loadConfig(uri, text, host) };
}

const uriOf = (rel: string) => pathToFileURL(join(INHERITANCE, rel)).href;

describe("inheritance bad-input fixtures report exactly the annotated diagnostics", () => {
  it.each([
    "det/leaf-missing.yml",
    "det/cycle-a.yml",
    "det/leaf-not-mapping.yml",
    "det/leaf-string-base.yml",
    "det/leaf-bad-items.yml",
    "det/leaf-nested-missing.yml",
    "det/leaf-broken-base.yml",
    "seg/conflict.yml",
    "seg/leaf-missing.yml",
    "det/leaf-ok.yml",
    "det/diamond.yml",
    "seg/leaf.yml",
    "seg/leaf-string.yml",
  ])("%s", (rel) => {
    const { text, config } = load(rel);
    expect(asCarets(config.diagnostics)).toEqual(caretExpectations(text));
    for (const d of config.diagnostics) expect(d.uri).toBe(uriOf(rel));
  });
});

describe("PaddleDetection _BASE_", () => {
  it("merges bases in order, later bases and the leaf winning, mappings recursively, tagged objects whole", () => {
    const { config } = load("det/leaf-ok.yml");
    expect(toPlain(config.root)).toEqual({
      epoch: 36,
      use_gpu: true,
      LearningRate: {
        base_lr: 0.02,
        schedulers: [{ "!PiecewiseDecay": { gamma: 0.1, milestones: [16, 22] } }, { "!LinearWarmup": { start_factor: 0.1, steps: 500 } }],
      },
      Reader: { batch_size: 4, shuffle: false },
      Custom: { a: 5 },
      Plain: { "!Foo": { a: 5 } },
    });
    expect(isMap(config.root) && config.root.entries.map((e) => e.key)).toEqual(["epoch", "use_gpu", "LearningRate", "Reader", "Custom", "Plain"]);
  });

  it("keeps every merged node's span in the file it came from", () => {
    const { config } = load("det/leaf-ok.yml");
    expect(getPath(config.root, ["LearningRate", "base_lr"])?.span.uri).toBe(uriOf("det/leaf-ok.yml"));
    expect(getPath(config.root, ["LearningRate", "schedulers"])?.span.uri).toBe(uriOf("det/base-runtime.yml"));
    expect(getPath(config.root, ["epoch"])?.span.uri).toBe(uriOf("det/base-override.yml"));
    const base = config.files.get(uriOf("det/base-runtime.yml"))!;
    const warmup = getPath(config.root, ["LearningRate", "schedulers", 1])!;
    expect(base.text.slice(warmup.tagSpan!.start, warmup.tagSpan!.end)).toBe("!LinearWarmup");
  });

  it("lists every file of the chain once, leaf first, and never mutates the per-file trees", () => {
    const { uri, config } = load("det/leaf-ok.yml");
    expect([...config.files.keys()]).toEqual([uri, uriOf("det/base-runtime.yml"), uriOf("det/base-override.yml")]);
    expect(config.own).toBe(config.files.get(uri));
    for (const [u, f] of config.files) expect(toPlain(f.root)).toEqual(toPlain(parseConfigText(u, f.text).root));
  });

  it("merges a diamond's shared root twice, as workspace.py's post-order merge does", () => {
    const { config } = load("det/diamond.yml");
    expect(config.diagnostics).toEqual([]);
    expect(toPlain(config.root)).toEqual({ epoch: 99, root_only: 1, left_only: 1, right_only: 1, leaf_only: 1 });
    expect(config.files.size).toBe(4);
  });

  it("names the cycle and points into the file that closes it", () => {
    const { config } = load("det/cycle-a.yml");
    const d = config.diagnostics[0];
    expect(d.message).toContain("cycle-a.yml → cycle-b.yml → cycle-a.yml");
    expect(d.related?.map((r) => [r.uri, r.range])).toEqual([[uriOf("det/cycle-b.yml"), { start: { line: 1, character: 9 }, end: { line: 1, character: 24 } }]]);
    expect(toPlain(config.root)).toEqual({ epoch: 1 });
  });

  it("reports a problem deep in the chain on the leaf's item, with the base file's item as related information", () => {
    const { config } = load("det/leaf-nested-missing.yml");
    const d = config.diagnostics[0];
    expect(d.message).toContain("`./gone.yml` not found");
    expect(d.message).toContain("via ./mid-missing.yml");
    expect(d.related?.map((r) => [r.uri, r.range])).toEqual([[uriOf("det/mid-missing.yml"), { start: { line: 1, character: 9 }, end: { line: 1, character: 21 } }]]);
    expect(toPlain(config.root)).toEqual({ epoch: 6 });
  });

  it("still merges what a syntactically broken base holds, pointing at its error", () => {
    const { config } = load("det/leaf-broken-base.yml");
    expect(config.diagnostics[0].related?.map((r) => [r.uri, r.range.start.line])).toEqual([[uriOf("det/broken-base.yml"), 3]]);
    expect(toPlain(config.root)).toEqual({ epoch: 12, milestones: [8, 11], snapshot_epoch: 1, log_iter: 20 });
  });

  it("keeps a missing base's siblings and reads a single-string _BASE_ as the file it names", () => {
    expect(toPlain(mapGet(load("det/leaf-missing.yml").config.root, "LearningRate"))).toEqual(toPlain(mapGet(load("det/leaf-string-base.yml").config.root, "LearningRate")));
    expect(mapGet(load("det/leaf-string-base.yml").config.root, "epoch")?.span.uri).toBe(uriOf("det/leaf-string-base.yml"));
  });

  it("treats `_base_` inside a PaddleDetection chain as an ordinary key", () => {
    const host = mapHost({ "file:///w/b.yml": "_base_: x.yml\nepoch: 3\n" });
    const c = loadConfig("file:///w/a.yml", "_BASE_: [b.yml]\n", host);
    expect([toPlain(c.root), c.diagnostics]).toEqual([{ _base_: "x.yml", epoch: 3 }, []]);
  });

  it("resolves absolute base paths and refuses home-directory ones", () => {
    const host = mapHost({ "file:///etc/paddle/base.yml": "epoch: 3\n" });
    expect(toPlain(loadConfig("file:///w/a.yml", "_BASE_: [/etc/paddle/base.yml]\n", host).root)).toEqual({ epoch: 3 });
    const home = loadConfig("file:///w/a.yml", "_BASE_: ['~/base.yml']\n", host);
    expect(home.diagnostics.map((d) => [d.rule, d.severity])).toEqual([["missing-base", "warning"]]);
  });
});

describe("PaddleSeg _base_", () => {
  it("lets the leaf win, then the earlier base over the later one, and honours `_inherited_: false`", () => {
    const { config } = load("seg/leaf.yml");
    expect(toPlain(config.root)).toEqual({
      iters: 1000,
      batch_size: 4,
      lr_scheduler: { type: "PolynomialDecay", step_size: 10, learning_rate: 0.005, end_lr: 0, power: 0.9 },
      model: { type: "B" },
      loss: { types: ["x"], coef: [1] },
    });
    const lr = mapGet(config.root, "lr_scheduler");
    expect(isMap(lr) && lr.entries.map((e) => [e.key, e.value.span.uri])).toEqual([
      ["type", uriOf("seg/b1.yml")],
      ["step_size", uriOf("seg/b2.yml")],
      ["learning_rate", uriOf("seg/leaf.yml")],
      ["end_lr", uriOf("seg/b1.yml")],
      ["power", uriOf("seg/b1.yml")],
    ]);
  });

  it("accepts a single-string _base_", () => {
    expect(toPlain(load("seg/leaf-string.yml").config.root)).toEqual({ iters: 2000, batch_size: 8, lr_scheduler: { type: "StepDecay", step_size: 10, learning_rate: 0.5 } });
  });

  it("keeps `_inherited_: true` (config.py only removes a false one) and stops at a nested false one", () => {
    const host = mapHost({ "file:///w/b.yml": "m: {a: 1, n: {x: 1, y: 2}}\n" });
    const c = loadConfig("file:///w/a.yml", "_base_: b.yml\nm: {_inherited_: true, n: {_inherited_: 0, x: 5}}\n", host);
    expect(toPlain(c.root)).toEqual({ m: { a: 1, n: { x: 5 }, _inherited_: true } });
  });
});

describe("chain limits and trust", () => {
  const chain = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`file:///w/c${i + 1}.yml`, `_BASE_: ['./c${i + 2}.yml']\nlevel${i + 1}: 1\n`]));

  it("stops a chain deeper than maxInheritanceDepth with a limit-exceeded warning on the leaf's item", () => {
    const c = loadConfig("file:///w/c0.yml", "_BASE_: ['./c1.yml']\n", mapHost(chain(40)));
    expect(c.diagnostics.map((d) => [d.rule, d.severity, d.range])).toEqual([["limit-exceeded", "warning", { start: { line: 0, character: 9 }, end: { line: 0, character: 19 } }]]);
    expect(c.diagnostics[0].message).toContain("maxInheritanceDepth = 32");
    expect(mapGet(c.root, "level32")).toBeDefined();
    expect(mapGet(c.root, "level33")).toBeUndefined();
  });

  it("stops after maxInheritanceFiles inclusions, so an exponential diamond ladder returns at once", () => {
    // 20 levels of two files that both include both files of the next level: 2^20 paths.
    const files: Record<string, string> = { "file:///w/l20.yml": "epoch: 1\n", "file:///w/r20.yml": "epoch: 2\n" };
    for (let i = 0; i < 20; i++) files[`file:///w/l${i}.yml`] = `_BASE_: ['./l${i + 1}.yml', './r${i + 1}.yml']\n`;
    for (let i = 0; i < 20; i++) files[`file:///w/r${i}.yml`] = `_BASE_: ['./l${i + 1}.yml', './r${i + 1}.yml']\n`;
    const c = loadConfig("file:///w/l0.yml", files["file:///w/l0.yml"], mapHost(files));
    expect(c.diagnostics.map((d) => d.rule)).toEqual(["limit-exceeded"]);
    expect(c.diagnostics[0].message).toContain("maxInheritanceFiles = 64");
  });

  it("does not read a base the host refuses", () => {
    const host = mapHost({ "file:///outside/base.yml": "epoch: 3\n" }, (uri) => uri.startsWith("file:///w/"));
    const c = loadConfig("file:///w/a.yml", "_BASE_: ['../outside/base.yml']\nepoch: 1\n", host);
    expect(c.diagnostics.map((d) => [d.rule, d.severity, d.range])).toEqual([["base-outside-workspace", "warning", { start: { line: 0, character: 9 }, end: { line: 0, character: 30 } }]]);
    expect(toPlain(c.root)).toEqual({ epoch: 1 });
  });

  it("treats a base whose host read throws as missing instead of failing", () => {
    const host: Host = {
      readFile: () => {
        throw new Error("EACCES");
      },
    };
    const c = loadConfig("file:///w/a.yml", "_BASE_: ['./b.yml']\nepoch: 1\n", host);
    expect([c.diagnostics.map((d) => d.rule), toPlain(c.root)]).toEqual([["missing-base"], { epoch: 1 }]);
  });

  it("leaves a file without inheritance exactly as parsed", () => {
    const c = loadConfig("file:///w/a.yml", "epoch: 1\n", mapHost({}));
    expect([c.root, c.files.size, c.diagnostics]).toEqual([c.own.root, 1, []]);
  });

  it("reads a file with both keys as PaddleDetection and says so", () => {
    const c = loadConfig("file:///w/a.yml", "_BASE_: []\n_base_: b.yml\n", mapHost({}));
    expect(c.diagnostics.map((d) => [d.rule, d.severity, d.range.start])).toEqual([["invalid-base", "warning", { line: 1, character: 0 }]]);
    expect(toPlain(c.root)).toEqual({ _base_: "b.yml" });
  });
});
