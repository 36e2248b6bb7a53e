import { describe, expect, it } from "vitest";
import { closeTo } from "./testing/compare";
import { buildError, curve, live, program, stepped } from "./testing/spec";

const DBNET = "LinearWarmup(learning_rate=MultiStepDecay(learning_rate=0.007, milestones=[300, 400], gamma=0.1), warmup_steps=2000, start_lr=0.0, end_lr=0.007)";

describe("LinearWarmup", () => {
  it("ramps as (end − start)·t/W + start and never outputs end_lr itself", () => {
    const lr = curve("LinearWarmup(learning_rate=0.007, warmup_steps=2000, start_lr=0.0, end_lr=0.007)", 2001).lr;
    expect([lr[0], lr[1], lr[1999], lr[2000]]).toEqual([0, 3.5e-6, 0.0069965, 0.007]);
  });

  it("hands over to the inner schedule at its own epoch 0: the seed's DBNet milestones fire 300 steps after warmup", () => {
    const p = program(DBNET);
    expect([p.valueAt(2299), p.valueAt(2300), p.valueAt(2400)]).toEqual([0.007, 0.0007000000000000001, 7.000000000000002e-5]);
    expect(p.markers(3000).map((m) => [m.step, m.kind])).toEqual([
      [2000, "warmup-end"],
      [2300, "milestone"],
      [2400, "milestone"],
    ]);
    expect(p.naturalHorizon()).toEqual({ steps: 2500, from: "warmup_steps + last milestone + the gap before it" });
  });

  it("drives a wrapped cosine through its closed form, and the curve equals Paddle's step() loop", () => {
    const call = "LinearWarmup(learning_rate=CosineAnnealingDecay(learning_rate=0.1, T_max=1000), warmup_steps=50, start_lr=0.0, end_lr=0.1)";
    expect(Array.from(curve(call, 1100).lr)).toEqual(stepped(call, 1100));
    const p = program(call);
    const want = [0, 50, 550, 1050].map((t) => (t < 50 ? (0.1 * t) / 50 : (0.1 * (1 + Math.cos((Math.PI * (t - 50)) / 1000))) / 2));
    expect(closeTo([0, 50, 550, 1050].map((t) => p.valueAt(t)), want)).toBeUndefined();
  });

  it("returns a plain-number LR unchanged after warmup, even a negative one", () => {
    expect(Array.from(curve("LinearWarmup(learning_rate=-0.1, warmup_steps=2, start_lr=0.0, end_lr=0.1)", 4).lr)).toEqual([0, 0.05, -0.1, -0.1]);
  });

  it("nests: a LinearWarmup inside a LinearWarmup, with nested state dicts", () => {
    const call = "LinearWarmup(learning_rate=LinearWarmup(learning_rate=CosineAnnealingDecay(learning_rate=0.1, T_max=20), warmup_steps=4, start_lr=0.05, end_lr=0.1), warmup_steps=3, start_lr=0.0, end_lr=0.05)";
    expect(Array.from(curve(call, 8).lr)).toEqual([0, 0.016666666666666666, 0.03333333333333333, 0.05, 0.0625, 0.07500000000000001, 0.08750000000000001, 0.1]);
    const s = live(call);
    for (let k = 0; k < 35; k++) s.step();
    expect(s.stateDict()).toMatchObject({ last_epoch: 35, LinearWarmup_LR: { last_epoch: 32, LinearWarmup_LR: { last_epoch: 28 } } });
  });

  it("replays recursive inner schedules step by step (LinearLR, MultiplicativeDecay, ReduceOnPlateau)", () => {
    for (const inner of ["LinearLR(learning_rate=0.1, total_steps=10)", "MultiplicativeDecay(learning_rate=0.1, lr_lambda=lambda epoch: 0.95)", "ReduceOnPlateau(learning_rate=0.1, factor=0.5, patience=2)"]) {
      const call = `LinearWarmup(learning_rate=${inner}, warmup_steps=5, start_lr=0.0, end_lr=0.1)`;
      expect(Array.from(curve(call, 40).lr)).toEqual(stepped(call, 40));
    }
  });

  it("ends the curve where the inner schedule raises, reporting the error under learning_rate", () => {
    const r = curve("LinearWarmup(learning_rate=OneCycleLR(max_learning_rate=0.1, total_steps=20), warmup_steps=5, start_lr=0.0, end_lr=0.1)", 40);
    expect(r.lr.length).toBe(26);
    expect(r.error).toMatchObject({ param: "total_steps", path: ["learning_rate"], atStep: 26, message: "Tried to step 21 times. However the number of total steps is 20" });
  });

  it("checks warmup_steps, end_lr > start_lr and start_lr ≥ 0 in Paddle's order", () => {
    expect(buildError("LinearWarmup(learning_rate=0.1, warmup_steps=0, start_lr=0.0, end_lr=0.1)")).toMatchObject({ param: "warmup_steps" });
    expect(buildError("LinearWarmup(learning_rate=0.1, warmup_steps=5.0, start_lr=0.0, end_lr=0.1)")).toMatchObject({ param: "warmup_steps" });
    expect(buildError("LinearWarmup(learning_rate=0.1, warmup_steps=5, start_lr=0.1, end_lr=0.1)")).toMatchObject({ param: "end_lr", message: "end_lr 0.1 must be greater than start_lr 0.1" });
    expect(buildError("LinearWarmup(learning_rate=0.1, warmup_steps=5, start_lr=-0.1, end_lr=0.1)")).toMatchObject({ param: "start_lr", message: "Invalid learning rate: -0.1" });
    expect(buildError("LinearWarmup(learning_rate='0.1', warmup_steps=5, start_lr=0.0, end_lr=0.1)")).toMatchObject({
      message: "the type of learning_rate should be [int, float or LRScheduler], the current type is 0.1",
    });
  });

  it("reports an invalid inner scheduler with its path, and the outer's own error after it", () => {
    const b = buildError("LinearWarmup(learning_rate=StepDecay(learning_rate=0.1, step_size=0), warmup_steps=5, start_lr=0.0, end_lr=0.1)");
    expect(b).toMatchObject({ param: "step_size", path: ["learning_rate"] });
  });
});
