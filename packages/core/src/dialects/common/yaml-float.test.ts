import { describe, expect, it } from "vitest";
import { pyyamlFloatText } from "./yaml-float";

describe("pyyamlFloatText", () => {
  it("adds the dot and the exponent sign PyYAML needs to read a float", () => {
    expect(pyyamlFloatText("1e-4")).toBe("1.0e-4");
    expect(pyyamlFloatText("5E3")).toBe("5.0e+3");
    expect(pyyamlFloatText(".5e-2")).toBe("0.5e-2");
    expect(pyyamlFloatText("-2.e5")).toBe("-2.0e+5");
  });
  it("says nothing about text that is not an exponent number", () => {
    expect(pyyamlFloatText("abc")).toBeUndefined();
    expect(pyyamlFloatText("0.001")).toBeUndefined();
    expect(pyyamlFloatText("e5")).toBeUndefined();
  });
});
