import { describe, expect, it } from "vitest";
import { buildError, curve, live, program, stepped } from "./testing/spec";

describe("MultiplicativeDecay", () => {
  it("multiplies the previous LR by lr_lambda(t), never calling lr_lambda(0)", () => {
    expect(stepped("MultiplicativeDecay(learning_rate=0.5, lr_lambda=lambda epoch: 0.95)", 3)).toEqual([0.5, 0.475, 0.45125]);
  });

  it("gives Paddle's recomputed product bit for bit while extending it incrementally", () => {
    const lr = curve("MultiplicativeDecay(learning_rate=0.1, lr_lambda=lambda epoch: 1 - 1 / (epoch + 10))", 3001).lr;
    let want = 0.1;
    for (let t = 1; t <= 3000; t++) want = want * (1 - 1 / (t + 10));
    expect(lr[3000]).toBe(want);
  });

  it("recomputes from scratch after an explicit jump back, as Paddle's loop does", () => {
    const s = live("MultiplicativeDecay(learning_rate=1.0, lr_lambda=lambda epoch: 0.9 if epoch % 10 == 0 else 1.0)");
    s.step(30);
    s.step(10);
    expect(s.lastLr).toBe(0.9);
  });

  it("has no closed form: huge horizons are replayed up to the limit and say so", () => {
    const p = program("MultiplicativeDecay(learning_rate=0.5, lr_lambda=lambda epoch: 0.95)");
    const s = p.sample(1e12, 64);
    expect(s.truncated?.steps).toBe(1_000_000);
    expect(s.exact).toBe(true);
  });

  it("requires a callable lr_lambda", () => {
    expect(buildError("MultiplicativeDecay(learning_rate=0.1, lr_lambda=None)")).toMatchObject({
      message: "The type of 'lr_lambda' in 'MultiplicativeDecay' must be 'function', but received <class 'NoneType'>.",
    });
  });
});
