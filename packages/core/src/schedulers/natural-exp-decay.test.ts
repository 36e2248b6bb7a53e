import { describe, expect, it } from "vitest";
import { closeTo } from "./testing/compare";
import { buildError, curve, program } from "./testing/spec";

describe("NaturalExpDecay", () => {
  it("decays as lr · e^(−gamma·t) (values CPython computes)", () => {
    const lr = curve("NaturalExpDecay(learning_rate=0.5, gamma=0.1)", 11).lr;
    expect(closeTo([lr[0], lr[1], lr[10]], [0.5, 0.45241870901797976, 0.18393972058572117])).toBeUndefined();
  });

  it("underflows to exactly 0.0 for large gamma·t and samples 1e12 steps analytically", () => {
    const p = program("NaturalExpDecay(learning_rate=1.0, gamma=5.0)");
    expect(p.valueAt(160)).toBe(0);
    const s = p.sample(1e12, 128);
    expect(s.lr[0]).toBe(1);
    expect(s.lr[s.lr.length - 1]).toBe(0);
  });

  it("requires gamma (no default despite the docstring) and asserts gamma > 0", () => {
    expect(buildError("NaturalExpDecay(learning_rate=0.5)")).toMatchObject({
      param: "gamma",
      errorType: "TypeError",
      message: "NaturalExpDecay.__init__() missing 1 required positional argument: 'gamma'",
    });
    expect(buildError("NaturalExpDecay(learning_rate=0.5, gamma=0.0)")).toMatchObject({ param: "gamma", errorType: "AssertionError" });
  });

  it("offers the horizon where the LR reaches 1% of its start", () => {
    expect(program("NaturalExpDecay(learning_rate=0.5, gamma=0.1)").naturalHorizon()).toEqual({ steps: 48, from: "decay to 1% of the initial LR" });
  });
});
