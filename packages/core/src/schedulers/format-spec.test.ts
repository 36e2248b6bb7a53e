import { describe, expect, it } from "vitest";
import { formatSpec } from "./index";
import { py } from "./testing/spec";

describe("formatSpec", () => {
  it("prints LinearWarmup's wrapped schedule first, then keyword arguments in signature order", () => {
    const spec = py("LinearWarmup(end_lr=0.007, warmup_steps=2000, start_lr=0.0, learning_rate=MultiStepDecay(gamma=0.1, learning_rate=0.007, milestones=[300, 400]))");
    expect(formatSpec(spec)).toBe("LinearWarmup(MultiStepDecay(learning_rate=0.007, milestones=[300, 400], gamma=0.1), warmup_steps=2000, start_lr=0.0, end_lr=0.007)");
  });

  it("writes floats as Python's repr, ints as ints, strings, bools and lambdas as Python source", () => {
    expect(formatSpec(py("OneCycleLR(max_learning_rate=0.0001, total_steps=4000, divide_factor=25.0, end_learning_rate=1e-10, anneal_strategy='cos', three_phase=False)"))).toBe(
      "OneCycleLR(max_learning_rate=0.0001, total_steps=4000, divide_factor=25.0, end_learning_rate=1e-10, anneal_strategy='cos', three_phase=False)",
    );
    expect(formatSpec(py("LambdaDecay(learning_rate=0.5, lr_lambda=lambda epoch: 0.95 ** epoch)"))).toBe("LambdaDecay(learning_rate=0.5, lr_lambda=lambda epoch: 0.95 ** epoch)");
    expect(formatSpec(py("LinearWarmup(learning_rate=5e-05, warmup_steps=1000, start_lr=0.0, end_lr=5e-05)"))).toBe("LinearWarmup(5e-05, warmup_steps=1000, start_lr=0.0, end_lr=5e-05)");
  });

  it("shortens long lists the way the suites' built strings do, and leaves out last_epoch=-1", () => {
    const bounds = Array.from({ length: 4300 }, (_, k) => k + 1).join(", ");
    const spec = py(`PiecewiseDecay(boundaries=[${bounds}], values=[0.1], last_epoch=-1)`);
    expect(formatSpec(spec)).toBe("PiecewiseDecay(boundaries=[1, 2, 3, 4, 5, ..., 4298, 4299, 4300] (4300 items), values=[0.1])");
    expect(formatSpec(py("PiecewiseDecay(boundaries=[30, 60], values=[0.1, 0.01, 0.001], last_epoch=0)"))).toBe("PiecewiseDecay(boundaries=[30, 60], values=[0.1, 0.01, 0.001], last_epoch=0)");
  });

  it("keeps unknown arguments visible after the known ones, and tuples as tuples", () => {
    expect(formatSpec(py("MultiStepDecay(learning_rate=0.1, milestones=(3,), foo='<b>')"))).toBe("MultiStepDecay(learning_rate=0.1, milestones=(3,), foo='<b>')");
    expect(formatSpec(py("Foo(a=1)"))).toBe("Foo(a=1)");
  });
});
