import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_CURVE_STEPS } from "./index";
import { program } from "./testing/spec";

/** Reference min/max over [0, n) by evaluating every step. */
function denseRange(p: ReturnType<typeof program>, n: number): [number, number] {
  const lr = p.curve(n).lr;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of lr) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [lo, hi];
}

const SCHEDULES = [
  "LinearWarmup(learning_rate=CosineAnnealingDecay(learning_rate=0.1, T_max=97), warmup_steps=13, start_lr=0.0, end_lr=0.1)",
  "OneCycleLR(max_learning_rate=0.1, total_steps=500, three_phase=True)",
  "CyclicLR(base_learning_rate=0.01, max_learning_rate=0.1, step_size_up=7, step_size_down=11, mode='triangular2')",
  "CyclicLR(base_learning_rate=0.001, max_learning_rate=0.006, step_size_up=200, mode='exp_range', exp_gamma=0.999)",
  "PolynomialDecay(learning_rate=0.1, decay_steps=37, end_lr=0.001, power=2.0, cycle=True)",
  "CosineAnnealingWarmRestarts(learning_rate=0.1, T_0=5, T_mult=2, eta_min=0.001)",
  "MultiStepDecay(learning_rate=0.1, milestones=[30, 60, 90], gamma=-0.5)",
  "NoamDecay(d_model=512, warmup_steps=40)",
  "PiecewiseDecay(boundaries=[50, 20, 300], values=[0.3, 0.1, 0.2, 0.05])",
  "LinearLR(learning_rate=0.5, total_steps=40)",
  "CosineAnnealingDecay(learning_rate=0.1, T_max=23)",
];

describe("Program", () => {
  it("has an O(1) valueAt for a recursive cosine inside LinearWarmup (stepped by epoch) but not for the bare recursive cosine", () => {
    const wrapped = program(SCHEDULES[0]);
    const bare = program("CosineAnnealingDecay(learning_rate=0.1, T_max=23)");
    expect(wrapped.hasClosedForm?.()).toBe(true);
    expect(bare.hasClosedForm?.()).toBe(false);
    // The closed form the wrapped chain runs agrees with its dense curve, step for step.
    const dense = wrapped.curve(200).lr;
    for (const k of [0, 12, 13, 50, 110, 199]) expect(wrapped.valueAt(k)).toBe(dense[k]);
  });

  it("samples keep the global minimum, maximum and both ends of the curve, for any horizon and point budget", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCHEDULES), fc.integer({ min: 2, max: 3000 }), fc.integer({ min: 4, max: 300 }), (call, requested, maxPoints) => {
        const p = program(call);
        const s = p.sample(requested, maxPoints);
        // OneCycleLR ends at total_steps + 1 values: the sample ends with the curve.
        const n = p.curve(requested).lr.length;
        const [lo, hi] = denseRange(p, n);
        expect(s.steps[0]).toBe(0);
        expect(s.steps[s.steps.length - 1]).toBe(n - 1);
        expect(Math.min(...s.lr)).toBe(lo);
        expect(Math.max(...s.lr)).toBe(hi);
        for (let j = 1; j < s.steps.length; j++) expect(s.steps[j]).toBeGreaterThan(s.steps[j - 1]);
        expect(s.steps.length).toBeLessThanOrEqual(Math.max(n <= maxPoints ? n : 0, 3 * maxPoints + 8));
        s.steps.forEach((t, j) => expect(s.lr[j]).toBe(p.valueAt(t)));
      }),
      { numRuns: 150 },
    );
  });

  it("samples a 1e12-step horizon of a closed form without an O(n) loop, ends included", () => {
    const p = program("LinearWarmup(learning_rate=CosineAnnealingDecay(learning_rate=0.1, T_max=999999999999), warmup_steps=1000, start_lr=0.0, end_lr=0.1)");
    const s = p.sample(1e12, 512);
    expect(s.exact).toBe(true);
    expect(s.steps[s.steps.length - 1]).toBe(1e12 - 1);
    expect(Array.from(s.steps)).toEqual(expect.arrayContaining([999, 1000]));
    expect(Math.max(...s.lr)).toBe(0.1);
  });

  it("fills a caller's buffer chunk by chunk with the same numbers as one curve", () => {
    const p = program("OneCycleLR(max_learning_rate=0.1, total_steps=1000)");
    const whole = p.curve(1001).lr;
    const buf = new Float64Array(64);
    for (let from = 0; from < 1001; from += 64) {
      const r = p.fill?.(buf, from);
      expect(r?.written).toBe(Math.min(64, 1001 - from));
      for (let k = 0; k < (r?.written ?? 0); k++) expect(buf[k]).toBe(whole[from + k]);
    }
    expect(p.fill?.(buf, 990)).toMatchObject({ written: 11, error: { atStep: 1001 } });
  });

  it("truncates an oversized dense curve and says so instead of allocating it", () => {
    const p = program("StepDecay(learning_rate=0.1, step_size=2)");
    const r = p.curve(1e12);
    expect(r.lr.length).toBe(MAX_CURVE_STEPS);
    expect(r.truncated?.steps).toBe(MAX_CURVE_STEPS);
  });

  it("treats a non-integer, negative or NaN horizon as its integer part or zero", () => {
    const p = program("StepDecay(learning_rate=0.1, step_size=2)");
    expect(p.curve(3.7).lr.length).toBe(3);
    expect(p.curve(-1).lr.length).toBe(0);
    expect(p.curve(NaN).lr.length).toBe(0);
    expect(p.sample(0, 10).steps.length).toBe(0);
  });

  it("returns markers only within the horizon, shifted for a resumed schedule", () => {
    const p = program("MultiStepDecay(learning_rate=0.1, milestones=[30, 60, 90], last_epoch=39)");
    expect(p.markers(100).map((m) => m.step)).toEqual([20, 50]);
    expect(p.naturalHorizon()).toEqual({ steps: 80, from: "last milestone + the gap before it" });
  });
});
