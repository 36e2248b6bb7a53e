import { describe, expect, it } from "vitest";
import { buildError, curve, program, stepped } from "./testing/spec";

describe("CyclicLR", () => {
  it("climbs from base to max over step_size_up and back over step_size_down (triangular)", () => {
    const lr = curve("CyclicLR(base_learning_rate=0.001, max_learning_rate=0.006, step_size_up=4)", 10).lr;
    expect(Array.from(lr)).toEqual([0.001, 0.0022500000000000003, 0.0035, 0.00475, 0.006, 0.00475, 0.0035, 0.0022500000000000003, 0.001, 0.0022500000000000003]);
  });

  it("halves the amplitude every cycle with triangular2", () => {
    const lr = curve("CyclicLR(base_learning_rate=0.001, max_learning_rate=0.006, step_size_up=2, mode='triangular2')", 10).lr;
    expect(Array.from(lr)).toEqual([0.001, 0.0035, 0.006, 0.0035, 0.001, 0.0022500000000000003, 0.0035, 0.0022500000000000003, 0.001, 0.0016250000000000001]);
  });

  it("ends triangular2 with Python's OverflowError after 1024 cycles (2.0 ** 1024)", () => {
    const r = curve("CyclicLR(base_learning_rate=0.1, max_learning_rate=0.2, step_size_up=1)", 3000);
    expect(r.error).toBeUndefined();
    const r2 = curve("CyclicLR(base_learning_rate=0.1, max_learning_rate=0.2, step_size_up=1, mode='triangular2')", 3000);
    expect(r2.lr.length).toBe(2048);
    expect(r2.error).toMatchObject({ errorType: "OverflowError", atStep: 2048 });
  });

  it("scales by exp_gamma ** t in exp_range mode and by a user scale_fn otherwise", () => {
    for (const call of [
      "CyclicLR(base_learning_rate=0.001, max_learning_rate=0.006, step_size_up=200, mode='exp_range', exp_gamma=0.9994)",
      "CyclicLR(base_learning_rate=0.1, max_learning_rate=0.5, step_size_up=5, step_size_down=3, scale_fn=lambda x: 1 / (2.0 ** (x - 1)))",
      "CyclicLR(base_learning_rate=0.1, max_learning_rate=0.5, step_size_up=5, scale_fn=lambda x: 0.999 ** x, scale_mode='iterations')",
    ]) {
      expect(Array.from(curve(call, 600).lr), call).toEqual(stepped(call, 600));
    }
  });

  it("rejects an int exp_gamma and a bad scale_mode even when they are unused", () => {
    expect(buildError("CyclicLR(base_learning_rate=0.1, max_learning_rate=1.0, step_size_up=2, exp_gamma=1)")).toMatchObject({ param: "exp_gamma", errorType: "TypeError" });
    expect(buildError("CyclicLR(base_learning_rate=0.1, max_learning_rate=1.0, step_size_up=2, scale_mode='epoch')")).toMatchObject({
      param: "scale_mode",
      message: "'scale_mode' must be one of 'cycle' or 'iterations",
    });
    expect(buildError("CyclicLR(base_learning_rate=0.1, max_learning_rate=1.0, step_size_up=2, mode='cosine')")).toMatchObject({ param: "mode" });
  });

  it("keeps every peak and trough of a long triangular2 run when sampling", () => {
    const p = program("CyclicLR(base_learning_rate=0.0001, max_learning_rate=0.01, step_size_up=2500, step_size_down=7500, mode='triangular2')");
    const s = p.sample(100_000, 512);
    const steps = Array.from(s.steps);
    for (let k = 0; k < 10; k++) expect(steps).toContain(k * 10_000 + 2500);
    expect(Math.max(...s.lr)).toBe(0.01);
    expect(p.naturalHorizon()).toEqual({ steps: 40_001, from: "4 cycles" });
  });
});
