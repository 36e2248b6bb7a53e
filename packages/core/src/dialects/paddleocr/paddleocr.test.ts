import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../config/parse";
import { extractText, fixturePath } from "../common/testing/harness";
import { paddleocrDialect } from "./index";

const fixture = (name: string) => readFileSync(fixturePath("paddleocr", name), "utf8");
const extractFixture = (name: string, stepsPerEpoch?: number) => extractText(paddleocrDialect, fixture(name), { stepsPerEpoch, uri: `file://${fixturePath("paddleocr", name)}` });
const int = (value: number) => ({ type: "int", value });
const float = (value: number) => ({ type: "float", value });
/** The text a diagnostic's span covers in the fixture. */
const covered = (name: string, d: { span: { start: number; end: number } }) => fixture(name).slice(d.span.start, d.span.end);

describe("paddleocr dialect: detection", () => {
  it("recognises a PaddleOCR config from Global.epoch_num and Architecture, whatever its path", () => {
    const text = fixture("cosine-warmup.yml");
    expect(paddleocrDialect.detect(parseConfigText("file:///a/b.yml", text), undefined)).toBeGreaterThan(0.5);
    expect(paddleocrDialect.detect(parseConfigText("file:///x/configs/det/det.yml", text), undefined)).toBe(paddleocrDialect.detect(parseConfigText("file:///y.yml", text), undefined));
  });
  it("does not claim PaddleClas configs or plain YAML", () => {
    expect(paddleocrDialect.detect(parseConfigText("file:///a.yml", readFileSync(fixturePath("paddleclas", "cosine-warmup.yml"), "utf8")), undefined)).toBe(0);
    expect(paddleocrDialect.detect(parseConfigText("file:///a.yml", "a: 1\nname: x\n"), undefined)).toBe(0);
  });
});

