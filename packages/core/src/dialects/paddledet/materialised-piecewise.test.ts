import { describe, expect, it } from "vitest";
import { boundaryAt, boundaryCount, formulaBreaks, lrAt, type MaterialisedPiecewise, valueAtIndex, valueCount } from "./materialised-piecewise";

/**
 * Expected numbers come from running PaddleDetection's own builder formulas and Paddle's
 * PiecewiseDecay lookup under CPython on the same inputs (see each case).
 */
describe("materialised PiecewiseDecay", () => {
  // LinearWarmup(steps=4, start_factor=0.5) then milestones at iterations 3 and 6 (3 lies inside the warmup).
  const unsorted: MaterialisedPiecewise = {
    baseLr: 0.1,
    warmup: { kind: "linear", steps: 4, startFactor: 0.5 },
    tail: { kind: "milestones", boundaries: [3, 6], values: [0.010000000000000002, 0.001] },
  };

  it("lists one boundary per warmup step followed by the milestones as written", () => {
    expect(boundaryCount(unsorted)).toBe(6);
    expect(valueCount(unsorted)).toBe(7);
    expect(Array.from({ length: 6 }, (_, i) => boundaryAt(unsorted, i))).toEqual([1, 2, 3, 4, 3, 6]);
  });

  it("computes the warmup values with the builder's operation order", () => {
    // CPython: [0.1*(0.5*(1-i/4)+i/4) for i in range(5)]
    expect(Array.from({ length: 5 }, (_, i) => valueAtIndex(unsorted, i))).toEqual([0.05, 0.0625, 0.07500000000000001, 0.08750000000000001, 0.1]);
  });

  it("skips the base-LR segment when a milestone lies inside the warmup, as Paddle's in-order scan does", () => {
    const lr = Array.from({ length: 8 }, (_, t) => lrAt(unsorted, t));
    expect(lr).toEqual([0.05, 0.0625, 0.07500000000000001, 0.08750000000000001, 0.010000000000000002, 0.010000000000000002, 0.001, 0.001]);
  });

  it("holds base_lr between the end of warmup and the first milestone when they are in order", () => {
    const sorted: MaterialisedPiecewise = { ...unsorted, tail: { kind: "milestones", boundaries: [6, 8], values: [0.01, 0.001] } };
    expect([3, 4, 5, 6, 7, 8, 100].map((t) => lrAt(sorted, t))).toEqual([0.08750000000000001, 0.1, 0.1, 0.01, 0.01, 0.001, 0.001]);
    expect(formulaBreaks(sorted)).toEqual([4, 6, 8]);
  });

  it("uses the last value past every boundary even when extra values were given", () => {
    const extra: MaterialisedPiecewise = { ...unsorted, tail: { kind: "milestones", boundaries: [6], values: [0.01, 0.001, 0.0001] } };
    expect(lrAt(extra, 5)).toBe(0.1);
    expect(lrAt(extra, 6)).toBe(0.0001);
  });

  // CosineDecay(max_epochs → 10 iterations, min_lr_ratio 0.05, last_plateau → 2) after LinearWarmup(steps=3, start_factor=0.2), base 0.01.
  const cosine: MaterialisedPiecewise = {
    baseLr: 0.01,
    warmup: { kind: "linear", steps: 3, startFactor: 0.2 },
    tail: { kind: "cosine", maxIters: 10, plateauIters: 2, minLr: 0.01 * 0.05 },
  };

  it("materialises the cosine with the warmup's last boundary repeated, one boundary per iteration", () => {
    expect(boundaryCount(cosine)).toBe(10);
    expect(valueCount(cosine)).toBe(11);
    expect(Array.from({ length: 10 }, (_, i) => boundaryAt(cosine, i))).toEqual([1, 2, 3, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("follows the cosine after warmup, holds min_lr on the plateau and after the last boundary", () => {
    // CPython, PaddleDetection's CosineDecay.__call__ then PiecewiseDecay.get_lr for t = 0..13.
    const expected = [0.002, 0.004666666666666667, 0.007333333333333333, 0.01, 0.009092830723281, 0.006717830723281, 0.003782169276719, 0.0014071692767190001, 0.0005, 0.0005, 0.0005, 0.0005, 0.0005, 0.0005];
    expected.forEach((v, t) => expect(Math.abs(lrAt(cosine, t) - v)).toBeLessThanOrEqual(1e-13 * 0.01));
    expect(formulaBreaks(cosine)).toEqual([3, 8, 9]);
  });

  it("keeps the last warmup value when the warmup is longer than max_epochs", () => {
    const long: MaterialisedPiecewise = { baseLr: 0.15, warmup: { kind: "linear", steps: 20, startFactor: 1 }, tail: { kind: "cosine", maxIters: 10, plateauIters: 0, minLr: 0 } };
    expect(boundaryCount(long)).toBe(20);
    expect(valueCount(long)).toBe(21);
    expect([0, 9, 19, 20, 50].map((t) => lrAt(long, t))).toEqual([0.15, 0.15, 0.15, 0.15, 0.15]);
  });

  it("lays a warmup-less plateau cosine over boundaries 1..maxIters-1", () => {
    const plain: MaterialisedPiecewise = { baseLr: 1, tail: { kind: "cosine", maxIters: 4, plateauIters: 1, minLr: 0 } };
    expect(boundaryCount(plain)).toBe(3);
    expect(valueCount(plain)).toBe(4);
    // CPython: [0.5*(cos(i*pi/3)+1) for i in range(3)] + [0]
    const expected = [1.0, 0.75, 0.2500000000000001, 0, 0, 0];
    expected.forEach((v, t) => expect(Math.abs(lrAt(plain, t) - v)).toBeLessThanOrEqual(1e-15));
  });

  it("ramps an ExpWarmup as base_lr × (i/W) ** power with correctly rounded integer powers", () => {
    const exp: MaterialisedPiecewise = { baseLr: 0.01, warmup: { kind: "exp", steps: 1000, power: 4 }, tail: { kind: "milestones", boundaries: [1500, 2200], values: [0.001, 0.0001] } };
    // CPython: 0.01 * (i/1000.0)**4 for i = 1, 2, 3; the repr values of suite-curves' deepsort case.
    expect([1, 2, 3].map((t) => lrAt(exp, t))).toEqual([1.0000000000000002e-14, 1.6000000000000003e-13, 8.100000000000001e-13]);
    expect(lrAt(exp, 1000)).toBe(0.01);
  });
});
