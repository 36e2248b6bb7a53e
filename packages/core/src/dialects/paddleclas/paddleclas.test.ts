import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../config/parse";
import { extractText, fixturePath } from "../common/testing/harness";
import { paddleclasDialect } from "./index";

const fixture = (name: string) => readFileSync(fixturePath("paddleclas", name), "utf8");
const extractFixture = (name: string, stepsPerEpoch?: number) => extractText(paddleclasDialect, fixture(name), { stepsPerEpoch, uri: `file://${fixturePath("paddleclas", name)}` });
const int = (value: number) => ({ type: "int", value });
const float = (value: number) => ({ type: "float", value });
const list = (...items: unknown[]) => ({ type: "list", items });
const covered = (name: string, d: { span: { start: number; end: number } }) => fixture(name).slice(d.span.start, d.span.end);

describe("paddleclas dialect: detection", () => {
  it("recognises PaddleClas configs from Global.epochs with Arch/DataLoader, and not PaddleOCR ones", () => {
    expect(paddleclasDialect.detect(parseConfigText("file:///z.yml", fixture("cosine-warmup.yml")), undefined)).toBeGreaterThan(0.5);
    expect(paddleclasDialect.detect(parseConfigText("file:///z.yml", readFileSync(fixturePath("paddleocr", "cosine-warmup.yml"), "utf8")), undefined)).toBe(0);
    expect(paddleclasDialect.detect(parseConfigText("file:///z.yml", "Global:\n  epochs: 3\n"), undefined)).toBe(0);
  });
});