describe("paddleocr dialect: schedules", () => {
  it("builds Cosine + warmup with T_max over all epochs and steps per epoch counted from the label file", () => {
    const { schedules, diagnostics } = extractFixture("cosine-warmup.yml");
    expect(diagnostics).toEqual([]);
    const [s] = schedules;
    expect(s.path).toBe("Optimizer.lr");
    expect(s.kind).toBe("Cosine+warmup");
    expect(s.stepsPerEpoch).toMatchObject({ value: 125, source: "dataset" });
    expect(s.stepsPerEpoch.detail).toContain("train_label.txt: 1,000 lines");
    expect(s.stepping).toEqual({ per: "iteration", every: 1 });
    expect(s.training).toMatchObject({ epochs: 100, key: "Global.epoch_num" });
    expect(s.spec).toEqual({
      name: "LinearWarmup",
      args: {
        learning_rate: { type: "scheduler", spec: { name: "CosineAnnealingDecay", args: { learning_rate: float(0.001), T_max: int(12500) } } },
        warmup_steps: int(250),
        start_lr: float(0),
        end_lr: float(0.001),
      },
    });
    expect(s.argSources["warmup_steps"]).toMatchObject({ key: "warmup_epoch", transform: "scaled", factor: 125 });
    expect(s.argSources["learning_rate.T_max"]).toMatchObject({ key: "Global.epoch_num", transform: "scaled", factor: 125 });
    expect(s.argSources["end_lr"]).toMatchObject({ key: "learning_rate", transform: "identity" });
    expect(s.facts).toMatchObject({ decayIncludesWarmup: true, warmupSteps: 250, stringsAreLiteralEvaluated: false });
    expect(s.diagnostics).toEqual([]);
  });

  it("prefers the steps-per-epoch comment and setting over the dataset", () => {
    const withSetting = extractFixture("cosine-warmup.yml", 10).schedules[0];
    expect(withSetting.stepsPerEpoch).toMatchObject({ value: 10, source: "setting" });
    const withComment = extractText(paddleocrDialect, `# lrlens: steps-per-epoch=7\n${fixture("cosine-warmup.yml")}`, { stepsPerEpoch: 10 }).schedules[0];
    expect(withComment.stepsPerEpoch).toMatchObject({ value: 7, source: "comment" });
    expect(withComment.spec?.args["warmup_steps"]).toEqual(int(14));
  });

  it("reads a section without name as a plain float the loop never steps", () => {
    const [s] = extractFixture("plain-const.yml", 100).schedules;
    expect(s.kind).toBe("Const (plain number)");
    expect(s.spec).toEqual({ name: "float", args: { learning_rate: float(0.001) } });
    expect(s.facts.plainNumber).toBe(true);
    expect(s.diagnostics).toEqual([]);
  });

  it("notes epochs and step_each_epoch written in the file as overwritten by the suite", () => {
    const [s] = extractFixture("overwritten-keys.yml", 100).schedules;
    expect(s.spec).toEqual({ name: "PolynomialDecay", args: { learning_rate: float(0.001), decay_steps: int(60000), end_lr: int(0), power: float(0.9) } });
    expect(s.diagnostics.map((d) => [d.rule, d.severity, covered("overwritten-keys.yml", d)])).toEqual([
      ["overwritten-key", "information", "epochs: 500"],
      ["overwritten-key", "information", "step_each_epoch: 1254"],
    ]);
    expect(s.diagnostics[1].message).toContain("number of batches of the train loader (100)");
    expect(s.facts.overwrittenKeys).toEqual(["epochs", "step_each_epoch"]);
  });

  it("rejects a string learning rate that reaches the optimizer and suggests PyYAML's float spelling", () => {
    const [s] = extractFixture("string-lr.yml", 100).schedules;
    expect(s.spec).toBeUndefined();
    expect(s.diagnostics).toHaveLength(1);
    const d = s.diagnostics[0];
    expect([d.rule, d.severity, covered("string-lr.yml", d)]).toEqual(["suite-rejects-config", "error", "learning_rate: 1e-4"]);
    expect(d.message).toContain("str '1e-4'");
    expect(d.message).toContain("`1.0e-4`");
    expect(d.range.start.line).toBe(10);
  });

  it("reports an unknown class as an error with a did-you-mean, since PaddleOCR fails at startup", () => {
    const [s] = extractFixture("unknown-name.yml", 100).schedules;
    expect(s.spec).toBeUndefined();
    expect(s.diagnostics.map((d) => [d.rule, d.severity, covered("unknown-name.yml", d)])).toEqual([["unknown-scheduler", "error", "Cosin"]]);
    expect(s.diagnostics[0].message).toContain("Did you mean `Cosine`?");
  });

  it("reports a missing required argument as Python's TypeError on the class name", () => {
    const [s] = extractFixture("missing-gamma.yml", 100).schedules;
    expect(s.spec).toBeUndefined();
    expect(s.diagnostics.map((d) => [d.rule, d.severity, covered("missing-gamma.yml", d)])).toEqual([["suite-rejects-config", "error", "name: Step"]]);
    expect(s.diagnostics[0].message).toContain("Step.__init__() missing 1 required positional argument: 'gamma'");
  });

  it("flags keys the class swallows: a warning when they would shape the curve, a note otherwise", () => {
    const [s] = extractFixture("ignored-key.yml", 100).schedules;
    expect(s.spec?.name).toBe("CosineAnnealingDecay");
    expect(s.diagnostics.map((d) => [d.rule, d.severity, covered("ignored-key.yml", d)])).toEqual([
      ["ignored-key", "warning", "eta_min: 0.00001"],
      ["ignored-key", "information", "foo: bar"],
    ]);
    expect(s.facts.ignoredKeys).toEqual(["eta_min", "foo"]);
  });

  it("infers steps per epoch from several label files with ratio_list, rounding like Python", () => {
    const [s] = extractFixture("piecewise-ratio.yml").schedules;
    expect(s.stepsPerEpoch).toMatchObject({ value: 18, source: "dataset" });
    expect(s.stepsPerEpoch.detail).toContain("device count unknown, 1 card assumed (Global.distributed is true)");
    expect(s.spec).toEqual({
      name: "LinearWarmup",
      args: {
        learning_rate: { type: "scheduler", spec: { name: "PiecewiseDecay", args: { boundaries: { type: "list", items: [int(54), int(90)] }, values: { type: "list", items: [float(0.001), float(0.0001), float(0.00001)] } } } },
        warmup_steps: int(18),
        start_lr: float(0),
        end_lr: float(0.001),
      },
    });
    expect(s.argSources["end_lr"]).toMatchObject({ key: "values", transform: "derived" });
  });

  it("leaves steps per epoch unknown when a label file is missing or a custom sampler batches", () => {
    const uri = `file://${fixturePath("paddleocr", "x.yml")}`;
    const missing = extractText(paddleocrDialect, fixture("cosine-warmup.yml").replace("train_label.txt", "nope.txt"), { uri }).schedules[0];
    expect(missing.stepsPerEpoch).toMatchObject({ value: undefined, source: "unknown" });
    // Built with the nominal 100 steps per epoch: T_max = 100 epochs × 100.
    expect(missing.spec?.args["learning_rate"]).toMatchObject({ spec: { args: { T_max: int(10000) } } });
    const sampler = `${fixture("cosine-warmup.yml")}  sampler:\n    name: MultiScaleSampler\n`;
    expect(extractText(paddleocrDialect, sampler, { uri }).schedules[0].stepsPerEpoch.source).toBe("unknown");
  });

  it("says nothing about configs without an Optimizer section", () => {
    const r = extractText(paddleocrDialect, "Global:\n  epoch_num: 3\nArchitecture:\n  model_type: det\n");
    expect(r.schedules).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });

  it("never throws on broken sections", () => {
    for (const text of [
      "Global: {epoch_num: 3}\nOptimizer: {lr: 3}\n",
      "Global: {epoch_num: 3}\nOptimizer: 5\n",
      "Global: {epoch_num: abc}\nOptimizer: {lr: {name: Cosine, learning_rate: 0.1}}\n",
      "Global: {}\nOptimizer: {lr: {name: Cosine, learning_rate: 0.1}}\n",
      "Global: {epoch_num: 3}\nOptimizer: {lr: {name: [1], learning_rate: 0.1}}\n",
      "Global: {epoch_num: 3}\nOptimizer: {lr: {name: Piecewise, decay_epochs: 3, values: [], warmup_epoch: 1}}\n",
      "Global: {epoch_num: 3}\nOptimizer: {lr: {name: MultiStepDecay, learning_rate: 0.1, milestones: [a, 2], gamma: 0.1}}\n",
      "Global: {epoch_num: 3}\nOptimizer: {lr: {name: Cosine, learning_rate: 0.1, warmup_epoch: x}}\n",
      "Global: {epoch_num: 3}\nOptimizer: {lr: {name: constructor, learning_rate: 0.1}}\n",
    ]) {
      const r = extractText(paddleocrDialect, text, { stepsPerEpoch: 10 });
      const all = [...r.diagnostics, ...r.schedules.flatMap((s) => s.diagnostics)];
      expect(all.filter((d) => d.severity === "error").length, text).toBeGreaterThan(0);
    }
  });
});
