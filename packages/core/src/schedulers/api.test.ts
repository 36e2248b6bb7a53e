import { describe, expect, it } from "vitest";
import { build, construct } from "./index";
import { buildError, live, py } from "./testing/spec";

describe("build and construct", () => {
  it("report an unknown class as Python's AttributeError on the module", () => {
    expect(buildError("CosineDecay(learning_rate=0.1)")).toMatchObject({ errorType: "AttributeError", message: "module 'paddle.optimizer.lr' has no attribute 'CosineDecay'", param: null });
  });

  it("reject an unexpected keyword before a missing argument, as Python's call binding does", () => {
    expect(buildError("StepDecay(learning_rate=0.1, gama=0.5)")).toMatchObject({ param: "gama", message: "StepDecay.__init__() got an unexpected keyword argument 'gama'" });
    expect(buildError("LinearWarmup(learning_rate=0.1, warmup_steps=5)")).toMatchObject({
      param: "start_lr",
      message: "LinearWarmup.__init__() missing 2 required positional arguments: 'start_lr' and 'end_lr'",
    });
  });

  it("report a nested scheduler's error first, with its path, then the outer call's own error", () => {
    const b = build(py("LinearWarmup(learning_rate=StepDecay(learning_rate=0.1, step_size=0), warmup_steps=0, start_lr=0.0, end_lr=0.1)"));
    expect(b.ok).toBe(false);
    if (b.ok) return;
    expect(b.errors.map((e) => [e.path ?? [], e.param])).toEqual([
      [["learning_rate"], "step_size"],
      [[], "warmup_steps"],
    ]);
  });

  it("reject a scheduler where a number is required, naming its class", () => {
    expect(buildError("StepDecay(learning_rate=StepDecay(learning_rate=0.1, step_size=2), step_size=5)")).toMatchObject({
      param: "learning_rate",
      message: "The type of learning rate must be float, but received <class 'paddle.optimizer.lr.StepDecay'>",
    });
  });

  it("accept bool and numpy.float64 learning rates but not numpy.float32", () => {
    expect(live("StepDecay(learning_rate=True, step_size=2)").lastLr).toBe(1);
    expect(live("StepDecay(learning_rate=numpy.float64(0.1), step_size=2)").lastLr).toBe(0.1);
    expect(buildError("LRScheduler(learning_rate=numpy.float32(0.10000000149011612))")).toMatchObject({ param: "learning_rate", errorType: "TypeError" });
  });

  it("construct the abstract base class only to fail in its first step with NotImplementedError", () => {
    expect(buildError("LRScheduler(learning_rate=0.1)")).toMatchObject({ errorType: "NotImplementedError", message: "", phase: "construct" });
  });

  it("never throw, even for a malformed spec", () => {
    const broken = { name: "StepDecay", args: { learning_rate: { type: "weird" } } } as never;
    expect(() => build(broken)).not.toThrow();
    expect(build(broken).ok).toBe(false);
    expect(construct(broken).ok).toBe(false);
  });
});

describe("resuming from a state_dict", () => {
  const CASES = [
    "StepDecay(learning_rate=0.1, step_size=7, gamma=0.5)",
    "CosineAnnealingDecay(learning_rate=0.1, T_max=50)",
    "LinearWarmup(learning_rate=CosineAnnealingDecay(learning_rate=0.1, T_max=50), warmup_steps=10, start_lr=0.0, end_lr=0.1)",
    "LinearWarmup(learning_rate=MultiStepDecay(learning_rate=0.007, milestones=[30, 40], gamma=0.1), warmup_steps=20, start_lr=0.0, end_lr=0.007)",
    "LinearLR(learning_rate=0.5, total_steps=40)",
    "MultiplicativeDecay(learning_rate=0.5, lr_lambda=lambda epoch: 0.95)",
    "OneCycleLR(max_learning_rate=0.1, total_steps=200)",
    "CyclicLR(base_learning_rate=0.01, max_learning_rate=0.1, step_size_up=7)",
    "NoamDecay(d_model=64, warmup_steps=10)",
    "PolynomialDecay(learning_rate=0.1, decay_steps=30, cycle=True)",
    // CosineAnnealingWarmRestarts is the documented exception (T_cur/T_i are not saved): see its own test.
  ];

  for (const call of CASES) {
    it(`continues ${call.split("(")[0]} exactly as an uninterrupted run (k steps, state_dict, new instance, set_state_dict)`, () => {
      const k = 23;
      const whole = live(call);
      const first = live(call);
      for (let i = 0; i < k; i++) {
        whole.step();
        first.step();
      }
      const resumed = live(call);
      expect(resumed.setStateDict(JSON.parse(JSON.stringify(first.stateDict())))).toBeUndefined();
      expect(resumed.lastEpoch).toBe(whole.lastEpoch);
      for (let i = 0; i < 60; i++) {
        whole.step();
        resumed.step();
        expect(resumed.lastLr, `step ${k + i + 1}`).toBe(whole.lastLr);
      }
    });
  }

  it("reports a state_dict without Paddle's keys as RuntimeError, with Paddle's message", () => {
    expect(live("StepDecay(learning_rate=0.1, step_size=2)").setStateDict({ last_epoch: 3 })).toMatchObject({
      errorType: "RuntimeError",
      message: "Please check whether state_dict is correct for optimizer. Can't find [ last_lr ] in state_dict",
    });
    expect(live("LinearWarmup(learning_rate=StepDecay(learning_rate=0.1, step_size=2), warmup_steps=2, start_lr=0.0, end_lr=0.1)").setStateDict({ last_epoch: 3, last_lr: 0.1 })).toMatchObject({
      errorType: "RuntimeError",
    });
  });
});
