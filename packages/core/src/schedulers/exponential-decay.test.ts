import { describe, expect, it } from "vitest";
import { referencePow } from "../numeric/testing/exact";
import { buildError, curve, program } from "./testing/spec";

describe("ExponentialDecay", () => {
  it("multiplies the initial LR by gamma ** t, correctly rounded as C pow is", () => {
    const lr = curve("ExponentialDecay(learning_rate=0.5, gamma=0.9)", 200).lr;
    for (let t = 0; t < 200; t++) expect(lr[t]).toBe(0.5 * referencePow(0.9, t));
    expect(lr[4]).toBe(0.32805);
  });

  it("reaches subnormals and then exactly 0.0", () => {
    const p = program("ExponentialDecay(learning_rate=0.1, gamma=0.5)");
    expect(p.valueAt(1070)).toBeGreaterThan(0);
    expect(p.valueAt(1080)).toBe(0);
  });

  it("accepts gamma only strictly between 0 and 1", () => {
    for (const g of ["1.0", "0.0", "1.5", "-0.5"]) {
      expect(buildError(`ExponentialDecay(learning_rate=0.5, gamma=${g})`)).toMatchObject({
        param: "gamma",
        message: " 'gamma' must be in interval (0.0, 1.0) so that the learning rate will decay.",
      });
    }
  });

  it("starts from epoch last_epoch + 1 when resumed", () => {
    expect(curve("ExponentialDecay(learning_rate=0.5, gamma=0.9, last_epoch=9)", 1).lr[0]).toBe(0.5 * referencePow(0.9, 10));
  });
});
