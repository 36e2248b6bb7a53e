import { describe, expect, it } from "vitest";
import { formatCount, formatLr } from "./format";

describe("formatLr", () => {
  it("writes learning rates to four significant digits without trailing zeros", () => {
    expect(formatLr(0.007)).toBe("0.007");
    expect(formatLr(0.0035)).toBe("0.0035");
    expect(formatLr(0.1)).toBe("0.1");
    expect(formatLr(0.007 * 0.1)).toBe("0.0007");
    expect(formatLr(0.123456)).toBe("0.1235");
  });
  it("uses Python-style exponents below 1e-4, as the code lens does", () => {
    expect(formatLr(0.007 * 0.1 ** 2)).toBe("7e-05");
    expect(formatLr(1.23456e-7)).toBe("1.235e-07");
    expect(formatLr(-2e-6)).toBe("-2e-06");
  });
  it("spells zero, missing and non-finite values readably", () => {
    expect(formatLr(0)).toBe("0");
    expect(formatLr(null)).toBe("n/a");
    expect(formatLr(NaN)).toBe("n/a");
    expect(formatLr(Infinity)).toBe("inf");
  });
});

describe("formatCount", () => {
  it("groups thousands and keeps fractional epochs to two decimals", () => {
    expect(formatCount(2500)).toBe("2,500");
    expect(formatCount(1_000_000_000_000)).toBe("1,000,000,000,000");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(-12345)).toBe("-12,345");
    expect(formatCount(12.3456)).toBe("12.35");
  });
});
