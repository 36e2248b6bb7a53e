import { describe, expect, it } from "vitest";
import { buildError, curve, program, stepped } from "./testing/spec";

describe("PiecewiseDecay", () => {
  it("switches to values[i] at t == boundaries[i-1]", () => {
    expect(stepped("PiecewiseDecay(boundaries=[3, 6, 9], values=[0.1, 0.2, 0.3, 0.4])", 11)).toEqual([0.1, 0.1, 0.1, 0.2, 0.2, 0.2, 0.3, 0.3, 0.3, 0.4, 0.4]);
  });

  it("uses the last element of values after the last boundary, skipping extra values", () => {
    expect(Array.from(curve("PiecewiseDecay(boundaries=[2, 4], values=[1.0, 0.5, 0.25, 0.125])", 6).lr)).toEqual([1, 1, 0.5, 0.5, 0.125, 0.125]);
  });

  it("scans unsorted boundaries in the given order: the first boundary above t wins", () => {
    expect(Array.from(curve("PiecewiseDecay(boundaries=[5, 2], values=[1, 0.5, 0.1])", 7).lr)).toEqual([1, 1, 1, 1, 1, 0.1, 0.1]);
  });

  it("never uses values[0] with a boundary at 0", () => {
    expect(curve("PiecewiseDecay(boundaries=[0, 5], values=[1.0, 0.5, 0.25])", 1).lr[0]).toBe(0.5);
  });

  it("rejects empty boundaries and too few values, with Paddle's messages", () => {
    expect(buildError("PiecewiseDecay(boundaries=[], values=[0.1])")).toMatchObject({ param: "boundaries", message: "The boundaries cannot be empty." });
    expect(buildError("PiecewiseDecay(boundaries=[10, 20], values=[0.1, 0.01])")).toMatchObject({
      param: "values",
      message: "The values have one more element than boundaries, but received len(values) [2] < len(boundaries) + 1 [3].",
    });
    expect(buildError("PiecewiseDecay(boundaries=5, values=[0.1, 0.01])")).toMatchObject({ param: "boundaries", message: "object of type 'int' has no len()" });
  });

  it("fails where its scan reaches a boundary Python cannot compare", () => {
    const r = curve("PiecewiseDecay(boundaries=[3, 'x'], values=[0.1, 0.2, 0.3])", 10);
    expect(r.lr.length).toBe(3);
    expect(r.error).toMatchObject({ param: "boundaries", errorType: "TypeError", atStep: 3 });
  });

  it("handles PaddleDetection's one boundary per warmup step, keeping the drops when sampling", () => {
    const n = 30_000;
    const bounds = Array.from({ length: n }, (_, k) => k + 1).join(", ");
    const values = Array.from({ length: n + 1 }, (_, k) => (k < n ? 0.01 * (k / n) : 0.001)).join(", ");
    const p = program(`PiecewiseDecay(boundaries=[${bounds}, 40000], values=[${values}, 0.0001])`);
    expect(p.valueAt(29_999)).toBe(0.01 * (29_999 / n));
    expect(p.valueAt(30_000)).toBe(0.001);
    expect(p.valueAt(40_000)).toBe(0.0001);
    const s = p.sample(60_000, 256);
    expect(s.steps.length).toBeLessThanOrEqual(1024);
    expect(Array.from(s.steps)).toEqual(expect.arrayContaining([0, 39_999, 40_000, 59_999]));
    expect(Math.max(...s.lr)).toBe(p.valueAt(29_999));
  });

  it("marks each boundary with the value it switches to and proposes a horizon past the last one", () => {
    const p = program("PiecewiseDecay(boundaries=[8000, 11000], values=[0.01, 0.001, 0.0001])");
    expect(p.markers(12_000)).toEqual([
      { step: 8000, kind: "boundary", label: "boundary 8000 → 0.001" },
      { step: 11000, kind: "boundary", label: "boundary 11000 → 0.0001" },
    ]);
    expect(p.naturalHorizon()).toEqual({ steps: 14_000, from: "last boundary + the gap before it" });
  });
});
