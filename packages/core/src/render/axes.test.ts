import { describe, expect, it } from "vitest";
import { formatXTicks, formatYTicks } from "./axis-format";
import { linearScale, logScale, tickStep, ticksWithin } from "./scale";

describe("tickStep and ticksWithin", () => {
  it("pick 1, 2 or 5 × 10^k steps and exact decimal tick values", () => {
    expect(tickStep(10, 5)).toBe(2);
    expect(tickStep(1, 3)).toBe(0.5);
    expect(tickStep(0.007, 4)).toBe(0.002);
    expect(tickStep(1e12, 6)).toBe(2e11);
    expect(ticksWithin(0, 1, 0.1)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(ticksWithin(0, 0.0001, 0.00002)).toEqual([0, 2e-5, 4e-5, 6e-5, 8e-5, 1e-4]);
  });
  it("give no ticks for a degenerate step", () => {
    expect(ticksWithin(0, 1, 0)).toEqual([]);
    expect(ticksWithin(0, 1, NaN)).toEqual([]);
  });
});

describe("linearScale and logScale", () => {
  it("widen a y domain to whole ticks and map it onto pixels, top up", () => {
    const s = linearScale(0, 0.007, 142, 6, 3, true);
    expect([s.lo, s.hi]).toEqual([0, 0.008]);
    expect(s.map(0)).toBe(142);
    expect(s.map(0.008)).toBeCloseTo(6, 9);
  });
  it("centre a single value instead of dividing by a zero span", () => {
    const s = linearScale(5, 5, 0, 100, 4, false);
    expect(s.map(5)).toBe(50);
  });
  it("span whole decades on a log axis", () => {
    const s = logScale(3e-5, 0.007, 100, 0, 4);
    expect(s.ticks).toEqual([1e-5, 1e-4, 1e-3, 1e-2]);
    expect(s.map(1e-5)).toBe(100);
    expect(s.map(1e-2)).toBe(0);
    expect(logScale(1e-3, 1e-3, 100, 0, 4).ticks).toEqual([1e-4, 1e-3]);
  });
});

describe("axis labels", () => {
  it("abbreviate step counts and switch the whole axis to exponents at 10^12", () => {
    expect(formatXTicks([0, 500, 1000, 1500, 2000])).toEqual(["0", "500", "1k", "1.5k", "2k"]);
    expect(formatXTicks([0, 2e5, 1.2e6, 3e9])).toEqual(["0", "200k", "1.2M", "3B"]);
    expect(formatXTicks([0, 5e11, 1e12])).toEqual(["0", "5e11", "1e12"]);
    expect(formatXTicks([0, 0.5, 1])).toEqual(["0", "0.5", "1"]);
  });
  it("write learning rates with the decimals the step needs, or exponents for the whole axis", () => {
    expect(formatYTicks([0, 0.002, 0.004, 0.006], 0.002)).toEqual(["0", "0.002", "0.004", "0.006"]);
    expect(formatYTicks([0, 0.0005, 0.001], 0.0005)).toEqual(["0", "0.0005", "0.0010"]);
    expect(formatYTicks([0, 2e-5, 4e-5], 2e-5)).toEqual(["0", "2e-05", "4e-05"]);
    expect(formatYTicks([1e-6, 1e-4, 1e-2], 0)).toEqual(["1e-06", "1e-04", "1e-02"]);
    expect(formatYTicks([-0.5, 0, 0.5, 1], 0.5)).toEqual(["-0.5", "0", "0.5", "1.0"]);
  });
});
