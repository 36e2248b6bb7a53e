import { describe, expect, it } from "vitest";
import { closeTo } from "./testing/compare";
import { buildError, curve, program } from "./testing/spec";

describe("PolynomialDecay", () => {
  it("decays linearly with power 1 and holds end_lr after decay_steps", () => {
    const lr = curve("PolynomialDecay(learning_rate=0.001, decay_steps=4, end_lr=0.0, power=1.0)", 7).lr;
    expect(Array.from(lr)).toEqual([0.001, 0.00075, 0.0005, 0.00025, 0, 0, 0]);
  });

  it("follows (1 − t/decay_steps)^power for other powers (values CPython computes)", () => {
    const p = program("PolynomialDecay(learning_rate=0.01, decay_steps=1000, end_lr=0.0, power=0.9)");
    expect(closeTo([0, 500, 1000, 1500].map((t) => p.valueAt(t)), [0.01, 0.005358867312681466, 0.0, 0.0])).toBeUndefined();
  });

  it("restarts each period with cycle=True, hitting end_lr exactly at multiples of decay_steps", () => {
    const lr = curve("PolynomialDecay(learning_rate=0.1, decay_steps=10, end_lr=0.001, power=1.0, cycle=True)", 22).lr;
    expect([lr[0], lr[9], lr[10], lr[11], lr[20], lr[21]]).toEqual([0.1, 0.0109, 0.001, 0.04555, 0.001, 0.030700000000000005]);
    const s = program("PolynomialDecay(learning_rate=0.1, decay_steps=10, end_lr=0.001, power=1.0, cycle=True)").sample(1e12, 64);
    expect(Math.min(...s.lr)).toBe(0.001);
  });

  it("asserts decay_steps is a positive int (10.0 fails, True passes) and power > 0", () => {
    expect(buildError("PolynomialDecay(learning_rate=0.1, decay_steps=10.0)")).toMatchObject({ param: "decay_steps", errorType: "AssertionError" });
    expect(curve("PolynomialDecay(learning_rate=0.1, decay_steps=True)", 2).lr[1]).toBe(0.0001);
    expect(buildError("PolynomialDecay(learning_rate=0.1, decay_steps=10, power=0.0)")).toMatchObject({ param: "power" });
  });

  it("fails in its first step for a non-numeric end_lr", () => {
    expect(buildError("PolynomialDecay(learning_rate=0.1, decay_steps=10, end_lr='0')")).toMatchObject({
      param: "end_lr",
      message: "unsupported operand type(s) for -: 'float' and 'str'",
    });
  });

  it("marks the end of the decay and each cycle restart", () => {
    expect(program("PolynomialDecay(learning_rate=0.1, decay_steps=20)").markers(100).map((m) => m.step)).toEqual([20]);
    expect(program("PolynomialDecay(learning_rate=0.1, decay_steps=20, cycle=True)").markers(70).map((m) => m.step)).toEqual([20, 40, 60]);
    expect(program("PolynomialDecay(learning_rate=0.1, decay_steps=20)").naturalHorizon()).toEqual({ steps: 21, from: "decay_steps" });
  });
});
