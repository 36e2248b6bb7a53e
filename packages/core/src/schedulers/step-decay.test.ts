import { describe, expect, it } from "vitest";
import { referencePow } from "../numeric/testing/exact";
import { buildError, curve, program, stepped } from "./testing/spec";

describe("StepDecay", () => {
  it("StepDecay(0.01, 1000, 0.9) from the seed article matches exact rational arithmetic over 10,000 epochs", () => {
    const { lr } = curve("StepDecay(learning_rate=0.01, step_size=1000, gamma=0.9)", 10_000);
    for (let t = 0; t < 10_000; t++) expect(lr[t], `epoch ${t}`).toBe(0.01 * referencePow(0.9, Math.floor(t / 1000)));
    // V8's ** is one ulp off from epoch 4000 on; Paddle (C pow) is not.
    expect(0.01 * Math.pow(0.9, 4)).not.toBe(lr[4000]);
  });

  it("drops by gamma every step_size steps, at t == k·step_size", () => {
    expect(stepped("StepDecay(learning_rate=0.5, step_size=5, gamma=0.8)", 12)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.4, 0.4, 0.4, 0.4, 0.4, 0.32000000000000006, 0.32000000000000006]);
  });

  it("gives the same numbers from the curve and from the stepped mirror", () => {
    const call = "StepDecay(learning_rate=0.1, step_size=3, gamma=0.7)";
    expect(Array.from(curve(call, 100).lr)).toEqual(stepped(call, 100));
  });

  it("keeps a constant LR with gamma = 1 rejected and gamma = 0 dropping to zero", () => {
    expect(buildError("StepDecay(learning_rate=0.1, step_size=5, gamma=1.0)")).toMatchObject({ param: "gamma", message: "gamma should be < 1.0." });
    expect(Array.from(curve("StepDecay(learning_rate=0.1, step_size=2, gamma=0.0)", 5).lr)).toEqual([0.1, 0.1, 0, 0, 0]);
  });

  it("alternates the sign with a negative gamma, which Paddle accepts", () => {
    expect(Array.from(curve("StepDecay(learning_rate=0.1, step_size=1, gamma=-0.5)", 4).lr)).toEqual([0.1, -0.05, 0.025, -0.0125]);
  });

  it("reports the type check before the gamma check, and the gamma check before step_size > 0", () => {
    expect(buildError("StepDecay(learning_rate=0.1, step_size=0.5, gamma=1.5)")).toMatchObject({ param: "step_size", errorType: "TypeError" });
    expect(buildError("StepDecay(learning_rate=0.1, step_size=0, gamma=1.5)")).toMatchObject({ param: "gamma", errorType: "ValueError" });
    expect(buildError("StepDecay(learning_rate=0.1, step_size=0)")).toMatchObject({ param: "step_size", errorType: "AssertionError" });
  });

  it("evaluates steps past 1e12 in closed form and samples them analytically, keeping every drop", () => {
    const p = program("StepDecay(learning_rate=0.1, step_size=100000000000, gamma=0.5)");
    expect(p.valueAt(3e11)).toBe(0.1 * 0.125);
    expect(p.valueAt(3e11 - 1)).toBe(0.1 * 0.25);
    const s = p.sample(1e12, 512);
    const steps = Array.from(s.steps);
    expect(steps[0]).toBe(0);
    expect(steps[steps.length - 1]).toBe(1e12 - 1);
    for (let k = 1; k < 10; k++) expect(steps).toEqual(expect.arrayContaining([k * 1e11 - 1, k * 1e11]));
    steps.forEach((t, j) => expect(s.lr[j]).toBe(p.valueAt(t)));
    expect(s.exact).toBe(true);
  });

  it("raises Python's OverflowError once |gamma|^k overflows with a gamma below -1", () => {
    const r = curve("StepDecay(learning_rate=0.1, step_size=1, gamma=-10.0)", 400);
    expect(r.lr.length).toBe(309);
    expect(r.error).toMatchObject({ errorType: "OverflowError", param: "gamma", atStep: 309 });
  });

  it("offers a horizon showing the LR fall to about 1% and marks each drop", () => {
    const p = program("StepDecay(learning_rate=0.1, step_size=30, gamma=0.1)");
    expect(p.naturalHorizon()).toEqual({ steps: 90, from: "step_size × 3" });
    expect(p.markers(100).map((m) => m.step)).toEqual([30, 60, 90]);
  });
});
