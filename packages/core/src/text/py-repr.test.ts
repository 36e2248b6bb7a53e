import { describe, expect, it } from "vitest";
import { pyFloatRepr, pyNumberRepr } from "./py-repr";

describe("pyFloatRepr", () => {
  it("writes small and large magnitudes in Python's exponent form", () => {
    expect(pyFloatRepr(1e-5)).toBe("1e-05");
    expect(pyFloatRepr(7e-5)).toBe("7e-05");
    expect(pyFloatRepr(1.5e20)).toBe("1.5e+20");
    expect(pyFloatRepr(1e16)).toBe("1e+16");
    expect(pyFloatRepr(1.2345e-7)).toBe("1.2345e-07");
  });
  it("keeps plain decimals between 1e-4 and 1e16 and marks integral floats with .0", () => {
    expect(pyFloatRepr(0.0001)).toBe("0.0001");
    expect(pyFloatRepr(0.007)).toBe("0.007");
    expect(pyFloatRepr(2000)).toBe("2000.0");
    expect(pyFloatRepr(0.1 * 0.1)).toBe("0.010000000000000002");
    expect(pyFloatRepr(123456789012345.6)).toBe("123456789012345.6");
  });
  it("spells zero, negative zero and non-finite values as Python does", () => {
    expect(pyFloatRepr(0)).toBe("0.0");
    expect(pyFloatRepr(-0)).toBe("-0.0");
    expect(pyFloatRepr(NaN)).toBe("nan");
    expect(pyFloatRepr(-Infinity)).toBe("-inf");
  });
  it("prints ints without a decimal point", () => {
    expect(pyNumberRepr(300, true)).toBe("300");
    expect(pyNumberRepr(300, false)).toBe("300.0");
  });
});
