/** Corpus sweep: every real config of the four suites parses and loads, and merged LR sections equal what the suites saw. */
import { readFileSync, statSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, expect, it } from "vitest";
import { describeShared, readSharedJson, sharedPath } from "../testing/shared";
import { yamlFiles } from "../testing/yaml-files";
import { mapGet, type Plain, toPlain } from "./access";
import { loadConfig } from "./load";
import type { Host, LoadedConfig } from "./types";

interface SuiteCase {
  repo: string;
  path: string;
  dialect: string;
  lr_section: Plain;
  epochs_or_iters: { key: string; value: number };
}

const REPO_FOLDER: Record<string, string> = {
  "PaddlePaddle/PaddleOCR": "PaddleOCR",
  "PaddlePaddle/PaddleClas": "PaddleClas",
  "PaddlePaddle/PaddleSeg": "PaddleSeg",
  "PaddlePaddle/PaddleDetection": "PaddleDetection",
};

const diskHost: Host = {
  readFile(uri) {
    const path = fileURLToPath(uri);
    return existsSync(path) && statSync(path).isFile() ? readFileSync(path, "utf8") : undefined;
  },
};

function loadCorpus(path: string): LoadedConfig {
  return loadConfig(pathToFileURL(path).href, readFileSync(path, "utf8"), diskHost);
}

/**
 * What PaddleDetection's constructors add to a tagged scheduler before suite-curves wrote `lr_section`
 * (`ppdet/optimizer/optimizer.py`): their defaults, and a scalar PiecewiseDecay gamma turned into
 * `[gamma / 10**i for each milestone]`. The YAML itself never contains these.
 */
const DETECTION_DEFAULTS: Record<string, Record<string, Plain>> = {
  PiecewiseDecay: { gamma: [0.1, 0.01], milestones: [8, 11], values: null, use_warmup: true },
  LinearWarmup: { steps: 500, start_factor: 1 / 3, epochs: null, epochs_first: true },
  CosineDecay: { max_epochs: 1000, use_warmup: true, min_lr_ratio: 0, last_plateau_epochs: 0 },
  ExpWarmup: { steps: 1000, epochs: null, power: 2 },
};

function asConstructed(plain: Plain): Plain {
  if (Array.isArray(plain)) return plain.map(asConstructed);
  if (plain === null || typeof plain !== "object") return plain;
  const keys = Object.keys(plain);
  if (keys.length === 1 && keys[0].startsWith("!") && DETECTION_DEFAULTS[keys[0].slice(1)]) {
    const name = keys[0].slice(1);
    const args = { ...DETECTION_DEFAULTS[name], ...(plain[keys[0]] as Record<string, Plain>) };
    if (name === "PiecewiseDecay" && !Array.isArray(args.gamma)) {
      const g = args.gamma as number;
      args.gamma = (args.milestones as number[]).map((_, i) => g / 10 ** i);
    }
    return { [keys[0]]: args };
  }
  return Object.fromEntries(keys.map((k) => [k, asConstructed(plain[k])]));
}

describeShared("the real corpus of the four suites", () => {
  const corpus = sharedPath("corpus");
  let files: string[] = [];
  let cases: SuiteCase[] = [];
  /** Every config loaded once (its own parse included), by absolute path. */
  const loaded = new Map<string, LoadedConfig>();
  beforeAll(() => {
    files = yamlFiles(corpus);
    cases = readSharedJson<{ cases: SuiteCase[] }>("reference/suite-curves.json.gz").cases;
    for (const path of files) loaded.set(path, loadCorpus(path));
  }, 300_000);

  it("parses every config without an error, as PyYAML loads every one of them", () => {
    expect(files.length).toBe(1760);
    const problems: string[] = [];
    for (const path of files) {
      const own = loaded.get(path)!.own;
      for (const d of own.diagnostics) if (d.severity === "error" || d.rule !== "duplicate-key") problems.push(`${relative(corpus, path)}: ${d.rule} ${d.message}`);
      if (own.root === undefined) problems.push(`${relative(corpus, path)}: no tree`);
    }
    // The only warning is PaddleOCR's `data_path: ''# ...` (a comment glued to a quoted scalar, which PyYAML accepts).
    expect(problems).toEqual(["PaddleOCR/benchmark/PaddleOCR_DBNet/config/SynthText.yaml: yaml-syntax Comments must be separated from other tokens by white space characters (PyYAML accepts this, stricter YAML tools do not)."]);
  });

  it("loads every config with its whole inheritance chain and no error", () => {
    const problems: string[] = [];
    for (const path of files) {
      const c = loaded.get(path)!;
      if (/^_(BASE|base)_:\s*\S/m.test(c.own.text) && c.files.size < 2) problems.push(`${relative(corpus, path)}: no base read`);
      for (const d of c.diagnostics) if (d.severity === "error" || ["missing-base", "circular-base", "invalid-base", "limit-exceeded"].includes(d.rule)) problems.push(`${relative(corpus, path)}: ${d.rule} ${d.message}`);
    }
    expect(problems).toEqual([]);
  });

  it("merges every PaddleSeg case's lr_scheduler into exactly the lr_section PaddleSeg saw", () => {
    const seg = cases.filter((c) => c.dialect === "PaddleSeg");
    expect(seg.length).toBeGreaterThan(10);
    for (const c of seg) {
      const config = loaded.get(join(corpus, REPO_FOLDER[c.repo], c.path))!;
      expect({ path: c.path, lr: toPlain(mapGet(config.root, "lr_scheduler")), length: toPlain(mapGet(config.root, c.epochs_or_iters.key)) }).toEqual({
        path: c.path,
        lr: c.lr_section,
        length: c.epochs_or_iters.value,
      });
    }
  });

  it("merges every PaddleDetection case's LearningRate into the lr_section PaddleDetection built", () => {
    const det = cases.filter((c) => c.dialect === "PaddleDetection");
    expect(det.length).toBeGreaterThan(20);
    for (const c of det) {
      const config = loaded.get(join(corpus, REPO_FOLDER[c.repo], c.path))!;
      expect({ path: c.path, lr: asConstructed(toPlain(mapGet(config.root, "LearningRate"))), epoch: toPlain(mapGet(config.root, "epoch")) }).toEqual({
        path: c.path,
        lr: c.lr_section,
        epoch: c.epochs_or_iters.value,
      });
    }
  });

  it("points merged values at the base file that wrote them (a 3-level PaddleDetection chain)", () => {
    const c = loaded.get(join(corpus, "PaddleDetection/configs/mot/bytetrack/bytetrack_yolox.yml"))!;
    expect(c.files.size).toBeGreaterThanOrEqual(8);
    const from = mapGet(c.root, "LearningRate")?.span.uri ?? "";
    expect(c.files.has(from)).toBe(true);
    expect(c.files.get(from)!.text).toContain("LearningRate:");
  });
});
