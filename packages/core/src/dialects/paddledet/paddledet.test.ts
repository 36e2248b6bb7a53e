import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { build } from "../../schedulers";
import { LineIndex } from "../../text/line-index";
import { detectDialect } from "../index";
import type { Diagnostic } from "../../model/diagnostics";
import { paddledetDialect } from "./index";
import { chainOf, diskHost, fixture, formatChain, loadPath, loadText, run } from "./testing/suite";

function extract(name: string, stepsPerEpoch?: number) {
  const config = loadPath(fixture("paddledet", name));
  return { config, ...run(paddledetDialect, config, { stepsPerEpoch }) };
}

/** The 0-based range of the `nth` occurrence of `needle` in a fixture file. */
function rangeOf(name: string, needle: string, nth = 0) {
  const text = readFileSync(fixture("paddledet", name), "utf8");
  let at = -1;
  // Occurrences on comment lines (the fixtures' notes) do not count.
  for (let k = 0; k <= nth; k++) {
    do at = text.indexOf(needle, at + 1);
    while (at >= 0 && text.slice(text.lastIndexOf("\n", at) + 1, at).trimStart().startsWith("#"));
  }
  if (at < 0) throw new Error(`${needle} not in ${name}`);
  return new LineIndex(text).range(at, at + needle.length);
}

function curve(spec: Parameters<typeof build>[0], n: number): Float64Array {
  const b = build(spec);
  if (!b.ok) throw new Error(JSON.stringify(b.errors));
  return b.program.curve(n).lr;
}

function only(diags: Diagnostic[], rule: string): Diagnostic {
  const found = diags.filter((d) => d.rule === rule);
  expect(found.map((d) => d.message)).toHaveLength(1);
  return found[0];
}

