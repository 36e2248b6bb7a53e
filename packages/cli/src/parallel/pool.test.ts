import { describe, expect, it } from "vitest";
import { workerCount } from "./pool";

describe("workerCount", () => {
  it("uses no workers when told off, or for runs too small to repay starting them", () => {
    expect(workerCount("off", 10_000)).toBe(0);
    expect(workerCount("auto", 40)).toBe(0);
  });

  it("obeys an explicit number, but never starts more workers than there are files", () => {
    expect(workerCount(3, 100)).toBe(3);
    expect(workerCount(4, 2)).toBe(2);
  });
});
