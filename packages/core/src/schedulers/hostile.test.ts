import { describe, expect, it } from "vitest";
import { build, construct } from "./index";
import { py } from "./testing/spec";
import type { PyValue, SchedulerSpec } from "./types";

/** Runs every entry point of a spec; none may throw, and each must return promptly. */
function exercise(spec: SchedulerSpec): void {
  const b = build(spec);
  construct(spec);
  if (!b.ok) {
    expect(b.errors.length).toBeGreaterThan(0);
    return;
  }
  const p = b.program;
  p.curve(1000);
  p.sample(1e12, 256);
  p.sample(1e15, 64);
  p.valueAt(1e12);
  p.markers(1e12);
  p.naturalHorizon();
}

const BIG_INT: PyValue = { type: "int", value: 2 ** 70, big: "1180591620717411303424" };

describe("hostile and degenerate inputs", () => {
  it("never throw and stay fast for extreme numbers in every argument of every class", () => {
    const values: PyValue[] = [
      { type: "float", value: NaN },
      { type: "float", value: Infinity },
      { type: "float", value: -Infinity },
      { type: "float", value: -0 },
      { type: "float", value: 1e308 },
      { type: "float", value: 5e-324 },
      { type: "int", value: 0 },
      { type: "int", value: 1e15 },
      BIG_INT,
      { type: "str", value: "<script>" },
      { type: "none" },
      { type: "list", items: [] },
      { type: "dict", entries: [] },
    ];
    const bases = [
      "NoamDecay(d_model=512, warmup_steps=4000)",
      "PiecewiseDecay(boundaries=[100, 200], values=[1.0, 0.5, 0.1])",
      "NaturalExpDecay(learning_rate=0.5, gamma=0.1)",
      "InverseTimeDecay(learning_rate=0.5, gamma=0.1)",
      "PolynomialDecay(learning_rate=0.5, decay_steps=20, cycle=True)",
      "LinearWarmup(learning_rate=CosineAnnealingDecay(learning_rate=0.1, T_max=10), warmup_steps=5, start_lr=0.0, end_lr=0.1)",
      "ExponentialDecay(learning_rate=0.5, gamma=0.9)",
      "MultiStepDecay(learning_rate=0.5, milestones=[2, 4, 6], gamma=0.8)",
      "StepDecay(learning_rate=0.5, step_size=5, gamma=0.8)",
      "LambdaDecay(learning_rate=0.5, lr_lambda=lambda epoch: 0.95 ** epoch)",
      "ReduceOnPlateau(learning_rate=1.0, factor=0.5, patience=5)",
      "CosineAnnealingDecay(learning_rate=0.5, T_max=10)",
      "MultiplicativeDecay(learning_rate=0.5, lr_lambda=lambda epoch: 0.95)",
      "OneCycleLR(max_learning_rate=1.0, total_steps=100)",
      "CyclicLR(base_learning_rate=0.5, max_learning_rate=1.0, step_size_up=15, step_size_down=5)",
      "LinearLR(learning_rate=0.5, total_steps=5)",
      "CosineAnnealingWarmRestarts(learning_rate=0.5, T_0=1, T_mult=2)",
    ];
    const started = performance.now();
    for (const call of bases) {
      const spec = py(call);
      for (const name of Object.keys(spec.args)) {
        if (spec.args[name].type === "fn") continue;
        for (const v of values) exercise({ name: spec.name, args: { ...spec.args, [name]: v } });
      }
      for (const v of values) exercise({ name: spec.name, args: { ...spec.args, last_epoch: v } });
    }
    // Every class, every argument, every extreme value: a few seconds at most in total.
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it("validates 100,000 milestones and samples them quickly", () => {
    const items: PyValue[] = Array.from({ length: 100_000 }, (_, k) => ({ type: "int", value: (k + 1) * 10 }));
    const spec: SchedulerSpec = { name: "MultiStepDecay", args: { learning_rate: { type: "float", value: 0.1 }, milestones: { type: "list", items }, gamma: { type: "float", value: 0.9999 } } };
    const b = build(spec);
    expect(b.ok).toBe(true);
    if (!b.ok) return;
    const s = b.program.sample(2_000_000, 512);
    expect(s.steps.length).toBeLessThanOrEqual(2048);
    expect(b.program.markers(2_000_000).length).toBe(200);
  });

  it("treats a non-numeric epoch or a NaN step count as Python would or as empty", () => {
    const c = construct(py("StepDecay(learning_rate=0.1, step_size=2)"));
    if (!c.ok) throw new Error("unexpected");
    expect(c.scheduler.step(NaN)).toBeUndefined();
    expect(() => c.scheduler.stepMetrics(1)).not.toThrow();
    expect(c.scheduler.setStateDict({ last_epoch: "x", last_lr: 0.1 })).toMatchObject({ errorType: "TypeError" });
  });
});
