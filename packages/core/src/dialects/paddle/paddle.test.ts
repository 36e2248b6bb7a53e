import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../config/parse";
import { pyPow } from "../../numeric/pow";
import { build } from "../../schedulers";
import type { Schedule } from "../types";
import { extractText, fixturePath } from "../common/testing/harness";
import { paddleDialect } from "./index";

const fixture = (name: string) => readFileSync(fixturePath("paddle", name), "utf8");
const extractFixture = (name: string) => extractText(paddleDialect, fixture(name), { uri: `file://${fixturePath("paddle", name)}` });
const covered = (name: string, d: { span: { start: number; end: number } }) => fixture(name).slice(d.span.start, d.span.end);
const int = (value: number) => ({ type: "int", value });
const float = (value: number) => ({ type: "float", value });

function curveOf(s: Schedule, n: number): Float64Array {
  const built = build(s.spec!);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.program.curve(n).lr;
}

describe("paddle dialect: the seed article's DBNet example", () => {
  const { schedules } = extractFixture("dbnet.yml");
  const [s] = schedules;

  it("reads LinearWarmup with the wrapped MultiStepDecay under `scheduler`", () => {
    expect(schedules).toHaveLength(1);
    expect(s.path).toBe("lr_scheduler");
    expect(s.kind).toBe("LinearWarmup>MultiStepDecay");
    expect(s.stepping).toEqual({ per: "step", every: 1 });
    expect(s.spec).toEqual({
      name: "LinearWarmup",
      args: {
        start_lr: float(0),
        end_lr: float(0.007),
        warmup_steps: int(2000),
        learning_rate: { type: "scheduler", spec: { name: "MultiStepDecay", args: { learning_rate: float(0.007), milestones: { type: "list", items: [int(300), int(400)] }, gamma: float(0.1) } } },
      },
    });
    expect(s.argSources["learning_rate.learning_rate"]).toMatchObject({ key: "end_lr", transform: "identity" });
    expect(s.argSources["learning_rate.milestones"]).toMatchObject({ key: "milestones", transform: "identity" });
    expect(s.facts).toMatchObject({ impliedLearningRate: true, wrappedKey: "scheduler" });
  });

  it("says in an information note on the wrapped block's name that end_lr stands in for its learning_rate", () => {
    expect(s.diagnostics.map((d) => [d.rule, d.severity, covered("dbnet.yml", d)])).toEqual([["implicit-learning-rate", "information", "MultiStepDecay"]]);
    expect(s.diagnostics[0].message).toContain("end_lr (0.007)");
    expect(s.diagnostics[0].range).toEqual({ start: { line: 6, character: 10 }, end: { line: 6, character: 24 } });
  });

  it("gives Paddle's curve: ramp to 0.007 over 2000 steps, then drops 300 and 400 steps after the warmup", () => {
    const lr = curveOf(s, 3000);
    expect(lr[0]).toBe(0);
    expect(lr[1000]).toBe(0.0035);
    expect(lr[1999]).toBe((0.007 * 1999) / 2000);
    expect(lr[2000]).toBe(0.007);
    expect(lr[2299]).toBe(0.007);
    expect(lr[2300]).toBe(0.007 * 0.1);
    expect(lr[2400]).toBe(0.007 * pyPow(0.1, 2));
    expect(lr[2999]).toBe(lr[2400]);
  });
});

describe("paddle dialect: the seed article's other examples", () => {
  it("StepDecay(0.01, 1000, 0.9) multiplies by correctly rounded powers of 0.9", () => {
    const [s] = extractFixture("step-decay.yml").schedules;
    expect(s.path).toBe("scheduler");
    expect(s.spec).toEqual({ name: "StepDecay", args: { learning_rate: float(0.01), step_size: int(1000), gamma: float(0.9) } });
    const lr = curveOf(s, 10_001);
    expect(lr[999]).toBe(0.01);
    expect(lr[4000]).toBe(0.01 * 0.6561);
    expect(lr[10_000]).toBe(0.01 * pyPow(0.9, 10));
  });

  it("LinearWarmup(CosineAnnealingDecay(0.001, T_max=40), 5, 0.0, 0.001) ramps for 5 steps, then follows the cosine", () => {
    const [s] = extractFixture("warmup-cosine.yml").schedules;
    expect(s.path).toBe("lr");
    expect(s.kind).toBe("LinearWarmup>CosineAnnealingDecay");
    expect(s.diagnostics).toEqual([]);
    const lr = curveOf(s, 46);
    // Paddle's ramp: (end_lr - start_lr) * t / warmup_steps + start_lr (0.0006000000000000001 at t = 3).
    expect(Array.from(lr.slice(0, 5))).toEqual([0, 1, 2, 3, 4].map((t) => ((0.001 - 0.0) * t) / 5 + 0.0));
    expect(lr[5]).toBe(0.001);
    for (const t of [10, 25, 45]) expect(Math.abs(lr[t] - 0.0005 * (1 + Math.cos((Math.PI * (t - 5)) / 40)))).toBeLessThanOrEqual(1e-16);
  });

  it("LambdaDecay reads a qualified `type` and compiles the lambda text", () => {
    const [s] = extractFixture("lambda-decay.yml").schedules;
    expect(s.facts).toMatchObject({ nameKey: "type", qualifiedName: "paddle.optimizer.lr.LambdaDecay" });
    expect(s.spec?.name).toBe("LambdaDecay");
    const lr = curveOf(s, 50);
    for (const k of [0, 1, 7, 49]) expect(lr[k]).toBe(0.01 * pyPow(0.95, k));
  });
});

