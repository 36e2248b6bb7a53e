import { describe, expect, it } from "vitest";
import { build } from "../../schedulers";
import { registerClasSchedulers } from "./suite-schedulers";

registerClasSchedulers();

describe("Constant (PaddleClas)", () => {
  it("returns learning_rate at every step and ignores last_epoch, as its default base constructor does", () => {
    const b = build({ name: "Constant", args: { learning_rate: { type: "float", value: 1000 }, last_epoch: { type: "int", value: 7 } } });
    if (!b.ok) throw new Error(JSON.stringify(b.errors));
    expect(Array.from(b.program.curve(3).lr)).toEqual([1000, 1000, 1000]);
  });

  it("follows a warmup as LinearWarmup's wrapped scheduler", () => {
    const b = build({
      name: "LinearWarmup",
      args: { learning_rate: { type: "scheduler", spec: { name: "Constant", args: { learning_rate: { type: "float", value: 0.01 } } } }, warmup_steps: { type: "int", value: 4 }, start_lr: { type: "float", value: 0 }, end_lr: { type: "float", value: 0.01 } },
    });
    if (!b.ok) throw new Error(JSON.stringify(b.errors));
    expect(Array.from(b.program.curve(6).lr)).toEqual([0, 0.0025, 0.005, 0.0075, 0.01, 0.01]);
  });

  it("reports a non-number LR instead of drawing it", () => {
    const b = build({ name: "Constant", args: { learning_rate: { type: "str", value: "abc" } } });
    expect(b.ok).toBe(false);
  });
});