describe("PaddleDetection dialect: merged chains", () => {
  it("reads a leaf that overrides only base_lr with the schedulers of its _BASE_ file", () => {
    const { schedules, errors, config } = extract("ppyoloe_cosine_36e.yml");
    expect(errors).toEqual([]);
    const s = schedules[0];
    expect(s.path).toBe("LearningRate");
    expect(s.kind).toBe("CosineDecay[max_epochs!=epoch]+LinearWarmup(epochs)");
    expect(s.argSources.base_lr.keySpan.uri).toBe(config.uri);
    expect(s.nameSpan?.uri).toBe(pathToFileURL(fixture("paddledet", "_base_/optimizer_cosine.yml")).href);
    expect(s.training).toMatchObject({ epochs: 36, key: "epoch" });
    expect(s.stepping).toEqual({ per: "iteration", every: 1 });
  });

  it("infers steps per epoch from the COCO annotations and TrainReader of the chain", () => {
    const s = extract("ppyoloe_cosine_36e.yml").schedules[0];
    // 5 of 7 images have a non-crowd box; batch 2 without drop_last: ceil(5 / 2) = 3.
    expect(s.stepsPerEpoch).toMatchObject({ value: 3, source: "dataset" });
    expect(s.stepsPerEpoch.detail).toContain("instances_train.json");
    expect(s.stepsPerEpoch.detail).toContain("1 device (assumed)");
    expect(s.facts.warmupSteps).toBe(3);
  });

  it("lets the explicit setting win over the dataset", () => {
    const s = extract("ppyoloe_cosine_36e.yml", 100).schedules[0];
    expect(s.stepsPerEpoch).toMatchObject({ value: 100, source: "setting" });
    expect(s.facts.warmupSteps).toBe(100);
  });

  it("notes in the base file that warmup epochs win over steps and that the cosine outlasts training", () => {
    const { all } = extract("ppyoloe_cosine_36e.yml", 100);
    const base = pathToFileURL(fixture("paddledet", "_base_/optimizer_cosine.yml")).href;
    const ignored = only(all, "ignored-key");
    expect(ignored).toMatchObject({ severity: "information", uri: base });
    expect(ignored.message).toContain("`steps: 500` is ignored: `epochs: 1` wins");
    expect(ignored.range).toEqual(rangeOf("_base_/optimizer_cosine.yml", "steps: 500"));
    const cosine = only(all, "cosine-max-epochs");
    expect(cosine.message).toContain("max_epochs: 43, not the training length epoch: 36");
    expect(cosine.range).toEqual(rangeOf("_base_/optimizer_cosine.yml", "max_epochs: 43"));
  });

  it("materialises the schedule as one PiecewiseDecay that ramps from 0 and follows the cosine after warmup", () => {
    const s = extract("ppyoloe_cosine_36e.yml", 100).schedules[0];
    expect(chainOf(s.spec!)).toBe("PiecewiseDecay");
    expect(formatChain(s.spec!)).toMatch(/^PiecewiseDecay\(boundaries=\[1, 2, 3, 4, 5, \.\.\., 4297, 4298, 4299\] \(4300 items\), values=\[0\.0, 2e-05, 4e-05, /);
    const lr = curve(s.spec!, 3600);
    // start_factor 0: base × (0·(1−α)+α) = 0.002 × i/100.
    expect(lr[0]).toBe(0);
    expect(lr[50]).toBe(0.002 * (0 * (1 - 0.5) + 0.5));
    expect(lr[100]).toBe(0.002);
    expect(lr[3599]).toBeLessThan(0.002 * 0.1);
    expect(lr[3599]).toBeGreaterThan(0);
  });
});

describe("PaddleDetection dialect: schedule forms", () => {
  it("passes over a milestone inside the warmup as Paddle's in-order scan does, and warns where", () => {
    const { schedules, all, errors } = extract("piecewise_unsorted.yml");
    expect(errors).toEqual([]);
    const s = schedules[0];
    expect(s.stepsPerEpoch).toMatchObject({ value: 100, source: "comment" });
    expect(s.facts.unsortedBoundaries).toBe(true);
    const w = only(all, "warmup-overlaps-milestone");
    expect(w.severity).toBe("warning");
    expect(w.message).toContain("ends after milestone iteration 800");
    expect(w.range).toEqual(rangeOf("piecewise_unsorted.yml", "milestones: [8, 11]"));
    const lr = curve(s.spec!, 1200);
    expect(lr[999]).toBe(0.01 * (0.1 * (1 - 999 / 1000) + 999 / 1000));
    // base_lr is never used after the warmup: the scan jumps straight to base × gamma[0].
    expect(lr[1000]).toBe(0.01 * 0.1);
    expect(lr[1099]).toBe(0.01 * 0.1);
    expect(lr[1100]).toBe(0.01 * 0.01);
  });

  it("builds plain mappings with `name` like tagged ones", () => {
    const s = extract("name_form.yml", 100).schedules[0];
    expect(s.kind).toBe("CosineDecay[max_epochs!=epoch]+LinearWarmup(steps)");
    expect(s.name).toBe("CosineDecay");
    expect(s.nameSpan && readFileSync(fixture("paddledet", "name_form.yml"), "utf8").slice(s.nameSpan.start, s.nameSpan.end)).toBe("CosineDecay");
    expect(formatChain(s.spec!)).toContain("(30000 items)");
  });

  it("holds min_lr over the last plateau epochs after an ExpWarmup of one epoch", () => {
    const s = extract("exp_warmup_plateau.yml", 100).schedules[0];
    expect(s.kind).toBe("CosineDecay[min_lr_ratio,last_plateau]+ExpWarmup(epochs)");
    const lr = curve(s.spec!, 2400);
    expect(lr[0]).toBe(0);
    expect(lr[10]).toBe(0.00075 * (10 / 100) ** 2);
    expect(lr[100]).toBe(0.00075);
    for (const i of [2000, 2200, 2399]) expect(lr[i]).toBe(0.00075 * 0.05);
    expect(lr[1999]).toBeGreaterThan(0.00075 * 0.05);
  });

  it("gives Paddle's own CosineAnnealingDecay for use_warmup: false, and says the warmup entry is ignored", () => {
    const { schedules, all } = extract("no_warmup_cosine.yml", 100);
    const s = schedules[0];
    expect(s.kind).toBe("CosineDecay[no warmup]+LinearWarmup(steps)");
    expect(formatChain(s.spec!)).toBe("CosineAnnealingDecay(learning_rate=0.0006, T_max=1500, eta_min=0.0)");
    expect(s.argSources.T_max).toMatchObject({ key: "max_epochs", transform: "scaled", factor: 100 });
    const note = only(all, "ignored-key");
    expect(note.range).toEqual(rangeOf("no_warmup_cosine.yml", "!LinearWarmup"));
  });

  it("uses epoch_iter as steps per epoch for ARSL, whatever the setting says", () => {
    const s = extract("arsl_epoch_iter.yml", 100).schedules[0];
    expect(s.stepsPerEpoch).toMatchObject({ value: 1000, source: "config" });
    // gamma as a number: [gamma / 10**i for each milestone].
    expect(formatChain(s.spec!)).toMatch(/, 999, 1000, 3000000\] \(1001 items\), values=.*, 0\.02, 0\.002\] \(1002 items\)\)$/);
  });

  it("counts a VOC list file's lines for steps per epoch, with TrainReader's drop_last default", () => {
    const s = extract("voc_list.yml").schedules[0];
    expect(s.stepsPerEpoch).toMatchObject({ value: 2, source: "dataset" });
    expect(s.stepsPerEpoch.detail).toContain("trainval.txt: 5 lines");
    expect(formatChain(s.spec!)).toBe("PiecewiseDecay(boundaries=[12, 16], values=[0.001, 0.0001, 1e-05])");
  });

  it("applies the registered default LearningRate to a training config that has none", () => {
    const { schedules, all, errors } = extract("default_learning_rate.yml", 100);
    expect(errors).toEqual([]);
    const s = schedules[0];
    expect(s.facts.defaultLearningRate).toBe(true);
    expect(s.kind).toBe("PiecewiseDecay(gamma)+LinearWarmup(steps)");
    expect(formatChain(s.spec!)).toMatch(/^PiecewiseDecay\(boundaries=\[1, 2, 3, 4, 5, \.\.\., 500, 800, 1100\] \(502 items\), values=\[0\.003333333333333333, 0\.0033466666666666666, /);
    expect(only(all, "default-learning-rate").range).toEqual(rangeOf("default_learning_rate.yml", "_BASE_"));
  });
});

describe("PaddleDetection dialect: what the suite rejects", () => {
  const cases: [string, string, string, string][] = [
    ["unknown_tag.yml", "unknown-scheduler", "!CosineDecy", "Did you mean `CosineDecay`?"],
    ["unknown_param.yml", "unknown-parameter", "step: 1000", "Did you mean `steps`?"],
    ["missing_warmup.yml", "suite-rejects-config", "schedulers", "IndexError"],
    ["fractional_warmup_epochs.yml", "suite-rejects-config", "epochs: 0.5", "cannot be interpreted as an integer"],
    ["values_with_warmup.yml", "suite-rejects-config", "values: [0.01, 0.001, 0.0001]", "cannot be combined with a warmup"],
    ["slim_overlay_no_epoch.yml", "suite-rejects-config", "pretrain_weights", "No `epoch`"],
    ["reid_no_epoch.yml", "suite-rejects-config", "_BASE_", "No `epoch`"],
  ];
  for (const [file, rule, where, says] of cases) {
    it(`${file}: one ${rule} error on \`${where}\``, () => {
      const { errors } = extract(file, 100);
      expect(errors).toHaveLength(1);
      expect(errors[0].rule).toBe(rule);
      expect(errors[0].message).toContain(says);
      expect(errors[0].range).toEqual(rangeOf(file, where));
    });
  }

  it("still draws the overlay's own schedule although the run would fail", () => {
    const s = extract("slim_overlay_no_epoch.yml", 100).schedules[0];
    expect(s.spec).toBeDefined();
    expect(s.training).toBeUndefined();
  });
});

describe("PaddleDetection dialect: base files and detection", () => {
  for (const base of ["_base_/reader.yml", "_base_/coco_detection.yml", "_base_/model.yml"]) {
    it(`${base} is recognised but yields no schedule and no diagnostic`, () => {
      const { schedules, all, config } = extract(base);
      expect(paddledetDialect.detect(config.own, config.root)).toBeGreaterThan(0);
      expect(schedules).toEqual([]);
      expect(all).toEqual([]);
    });
  }

  it("reads an optimizer base on its own without alarms", () => {
    const { schedules, errors } = extract("_base_/optimizer_cosine.yml", 100);
    expect(errors).toEqual([]);
    expect(schedules[0].training).toMatchObject({ epochs: 36 });
  });

  it("decides from content, not from the file's name or folder", () => {
    const text = readFileSync(fixture("paddledet", "piecewise_unsorted.yml"), "utf8");
    const a = run(paddledetDialect, loadText(text, "file:///elsewhere/any-name.yaml"), { host: diskHost() });
    const b = extract("piecewise_unsorted.yml");
    expect(a.schedules[0].kind).toBe(b.schedules[0].kind);
    expect(formatChain(a.schedules[0].spec!)).toBe(formatChain(b.schedules[0].spec!));
  });

  it("does not claim plain YAML or other suites' configs", () => {
    const plain = loadText("name: demo\nitems: [1, 2]\n", "file:///x/a.yml");
    expect(paddledetDialect.detect(plain.own, plain.root)).toBe(0);
    const seg = loadText("lr_scheduler: {type: PolynomialDecay, learning_rate: 0.01}\niters: 1000\n", "file:///x/b.yml");
    expect(paddledetDialect.detect(seg.own, seg.root)).toBe(0);
    // `architecture` and `epoch` alone are common elsewhere: no PaddleDetection default schedule for them.
    const other = loadText("architecture: resnet50\nepoch: 90\nLearningRate: 0.1\n", "file:///x/c.yml");
    expect(paddledetDialect.detect(other.own, other.root)).toBe(0);
  });
});

describe("PaddleDetection dialect: hostile input never throws", () => {
  const bodies = [
    "LearningRate: 0.01\nepoch: 12\narchitecture: X\n",
    "LearningRate: {base_lr: '1e-3', schedulers: [!CosineDecay {max_epochs: 10}, !LinearWarmup {}]}\nepoch: 12\n",
    "LearningRate: {base_lr: 0.1, schedulers: {a: 1}}\nepoch: 1\n",
    "LearningRate: {base_lr: 0.1, schedulers: []}\nepoch: 1\n",
    "LearningRate: {base_lr: 0.1, schedulers: [!LinearWarmup {}, !PiecewiseDecay {}]}\nepoch: 1\n",
    "LearningRate: {base_lr: 0.1, schedulers: [!PiecewiseDecay {milestones: '8,11'}, !LinearWarmup {}]}\nepoch: 1\n",
    "LearningRate: {base_lr: 0.1, schedulers: [!PiecewiseDecay {gamma: [0.1]}, !LinearWarmup {}]}\nepoch: 1\n",
    "LearningRate: {base_lr: 0.1, schedulers: [!CosineDecay {max_epochs: 1.5}, !ExpWarmup {power: -1}]}\nepoch: 1\n",
    "LearningRate: {base_lr: 0.1, schedulers: [!CosineDecay {use_warmup: false, last_plateau_epochs: 2, max_epochs: 0}]}\nepoch: 1\n",
    "LearningRate: {base_lr: 0.1, schedulers: [!CosineDecay [10, true], !LinearWarmup [5, 0.5]]}\nepoch: x\n",
    "LearningRate: {base_lr: 0.1, schedulers: [{max_epochs: 3}, 7, null]}\nepoch: 1\n",
    "LearningRate: {base_lr: 0.1, schedulers: [!CosineDecay, !LinearWarmup {steps: 1e9}]}\nepoch: 1\n",
    "LearningRate:\n  schedulers:\n  - !PiecewiseDecay\n    milestones: [\n",
  ];
  for (const body of bodies) {
    it(`reports instead of throwing for ${JSON.stringify(body.slice(0, 70))}`, () => {
      const config = loadText(body, "file:///x/hostile.yml");
      const out = run(paddledetDialect, config, { stepsPerEpoch: 10 });
      for (const s of out.schedules) if (s.spec) build(s.spec);
      expect(Array.isArray(out.all)).toBe(true);
    });
  }

  it("handles a 20,000-milestone list and a billion-step warmup lazily", () => {
    const milestones = Array.from({ length: 20_000 }, (_, i) => i + 1).join(", ");
    const gammas = Array.from({ length: 20_000 }, () => "0.5").join(", ");
    const config = loadText(`architecture: X\nepoch: 20000\nLearningRate:\n  base_lr: 0.1\n  schedulers:\n  - !PiecewiseDecay {milestones: [${milestones}], gamma: [${gammas}]}\n  - !LinearWarmup {epochs: 1000}\n`, "file:///x/huge.yml");
    const s = run(paddledetDialect, config, { stepsPerEpoch: 1_000_000 }).schedules[0];
    expect(s.facts.warmupSteps).toBe(1e9);
    const b = build(s.spec!);
    if (!b.ok) throw new Error(JSON.stringify(b.errors));
    expect(formatChain(s.spec!)).toContain("(1000020000 items)");
    const sampled = b.program.sample(1e11, 256);
    expect(sampled.lr[0]).toBe(0.1 * (1 / 3));
    expect(sampled.lr[sampled.lr.length - 1]).toBe(0.05);
    expect(b.program.valueAt(1e9 - 1)).toBeLessThan(0.1);
  });

  it("reports a gamma list shorter than the milestones as Paddle's PiecewiseDecay ValueError on values", () => {
    const config = loadText("architecture: X\nepoch: 12\nLearningRate: {base_lr: 0.1, schedulers: [!PiecewiseDecay {gamma: [0.1], milestones: [8, 11]}, !LinearWarmup {steps: 10}]}\n", "file:///x/short.yml");
    const s = run(paddledetDialect, config, { stepsPerEpoch: 10 }).schedules[0];
    const b = build(s.spec!);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.errors[0]).toMatchObject({ param: "values", errorType: "ValueError" });
    expect(s.argSources.values.key).toBe("gamma");
  });
});

describe("PaddleDetection dialect: every fixture", () => {
  const dir = fixture("paddledet", "");
  const files: string[] = [];
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(join(dir, rel)).isDirectory()) {
        if (name !== "data" && name !== "dataset") walk(rel);
      } else if (/\.ya?ml$/.test(name)) files.push(rel);
    }
  };
  walk("");

  it("is read by this dialect when the registry detects the dialect from content", () => {
    expect(files.length).toBeGreaterThan(8);
    for (const rel of files) {
      const config = loadPath(fixture("paddledet", rel));
      expect(detectDialect(config.own, config.root).dialect?.id, rel).toBe("paddledet");
    }
  });
});
