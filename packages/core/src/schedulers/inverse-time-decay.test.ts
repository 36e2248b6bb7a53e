import { describe, expect, it } from "vitest";
import { buildError, curve, program } from "./testing/spec";

describe("InverseTimeDecay", () => {
  it("divides the LR by 1 + gamma·t", () => {
    const lr = curve("InverseTimeDecay(learning_rate=0.5, gamma=0.1)", 11).lr;
    expect([lr[0], lr[1], lr[10]]).toEqual([0.5, 0.45454545454545453, 0.25]);
  });

  it("keeps a constant LR with gamma = 0", () => {
    expect(Array.from(curve("InverseTimeDecay(learning_rate=0.1, gamma=0.0)", 3).lr)).toEqual([0.1, 0.1, 0.1]);
  });

  it("ends the curve with Python's ZeroDivisionError where 1 + gamma·t is exactly 0.0", () => {
    const r = curve("InverseTimeDecay(learning_rate=0.1, gamma=-0.01)", 150);
    expect(r.lr.length).toBe(100);
    expect(r.error).toMatchObject({ errorType: "ZeroDivisionError", message: "float division by zero", param: "gamma", atStep: 100 });
    const s = program("InverseTimeDecay(learning_rate=0.1, gamma=-0.01)").sample(1e12, 64);
    expect(s.error?.atStep).toBe(100);
    expect(s.steps[s.steps.length - 1]).toBe(99);
  });

  it("passes the pole without raising when 1 + gamma·t never hits 0.0 exactly", () => {
    const r = curve("InverseTimeDecay(learning_rate=0.1, gamma=-0.3)", 10);
    expect(r.error).toBeUndefined();
    expect(r.lr[4]).toBeLessThan(0);
  });

  it("fails in its first step for a non-numeric gamma", () => {
    expect(buildError("InverseTimeDecay(learning_rate=0.1, gamma=None)")).toMatchObject({ param: "gamma", errorType: "TypeError", raisedBy: "python" });
  });
});
