import { describe, expect, it } from "vitest";
import { autoWorkers, workerCount } from "./pool";

describe("workerCount", () => {
  it("uses no workers when told off, or for runs too small to repay starting them", () => {
    expect(workerCount("off", 10_000)).toBe(0);
    expect(workerCount("auto", 40)).toBe(0);
  });

  it("in auto mode, leaves one core to V8 and starts workers only from 4 cores up", () => {
    expect(autoWorkers(2, 10_000)).toBe(0);
    expect(autoWorkers(4, 10_000)).toBe(3);
    expect(autoWorkers(32, 10_000)).toBe(8);
    expect(autoWorkers(8, 150)).toBe(2);
  });

  it("obeys an explicit number, but never starts more workers than there are files", () => {
    expect(workerCount(3, 100)).toBe(3);
    expect(workerCount(4, 2)).toBe(2);
  });
});
