import { describe, expect, it } from "vitest";
import { didYouMean, didYouMeanSuffix, editDistance } from "./did-you-mean";

const PADDLE = ["StepDecay", "MultiStepDecay", "CosineAnnealingDecay", "LinearWarmup", "PiecewiseDecay", "PolynomialDecay", "LambdaDecay"];

describe("didYouMean", () => {
  it("suggests the Paddle class a typo was meant to be", () => {
    expect(didYouMean("MultiStepDeacy", PADDLE)).toEqual(["MultiStepDecay"]);
    expect(didYouMean("linearwarmup", PADDLE)).toEqual(["LinearWarmup"]);
    expect(didYouMean("Cosine", PADDLE)).toEqual(["CosineAnnealingDecay"]);
    expect(didYouMean("StepLR", PADDLE)).toEqual([]);
  });
  it("stays quiet for unrelated names", () => {
    expect(didYouMean("ResNet50", PADDLE)).toEqual([]);
    expect(didYouMean("", PADDLE)).toEqual([]);
  });
  it("counts transpositions as one edit", () => {
    expect(editDistance("gmama", "gamma")).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });
  it("phrases one or several candidates", () => {
    expect(didYouMeanSuffix(["A"])).toBe(" Did you mean `A`?");
    expect(didYouMeanSuffix(["A", "B", "C"])).toBe(" Did you mean `A`, `B` or `C`?");
    expect(didYouMeanSuffix([])).toBe("");
  });
});
