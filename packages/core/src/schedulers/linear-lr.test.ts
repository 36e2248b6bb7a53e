import { describe, expect, it } from "vitest";
import { buildError, curve, live, program, stepped } from "./testing/spec";

describe("LinearLR", () => {
  it("applies Paddle's multiplicative recursion: LinearLR(0.5, 5) ends at 0.5000000000000001 and freezes", () => {
    expect(stepped("LinearLR(learning_rate=0.5, total_steps=5)", 8)).toEqual([
      0.16666666666666666, 0.23333333333333334, 0.30000000000000004, 0.36666666666666675, 0.43333333333333346, 0.5000000000000001, 0.5000000000000001, 0.5000000000000001,
    ]);
  });

  it("gives the same curve from the program as from step()", () => {
    const call = "LinearLR(learning_rate=0.01, total_steps=50000, start_factor=0.001)";
    expect(Array.from(curve(call, 60_000).lr)).toEqual(stepped(call, 60_000));
  });

  it("samples a huge horizon exactly: the recursion is replayed to total_steps, then frozen", () => {
    const p = program("LinearLR(learning_rate=0.1, total_steps=1000)");
    const s = p.sample(1e12, 128);
    expect(s.exact).toBe(true);
    expect(s.truncated).toBeUndefined();
    expect(s.lr[s.lr.length - 1]).toBe(0.10000000000000006);
    expect(p.valueAt(1e12)).toBe(0.10000000000000006);
  });

  it("multiplies the previous LR by the factor of any epoch given to step(epoch)", () => {
    const s = live("LinearLR(learning_rate=0.5, total_steps=10)");
    s.step(1);
    s.step(5);
    expect(s.lastLr).toBe(0.2222222222222222);
  });

  it("accepts a float total_steps and checks the factors' ranges", () => {
    expect(curve("LinearLR(learning_rate=0.1, total_steps=10.5)", 14).error).toBeUndefined();
    expect(buildError("LinearLR(learning_rate=0.1, total_steps=10, start_factor=0)")).toMatchObject({
      param: "start_factor",
      message: "`start_factor` must be greater than 0 and less or equal to 1, but got 0",
    });
    expect(buildError("LinearLR(learning_rate=0.1, total_steps=0)")).toMatchObject({ param: "total_steps" });
  });
});