describe("paddle dialect: bad input and false alarms", () => {
  it("points an invalid lambda's error at the offending text inside the string", () => {
    const [s] = extractFixture("invalid-lambda.yml").schedules;
    expect(s.spec).toBeUndefined();
    expect(s.diagnostics.map((d) => [d.rule, d.severity])).toEqual([["invalid-lambda", "error"]]);
    expect(covered("invalid-lambda.yml", s.diagnostics[0])).toBe("__import__");
    expect(s.diagnostics[0].message).toContain("'__import__' is not allowed");
    expect(s.diagnostics[0].range.start.line).toBe(5);
  });

  it("warns about near-miss class and parameter names, and only notes unknown classes under an LR key", () => {
    const { schedules } = extractFixture("unknown-class.yml");
    expect(schedules.map((s) => s.path)).toEqual(["train.scheduler", "lr_scheduler", "decay[0]"]);
    const all = schedules.flatMap((s) => s.diagnostics.map((d) => [d.rule, d.severity, covered("unknown-class.yml", d)]));
    expect(all).toEqual([
      ["unknown-scheduler", "warning", "MultiStepDeacy"],
      ["unknown-scheduler", "information", "WarmupPolyLR"],
      ["unknown-parameter", "warning", "gama: 0.5"],
    ]);
    expect(schedules[0].diagnostics[0].message).toContain("Did you mean `MultiStepDecay`?");
    expect(schedules[2].spec).toEqual({ name: "StepDecay", args: { learning_rate: float(0.1), step_size: int(30) } });
    expect(schedules[2].facts.unknownKeys).toEqual(["gama"]);
  });

  it("reads arguments kept under `args`, and leaves another project's `{type, args}` registry entries alone", () => {
    const ours = extractText(paddleDialect, "lr_scheduler:\n  type: StepDecay\n  args:\n    learning_rate: 0.1\n    step_size: 30\n").schedules;
    expect(ours.map((s) => s.spec)).toEqual([{ name: "StepDecay", args: { learning_rate: float(0.1), step_size: int(30) } }]);
    const theirs = "lr_scheduler:\n  type: WarmupPolyLR\n  args:\n    warmup_epoch: 3\n";
    expect(paddleDialect.detect(parseConfigText("file:///x.yml", theirs), undefined)).toBe(0);
    expect(extractText(paddleDialect, theirs).schedules).toEqual([]);
  });

  it("finds nothing in another project's name/type mappings (models, losses, optimizers, datasets)", () => {
    const text = fixture("not-a-schedule.yml");
    expect(paddleDialect.detect(parseConfigText("file:///x.yml", text), undefined)).toBe(0);
    const r = extractFixture("not-a-schedule.yml");
    expect(r.schedules).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });

  it("reads a file that is itself one block, with the empty path", () => {
    const { schedules } = extractText(paddleDialect, "class: paddle.optimizer.lr.ExponentialDecay\nlearning_rate: 0.1\ngamma: 0.9\n");
    expect(schedules.map((s) => [s.path, s.kind, s.spec?.args["gamma"]])).toEqual([["", "ExponentialDecay", float(0.9)]]);
  });

  it("scores below every suite dialect so a suite's reading wins", () => {
    expect(paddleDialect.detect(parseConfigText("file:///x.yml", fixture("dbnet.yml")), undefined)).toBe(0.1);
    expect(paddleDialect.detect(parseConfigText("file:///x.yml", "lr_scheduler:\n  type: WarmupPolyLR\n  power: 0.9\n"), undefined)).toBe(0.05);
  });

  it("survives hostile shapes without throwing", () => {
    const texts = [
      "a:\n  name: LinearWarmup\n  learning_rate:\n    name: LinearWarmup\n    learning_rate: {name: LinearWarmup, learning_rate: {name: LinearWarmup, learning_rate: {name: LinearWarmup, learning_rate: {name: LinearWarmup, learning_rate: {name: LinearWarmup, learning_rate: {name: LinearWarmup, learning_rate: {name: LinearWarmup, learning_rate: {name: LinearWarmup, learning_rate: 0.1}}}}}}}}\n",
      "s:\n  name: LinearWarmup\n  scheduler: {type: nope}\n",
      "s:\n  name: LinearWarmup\n  scheduler: {lr: 3}\n  end_lr: 0.1\n",
      "- name: StepDecay\n  learning_rate: [1, 2]\n",
      "s: {name: CyclicLR, scale_fn: 'lambda x: ((((x'}\n",
      `s: {name: LambdaDecay, lr_lambda: "${"(".repeat(5000)}"}\n`,
    ];
    for (const text of texts) expect(() => extractText(paddleDialect, text)).not.toThrow();
  });
});
