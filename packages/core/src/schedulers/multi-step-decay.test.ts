import { describe, expect, it } from "vitest";
import { referencePow } from "../numeric/testing/exact";
import { buildError, curve, program, stepped } from "./testing/spec";

describe("MultiStepDecay", () => {
  it("multiplies by gamma at each milestone, matching exact rational arithmetic for gamma ** i", () => {
    const milestones = Array.from({ length: 9 }, (_, k) => (k + 1) * 1000);
    const { lr } = curve(`MultiStepDecay(learning_rate=0.01, milestones=[${milestones.join(", ")}], gamma=0.9)`, 10_000);
    for (let t = 0; t < 10_000; t++) expect(lr[t], `step ${t}`).toBe(0.01 * referencePow(0.9, Math.floor(t / 1000)));
    expect(lr[4000]).toBe(0.006561); // CPython: 0.01 * 0.9 ** 4; V8's 0.9 ** 4 is one ulp high
  });

  it("drops at t == milestone (the seed's DBNet milestones [300, 400] with gamma 0.1)", () => {
    const lr = curve("MultiStepDecay(learning_rate=0.007, milestones=[300, 400], gamma=0.1)", 500).lr;
    expect([lr[299], lr[300], lr[399], lr[400]]).toEqual([0.007, 0.0007000000000000001, 0.0007000000000000001, 7.000000000000002e-5]);
  });

  it("applies a milestone of 0 from the first step and keeps a constant LR with no milestones", () => {
    expect(stepped("MultiStepDecay(learning_rate=0.1, milestones=[0, 10], gamma=0.1)", 2)).toEqual([0.010000000000000002, 0.010000000000000002]);
    expect(Array.from(curve("MultiStepDecay(learning_rate=0.1, milestones=[])", 4).lr)).toEqual([0.1, 0.1, 0.1, 0.1]);
    expect(program("MultiStepDecay(learning_rate=0.1, milestones=[])").naturalHorizon()).toBeUndefined();
  });

  it("rejects unsorted or duplicated milestones before looking at gamma", () => {
    expect(buildError("MultiStepDecay(learning_rate=0.1, milestones=[20, 10], gamma=5.0)")).toMatchObject({ param: "milestones", message: "The elements of milestones must be incremented" });
    expect(buildError("MultiStepDecay(learning_rate=0.1, milestones=[10, 10])")).toMatchObject({ param: "milestones" });
    expect(buildError("MultiStepDecay(learning_rate=0.1, milestones=[10], gamma=1.0)")).toMatchObject({ param: "gamma", message: "gamma should be < 1.0." });
  });

  it("raises Python's TypeError for milestones Python cannot compare", () => {
    expect(buildError("MultiStepDecay(learning_rate=0.1, milestones=[10, '20'])")).toMatchObject({ param: "milestones", errorType: "TypeError", raisedBy: "python" });
    expect(buildError("MultiStepDecay(learning_rate=0.1, milestones='30,60')")).toMatchObject({ param: "milestones", errorType: "TypeError", raisedBy: "paddle" });
  });

  it("switches at the next integer step for a fractional milestone", () => {
    const lr = curve("MultiStepDecay(learning_rate=1.0, milestones=[2.5], gamma=0.5)", 4).lr;
    expect(Array.from(lr)).toEqual([1, 1, 1, 0.5]);
  });

  it("marks each milestone and proposes the last milestone plus the last gap as horizon", () => {
    const p = program("MultiStepDecay(learning_rate=0.1, milestones=[30, 60, 90], gamma=0.1)");
    expect(p.markers(200).map((m) => [m.step, m.kind])).toEqual([
      [30, "milestone"],
      [60, "milestone"],
      [90, "milestone"],
    ]);
    expect(p.naturalHorizon()).toEqual({ steps: 120, from: "last milestone + the gap before it" });
  });

  it("samples a 1e12-step horizon with milestones near its end in a few milliseconds, keeping both sides of each drop", () => {
    const p = program("MultiStepDecay(learning_rate=0.1, milestones=[100, 500000000000, 999999999999], gamma=0.1)");
    const s = p.sample(1e12, 512);
    const steps = Array.from(s.steps);
    expect(steps).toEqual(expect.arrayContaining([0, 99, 100, 499999999999, 500000000000, 999999999998, 999999999999]));
    expect(s.lr[steps.indexOf(999999999999)]).toBe(0.1 * 0.1 ** 3);
  });
});
