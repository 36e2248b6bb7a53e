import { describe, expect, it } from "vitest";
import { closeTo } from "./testing/compare";
import { buildError, program, stepped } from "./testing/spec";

describe("NoamDecay", () => {
  it("starts at 0.0, peaks at warmup_steps and decays as 1/sqrt(t) (values CPython computes)", () => {
    const p = program("NoamDecay(d_model=512, warmup_steps=4000, learning_rate=1.0)");
    const got = [0, 1, 4000, 4001, 8000].map((t) => p.valueAt(t));
    expect(closeTo(got, [0.0, 1.746928107421711e-7, 0.0006987712429686843, 0.000698683912937353, 0.0004941058844013093])).toBeUndefined();
    expect(got[0]).toBe(0);
  });

  it("marks the peak and shows ten warmups by default", () => {
    const p = program("NoamDecay(d_model=512, warmup_steps=4000)");
    expect(p.markers(50_000)).toEqual([{ step: 4000, kind: "warmup-end", label: "peak at warmup_steps = 4000" }]);
    expect(p.naturalHorizon()).toEqual({ steps: 40_000, from: "10 × warmup_steps" });
  });

  it("keeps the peak when sampling a huge horizon", () => {
    const p = program("NoamDecay(d_model=64, warmup_steps=1000)");
    const s = p.sample(1e12, 256);
    expect(Math.max(...s.lr)).toBe(p.valueAt(1000));
  });

  it("rejects d_model <= 0 with Paddle's own typo", () => {
    expect(buildError("NoamDecay(d_model=0, warmup_steps=100)")).toMatchObject({ param: "d_model", message: "d_model should be grater than 0" });
  });

  it("fails in its first step for warmup_steps = 0 or negative, as Python does", () => {
    expect(buildError("NoamDecay(d_model=512, warmup_steps=0)")).toMatchObject({ param: "warmup_steps", errorType: "ZeroDivisionError", raisedBy: "python" });
    expect(buildError("NoamDecay(d_model=512, warmup_steps=-10)")).toMatchObject({ param: "warmup_steps", errorType: "TypeError" });
  });

  it("accepts a float warmup_steps", () => {
    expect(stepped("NoamDecay(d_model=256, warmup_steps=10.0, learning_rate=0.5)", 3)[0]).toBe(0);
  });
});
