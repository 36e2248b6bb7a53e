import { describe, expect, it } from "vitest";
import { build } from "./index";
import { buildError, curve, program } from "./testing/spec";
import type { PyFunction } from "./types";

describe("LambdaDecay", () => {
  it("multiplies the initial LR by lr_lambda(t), calling it at t = 0 too", () => {
    const lr = curve("LambdaDecay(learning_rate=0.5, lr_lambda=lambda epoch: 0.95 ** epoch)", 3).lr;
    expect(Array.from(lr)).toEqual([0.5, 0.475, 0.45125]);
  });

  it("accepts an int factor", () => {
    expect(Array.from(curve("LambdaDecay(learning_rate=0.1, lr_lambda=lambda epoch: 1)", 2).lr)).toEqual([0.1, 0.1]);
  });

  it("requires a callable lr_lambda", () => {
    expect(buildError("LambdaDecay(learning_rate=0.1, lr_lambda=0.95)")).toMatchObject({
      param: "lr_lambda",
      message: "The type of 'lr_lambda' in 'LambdaDecay' must be 'function', but received <class 'float'>.",
    });
  });

  it("ends the curve where the function raises, with the function's Python error", () => {
    const fn: PyFunction = { text: "lambda epoch: 1 / (5 - epoch)", call: (e) => (e === 5 ? { error: "division by zero", errorType: "ZeroDivisionError" } : { value: 1 / (5 - e), isInt: false }) };
    const b = build({ name: "LambdaDecay", args: { learning_rate: { type: "float", value: 0.1 }, lr_lambda: { type: "fn", fn } } });
    if (!b.ok) throw new Error("unexpected");
    const r = b.program.curve(10);
    expect(r.lr.length).toBe(5);
    expect(r.error).toMatchObject({ param: "lr_lambda", errorType: "ZeroDivisionError", atStep: 5, raisedBy: "python" });
    expect(b.program.sample(1e9, 64).error?.atStep).toBe(5);
  });

  it("samples a user function over a huge horizon at evenly spaced points, with exact values", () => {
    const p = program("LambdaDecay(learning_rate=0.1, lr_lambda=lambda epoch: 0.5 ** (epoch // 10))");
    const s = p.sample(1e12, 64);
    expect(s.steps[0]).toBe(0);
    s.steps.forEach((t, j) => expect(s.lr[j]).toBe(p.valueAt(t)));
    expect(p.naturalHorizon()).toBeUndefined();
  });
});
