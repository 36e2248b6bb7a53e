import { describe, expect, it } from "vitest";
import { closeTo } from "./testing/compare";
import { buildError, curve, program, stepped } from "./testing/spec";

describe("OneCycleLR", () => {
  it("rises to max_learning_rate at phase_pct·T − 1, anneals to end_learning_rate, and overshoots at t = T (values CPython computes)", () => {
    const p = program("OneCycleLR(max_learning_rate=1.0, total_steps=100)");
    expect(closeTo([0, 29, 30, 99, 100].map((t) => p.valueAt(t)), [0.040000000000000036, 1.0, 0.9994965836173303, 0.0001, 0.0006034163826697155])).toBeUndefined();
  });

  it("accepts epochs 0..total_steps: the curve ends with Paddle's ValueError at the next step", () => {
    const r = curve("OneCycleLR(max_learning_rate=1.0, total_steps=100)", 150);
    expect(r.lr.length).toBe(101);
    expect(r.error).toMatchObject({ errorType: "ValueError", message: "Tried to step 101 times. However the number of total steps is 100", atStep: 101, param: "total_steps" });
    const s = program("OneCycleLR(max_learning_rate=1.0, total_steps=100)").sample(1e12, 64);
    expect(s.steps[s.steps.length - 1]).toBe(100);
    expect(s.error?.atStep).toBe(101);
  });

  it("goes below end_learning_rate, even negative, at t = T with linear annealing", () => {
    expect(curve("OneCycleLR(max_learning_rate=0.1, total_steps=50, anneal_strategy='linear')", 51).lr[50]).toBeLessThan(0);
  });

  it("runs three phases, and its fast fill equals the stepped mirror bit for bit", () => {
    for (const call of [
      "OneCycleLR(max_learning_rate=0.1, total_steps=1000, three_phase=True)",
      "OneCycleLR(max_learning_rate=0.1, total_steps=1000, three_phase=True, anneal_strategy='linear')",
      "OneCycleLR(max_learning_rate=0.1, total_steps=7)",
      "OneCycleLR(max_learning_rate=0.1, total_steps=10, phase_pct=0.0)",
    ]) {
      const n = Number(/total_steps=(\d+)/.exec(call)?.[1]) + 1;
      expect(Array.from(curve(call, n).lr), call).toEqual(stepped(call, n));
    }
  });

  it("divides by zero where a phase has length zero, as Paddle does", () => {
    expect(buildError("OneCycleLR(max_learning_rate=0.1, total_steps=10, phase_pct=0.1)")).toMatchObject({ errorType: "ZeroDivisionError", param: "phase_pct", phase: "construct" });
    const r = curve("OneCycleLR(max_learning_rate=0.1, total_steps=10, phase_pct=1.0)", 20);
    expect(r.lr.length).toBe(10);
    expect(r.error).toMatchObject({ errorType: "ZeroDivisionError", atStep: 10 });
  });

  it("checks its arguments in Paddle's order (phase_pct must be a float literal)", () => {
    expect(buildError("OneCycleLR(max_learning_rate='0.1', total_steps=10.0)")).toMatchObject({ param: "max_learning_rate" });
    expect(buildError("OneCycleLR(max_learning_rate=0.1, total_steps=100, phase_pct=0)")).toMatchObject({ param: "phase_pct", errorType: "TypeError" });
    expect(buildError("OneCycleLR(max_learning_rate=0.1, total_steps=100, divide_factor=-5)")).toMatchObject({ param: "divide_factor", message: "Invalid learning rate: -0.02" });
  });

  it("marks the peak and the end, with total_steps + 1 as its horizon", () => {
    const p = program("OneCycleLR(max_learning_rate=0.1, total_steps=100)");
    expect(p.markers(101).map((m) => [m.step, m.kind])).toEqual([
      [29, "phase"],
      [100, "end"],
    ]);
    expect(p.naturalHorizon()).toEqual({ steps: 101, from: "total_steps" });
  });
});
