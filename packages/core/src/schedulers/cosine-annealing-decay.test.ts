import { describe, expect, it } from "vitest";
import { closeTo } from "./testing/compare";
import { buildError, curve, live, program, stepped } from "./testing/spec";

describe("CosineAnnealingDecay", () => {
  it("anneals from learning_rate to eta_min over T_max and rises again: period 2·T_max, no clamp", () => {
    const lr = curve("CosineAnnealingDecay(learning_rate=0.1, T_max=10)", 41).lr;
    expect(closeTo([lr[0], lr[5], lr[10], lr[15], lr[20], lr[30], lr[40]], [0.1, 0.05, 0, 0.05, 0.1, 0, 0.1], 0.1)).toBeUndefined();
  });

  it("is Paddle's recursion under step(): the curve equals the stepped mirror bit for bit", () => {
    const call = "CosineAnnealingDecay(learning_rate=1.0, T_max=3)";
    expect(Array.from(curve(call, 3000).lr)).toEqual(stepped(call, 3000));
  });

  it("uses the closed form under step(epoch), and the recursion continues from it", () => {
    const s = live("CosineAnnealingDecay(learning_rate=0.1, T_max=10)");
    s.step(5);
    expect(s.lastLr).toBe(0.05);
    s.step();
    expect(s.lastLr).toBeCloseTo(0.03454915028125263, 16);
  });

  it("alternates between learning_rate and eta_min with T_max = 1", () => {
    expect(closeTo(curve("CosineAnnealingDecay(learning_rate=0.1, T_max=1)", 4).lr, [0.1, 0, 0.1, 0], 0.1)).toBeUndefined();
  });

  it("restarts the recursion from learning_rate after a resume (not the fresh curve)", () => {
    expect(curve("CosineAnnealingDecay(learning_rate=0.1, T_max=20, last_epoch=9)", 1).lr[0]).toBeCloseTo(0.0865, 4);
  });

  it("stands in its closed form for huge horizons and says the samples are not exact", () => {
    const p = program("CosineAnnealingDecay(learning_rate=0.1, T_max=10)");
    const s = p.sample(1e12, 512);
    expect(s.exact).toBe(false);
    expect(Math.max(...s.lr)).toBeCloseTo(0.1, 14);
    expect(Math.min(...s.lr)).toBeCloseTo(0, 14);
    expect(p.sample(1000, 512).exact).toBe(true);
  });

  it("checks T_max's type, then eta_min's type, then T_max > 0", () => {
    expect(buildError("CosineAnnealingDecay(learning_rate=0.1, T_max=10.0, eta_min=None)")).toMatchObject({ param: "T_max", errorType: "TypeError" });
    expect(buildError("CosineAnnealingDecay(learning_rate=0.1, T_max=0, eta_min=None)")).toMatchObject({ param: "eta_min", errorType: "TypeError" });
    expect(buildError("CosineAnnealingDecay(learning_rate=0.1, T_max=0)")).toMatchObject({ param: "T_max", errorType: "AssertionError" });
  });

  it("marks T_max and its multiples and proposes T_max as the horizon", () => {
    const p = program("CosineAnnealingDecay(learning_rate=0.1, T_max=100)");
    expect(p.markers(250).map((m) => m.step)).toEqual([100, 200]);
    expect(p.naturalHorizon()).toEqual({ steps: 101, from: "T_max" });
  });
});
