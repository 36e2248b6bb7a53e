import { describe, expect, it } from "vitest";
import { formatLr, formatSteps } from "./format";

describe("formatLr", () => {
  it("writes learning rates as Python's format(x, '.4g') does", () => {
    // Each right-hand side is CPython 3.11's output for the left-hand value.
    const cases: [number, string][] = [
      [0.007, "0.007"],
      [7e-5, "7e-05"],
      [0.0001, "0.0001"],
      [1234, "1234"],
      [12346, "1.235e+04"],
      [0.1, "0.1"],
      [1, "1"],
      [2.5e-7, "2.5e-07"],
      [0.00012345, "0.0001234"],
      [9.99951e-5, "0.0001"],
      [0.123456, "0.1235"],
      [1e16, "1e+16"],
      [-0.003, "-0.003"],
      [1e-320, "1e-320"],
      [0.1 + 0.2, "0.3"],
    ];
    for (const [x, want] of cases) expect(formatLr(x), String(x)).toBe(want);
  });
  it("spells zero and non-finite values plainly", () => {
    expect(formatLr(0)).toBe("0");
    expect(formatLr(-0)).toBe("0");
    expect(formatLr(NaN)).toBe("nan");
    expect(formatLr(Infinity)).toBe("inf");
    expect(formatLr(-Infinity)).toBe("-inf");
  });
});

describe("formatSteps", () => {
  it("groups digits below a million", () => {
    expect(formatSteps(0)).toBe("0");
    expect(formatSteps(300)).toBe("300");
    expect(formatSteps(2500)).toBe("2,500");
    expect(formatSteps(999_999)).toBe("999,999");
    expect(formatSteps(12.5)).toBe("12.5");
    expect(formatSteps(1234.567)).toBe("1,234.57");
    expect(formatSteps(-2500)).toBe("-2,500");
  });
  it("abbreviates millions and billions to three significant digits", () => {
    expect(formatSteps(1_000_000)).toBe("1M");
    expect(formatSteps(1_200_000)).toBe("1.2M");
    expect(formatSteps(1_234_567)).toBe("1.23M");
    expect(formatSteps(125_000_000)).toBe("125M");
    expect(formatSteps(999_999_999)).toBe("1B");
    expect(formatSteps(3.5e9)).toBe("3.5B");
  });
  it("switches to exponent form from 10^12", () => {
    expect(formatSteps(1e12)).toBe("1e12");
    expect(formatSteps(999.9e9)).toBe("1e12");
    expect(formatSteps(2.5e15)).toBe("2.5e15");
    expect(formatSteps(1.234e13)).toBe("1.23e13");
  });
  it("spells non-finite counts plainly", () => {
    expect(formatSteps(Infinity)).toBe("inf");
    expect(formatSteps(NaN)).toBe("nan");
  });
});