describe("paddleclas dialect: schedules", () => {
  it("builds Cosine + warmup with T_max after the warmup, and steps per epoch from cls_label_path", () => {
    const { schedules, diagnostics } = extractFixture("cosine-warmup.yml");
    expect(diagnostics).toEqual([]);
    const [s] = schedules;
    expect(s.stepsPerEpoch).toMatchObject({ value: 21, source: "dataset" });
    expect(s.stepsPerEpoch.detail).toBe("train_list.txt: 1,281 lines ÷ batch_size 64 (1 card assumed) = 21");
    expect(s.kind).toBe("Cosine+warmup");
    expect(s.stepping).toEqual({ per: "iteration", every: 1 });
    expect(s.spec).toEqual({
      name: "LinearWarmup",
      args: {
        learning_rate: { type: "scheduler", spec: { name: "CosineAnnealingDecay", args: { learning_rate: float(0.1), T_max: int(168), eta_min: float(0) } } },
        warmup_steps: int(42),
        start_lr: float(0),
        end_lr: float(0.1),
      },
    });
    expect(s.argSources["warmup_steps"]).toMatchObject({ key: "warmup_epoch", transform: "scaled", factor: 21 });
    expect(s.argSources["learning_rate.T_max"]).toMatchObject({ key: "Global.epochs", transform: "derived" });
    expect(s.facts).toMatchObject({ stringsAreLiteralEvaluated: true, byEpoch: false, updateFreq: 1 });
    expect(s.diagnostics).toEqual([]);
  });

  it("counts steps per epoch like DistributedBatchSampler with drop_last, and gives up on samplers that batch differently", () => {
    const dropLast = fixture("cosine-warmup.yml").replace("drop_last: False", "drop_last: True");
    expect(extractText(paddleclasDialect, dropLast, { uri: `file://${fixturePath("paddleclas", "x.yml")}` }).schedules[0].stepsPerEpoch).toMatchObject({ value: 20, source: "dataset" });
    const pk = fixture("cosine-warmup.yml").replace("name: DistributedBatchSampler", "name: PKSampler");
    expect(extractText(paddleclasDialect, pk, { uri: `file://${fixturePath("paddleclas", "x.yml")}` }).schedules[0].stepsPerEpoch).toMatchObject({ value: undefined, source: "unknown" });
    const missing = fixture("cosine-warmup.yml").replace("train_list.txt", "nope.txt");
    const s = extractText(paddleclasDialect, missing, { uri: `file://${fixturePath("paddleclas", "x.yml")}` }).schedules[0];
    expect(s.stepsPerEpoch.source).toBe("unknown");
    // Unknown: built with the nominal 100 iterations per epoch, as the axis says.
    expect(s.spec?.args["warmup_steps"]).toEqual(int(200));
  });

  it("keeps lengths in epochs with by_epoch and steps once per epoch, whatever update_freq", () => {
    const [s] = extractFixture("by-epoch-update-freq.yml", 100).schedules;
    expect(s.kind).toBe("Cosine+warmup/by_epoch/update_freq=2");
    expect(s.stepping).toEqual({ per: "epoch", every: 1 });
    expect(s.stepsPerEpoch.value).toBe(100);
    expect(s.spec).toEqual({
      name: "LinearWarmup",
      args: {
        learning_rate: { type: "scheduler", spec: { name: "CosineAnnealingDecay", args: { learning_rate: float(0.002), T_max: int(295), eta_min: float(0.00001) } } },
        warmup_steps: int(5),
        start_lr: float(0.000001),
        end_lr: float(0.002),
      },
    });
  });

  it("steps every update_freq iterations and hands the builder iterations ÷ update_freq", () => {
    const text = fixture("cosine-warmup.yml").replace("  device: gpu", "  update_freq: 4");
    const [s] = extractText(paddleclasDialect, text, { stepsPerEpoch: 102 }).schedules;
    // 102 iterations are cut to 100 (a multiple of 4): the builder gets 25 steps per epoch.
    expect(s.stepsPerEpoch.value).toBe(100);
    expect(s.stepping).toEqual({ per: "iteration", every: 4 });
    expect(s.kind).toBe("Cosine+warmup/update_freq=4");
    expect(s.spec?.args["warmup_steps"]).toEqual(int(50));
  });

  it("ignores decay_epochs and values of a Piecewise with learning_rate and decays 10x every 30 epochs", () => {
    const [s] = extractFixture("piecewise-learning-rate.yml", 100).schedules;
    expect(s.spec).toEqual({
      name: "PiecewiseDecay",
      args: { boundaries: list(int(3000), int(6000), int(9000)), values: list(float(0.1), float(0.010000000000000002), float(0.0010000000000000002), float(0.00010000000000000003)) },
    });
    expect(s.diagnostics.map((d) => [d.rule, d.severity, covered("piecewise-learning-rate.yml", d)])).toEqual([
      ["ignored-key", "information", "decay_epochs: [30, 60, 90]"],
      ["ignored-key", "information", "values: [0.1, 0.01, 0.001, 0.0001]"],
    ]);
    expect(s.facts).toMatchObject({ piecewiseFromLearningRate: true, ignoredKeys: ["decay_epochs", "values"] });
  });

  it("reads '1e-3' as 0.001 (literal_eval) and notes the overwritten step_each_epoch", () => {
    const [s] = extractFixture("string-values.yml", 100).schedules;
    expect(s.spec).toEqual({ name: "MultiStepDecay", args: { learning_rate: float(0.001), milestones: list(int(500), int(800)), gamma: float(0.1) } });
    expect(s.argSources["learning_rate"]).toMatchObject({ key: "learning_rate", transform: "identity" });
    expect(s.facts.stringsAreLiteralEvaluated).toBe(true);
    expect(s.diagnostics.map((d) => [d.rule, covered("string-values.yml", d)])).toEqual([["overwritten-key", "step_each_epoch: 1"]]);
  });

  it("reads every entry of an Optimizer list as its own schedule, without literal_eval", () => {
    const { schedules } = extractFixture("optimizer-list.yml", 100);
    expect(schedules.map((s) => [s.path, s.kind, s.spec?.name])).toEqual([
      ["Optimizer[0].Adam.lr", "Piecewise+warmup/by_epoch", "LinearWarmup"],
      ["Optimizer[1].SGD.lr", "ConstLR", "Constant"],
    ]);
    expect(schedules[0].spec).toEqual({
      name: "LinearWarmup",
      args: {
        learning_rate: { type: "scheduler", spec: { name: "PiecewiseDecay", args: { boundaries: list(int(30), int(60)), values: list(float(0.00035), float(0.000035), float(0.0000035)), last_epoch: int(0) } } },
        warmup_steps: int(10),
        start_lr: float(0.0000035),
        end_lr: float(0.00035),
        last_epoch: int(0),
      },
    });
    expect(schedules[0].stepping).toEqual({ per: "epoch", every: 1 });
    expect(schedules[1].spec).toEqual({ name: "Constant", args: { learning_rate: float(1000) } });
    expect(schedules[1].facts).toMatchObject({ optimizerIndex: 1, optimizerName: "SGD", scope: "'CenterLoss'", stringsAreLiteralEvaluated: false });
  });

  it("clamps a warmup longer than training, with a warning, and falls back to the suite's Constant", () => {
    const [s] = extractFixture("warmup-clamped.yml", 100).schedules;
    expect(s.spec).toEqual({ name: "LinearWarmup", args: { learning_rate: { type: "scheduler", spec: { name: "Constant", args: { learning_rate: float(0.01) } } }, warmup_steps: int(500), start_lr: float(0), end_lr: float(0.01) } });
    expect(s.diagnostics.map((d) => [d.rule, d.severity, covered("warmup-clamped.yml", d)])).toEqual([["warmup-clamped", "warning", "warmup_epoch: 8"]]);
    expect(s.facts.warmupClampedToEpochs).toEqual({ from: int(8), to: int(5) });
  });

  it("rejects an lr section without name: the loop would call step() on a float", () => {
    const [s] = extractFixture("no-name.yml", 100).schedules;
    expect(s.diagnostics.map((d) => [d.rule, d.severity, covered("no-name.yml", d)])).toEqual([["suite-rejects-config", "error", "learning_rate: 0.01"]]);
  });

  it("draws a metric-driven ReduceOnPlateau as its starting LR and says why", () => {
    const [s] = extractFixture("reduce-on-plateau.yml", 100).schedules;
    expect(s.spec?.name).toBe("ReduceOnPlateau");
    expect(s.stepping.per).toBe("epoch");
    expect(s.facts.noDeterministicCurve).toBe(true);
    expect(s.diagnostics.map((d) => [d.rule, d.severity, covered("reduce-on-plateau.yml", d)])).toEqual([["metric-driven-schedule", "information", "ReduceOnPlateau"]]);
  });

  it("reports an unknown class as an error with a did-you-mean", () => {
    const [s] = extractFixture("unknown-name.yml", 100).schedules;
    expect(s.diagnostics.map((d) => [d.rule, d.severity, covered("unknown-name.yml", d)])).toEqual([["unknown-scheduler", "error", "Cosinee"]]);
    expect(s.diagnostics[0].message).toContain("Did you mean `Cosine`?");
  });

  it("takes Global.iter_per_epoch as the suite's own steps per epoch, over the setting", () => {
    const [s] = extractFixture("fixmatch.yml", 100).schedules;
    expect(s.stepsPerEpoch).toMatchObject({ value: 16, source: "config", detail: "Global.iter_per_epoch" });
    expect(s.spec?.name).toBe("LambdaDecay");
    const fn = s.spec?.args["lr_lambda"];
    if (fn?.type !== "fn") throw new Error("lr_lambda is not a function");
    // CosineFixmatch over 8 × 16 = 128 steps without warmup: cos(π · 7/16 · k / 128).
    for (const k of [0, 1, 64, 127]) expect(fn.fn.call(k)).toEqual({ value: Math.max(0, Math.cos(Math.PI * 0.4375 * (k / 128))), isInt: false });
  });

  it("never throws on broken sections and reports what the suite would reject", () => {
    for (const text of [
      "Global: {epochs: 3}\nArch: {}\nOptimizer: {name: SGD, lr: 3}\n",
      "Global: {epochs: 3}\nArch: {}\nOptimizer: 5\n",
      "Global: {}\nArch: {}\nOptimizer: {name: SGD, lr: {name: Cosine, learning_rate: 0.1}}\n",
      "Global: {epochs: x}\nArch: {}\nOptimizer: {name: SGD, lr: {name: Cosine, learning_rate: 0.1, warmup_epoch: 1}}\n",
      "Global: {epochs: 3}\nArch: {}\nOptimizer: [{SGD: {lr: {name: Cosine, learning_rate: 0.1}}}]\n",
      "Global: {epochs: 3}\nArch: {}\nOptimizer: [3]\n",
      "Global: {epochs: 3}\nArch: {}\nOptimizer: {name: SGD, lr: {name: Cyclic, base_learning_rate: 0.1}}\n",
      "Global: {epochs: 3}\nArch: {}\nOptimizer: {name: SGD, lr: {name: OneCycleLR, max_learning_rate: 0.1, bogus: 1}}\n",
      "Global: {epochs: 3}\nArch: {}\nOptimizer: {name: SGD, lr: {name: Piecewise, decay_epochs: [1], values: []}}\n",
      "Global: {epochs: 3, update_freq: 0}\nArch: {}\nOptimizer: {name: SGD, lr: {name: Cosine, learning_rate: 0.1}}\n",
      "Global: {epochs: 3}\nArch: {}\nOptimizer: {name: SGD, lr: {name: ReduceOnPlateau, learning_rate: 0.1}}\n",
    ]) {
      const r = extractText(paddleclasDialect, text, { stepsPerEpoch: 10 });
      const all = [...r.diagnostics, ...r.schedules.flatMap((s) => s.diagnostics)];
      expect(all.filter((d) => d.severity === "error").length, text).toBeGreaterThan(0);
    }
  });
});
