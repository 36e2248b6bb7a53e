import { describe, expect, it } from "vitest";
import { build, construct, formatSpec } from "../../schedulers";
import type { PyValue, SchedulerSpec } from "../../schedulers/types";
import { registerOcrSchedulers } from "./suite-schedulers";

registerOcrSchedulers();

const int = (value: number): PyValue => ({ type: "int", value });
const float = (value: number): PyValue => ({ type: "float", value });
const str = (value: string): PyValue => ({ type: "str", value });

function curve(spec: SchedulerSpec, n: number) {
  const b = build(spec);
  if (!b.ok) throw new Error(JSON.stringify(b.errors));
  return b.program.curve(n);
}

function errorOf(spec: SchedulerSpec) {
  const b = build(spec);
  return b.ok ? undefined : b.errors[0];
}

// Expected behaviour is PaddleOCR's ppocr/optimizer/lr_scheduler.py at f0b39d4 (messages verbatim, typos included).
describe("OneCycleDecay (PaddleOCR)", () => {
  const spec = (extra: Record<string, PyValue> = {}): SchedulerSpec => ({ name: "OneCycleDecay", args: { max_lr: float(0.0007), epochs: int(20), steps_per_epoch: int(100), ...extra } });

  it("peaks at exactly max_lr where the rising phase ends and lands exactly on max_lr/25/1e4 at the last step", () => {
    const lr = curve(spec(), 2000).lr;
    // Phase 1 ends at float(0.3 * 2000) - 1 = 599: pct = 1 there, and cos(π) + 1 = 0 leaves end_lr.
    expect(lr[599]).toBe(0.0007);
    expect(lr[1999]).toBe(0.0007 / 25 / 1e4);
    expect(Math.abs(lr[0] - 0.0007 / 25)).toBeLessThan(1e-19);
    expect(lr[300]).toBeGreaterThan(lr[0]);
    expect(lr[1000]).toBeLessThan(lr[599]);
  });

  it("rises and falls linearly with anneal_strategy 'linear', and has a third phase with three_phase", () => {
    const lin = curve(spec({ anneal_strategy: str("linear") }), 2000).lr;
    expect(lin[599]).toBe(0.0007);
    // Linear annealing computes (end - start) * pct + start, which is not exactly end_lr at pct = 1.
    expect(lin[1999]).toBe((0.0007 / 25 / 1e4 - 0.0007) * 1 + 0.0007);
    const three = curve(spec({ three_phase: { type: "bool", value: true } }), 2000).lr;
    // float(2 * 0.3 * 2000) - 2 = 1198 ends the way back down to the initial LR.
    expect(three[599]).toBe(0.0007);
    expect(three[1198]).toBe(0.0007 / 25);
  });

  it("raises when stepped past epochs × steps_per_epoch", () => {
    const c = curve(spec(), 2005);
    expect(c.lr.length).toBe(2001);
    expect(c.error).toMatchObject({ errorType: "ValueError", message: "Tried to step 2002 times. The specified number of total steps is 2000", phase: "step" });
  });

  it("rejects what PaddleOCR's constructor rejects, with its messages", () => {
    expect(errorOf(spec({ epochs: int(0) }))).toMatchObject({ param: "epochs", errorType: "ValueError", message: "Expected positive integer epochs, but got 0" });
    expect(errorOf(spec({ steps_per_epoch: float(100) }))).toMatchObject({ param: "steps_per_epoch", message: "Expected positive integer steps_per_epoch, but got 100.0" });
    expect(errorOf(spec({ pct_start: int(0) }))).toMatchObject({ param: "pct_start", errorType: "ValueError", message: "Expected float between 0 and 1 pct_start, but got 0" });
    expect(errorOf(spec({ anneal_strategy: str("cosine") }))).toMatchObject({ param: "anneal_strategy", message: "anneal_strategy must by one of 'cos' or 'linear', instead got cosine" });
    expect(errorOf(spec({ max_lr: str("1e-3") }))).toMatchObject({ param: "max_lr", errorType: "TypeError" });
    expect(errorOf(spec({ div_factor: int(0) }))).toMatchObject({ param: "div_factor", errorType: "ZeroDivisionError" });
  });

  it("prints as PaddleOCR's class in constructor chains", () => {
    expect(formatSpec(spec())).toBe("OneCycleDecay(max_lr=0.0007, epochs=20, steps_per_epoch=100)");
  });
});

describe("TwoStepCosineDecay (PaddleOCR)", () => {
  const inner = (extra: Record<string, PyValue> = {}): SchedulerSpec => ({ name: "TwoStepCosineDecay", args: { learning_rate: float(0.01), T_max1: int(20), T_max2: int(30), ...extra } });

  it("jumps to the second cosine after T_max1 when LinearWarmup drives it with an epoch (closed form)", () => {
    const lr = curve({ name: "LinearWarmup", args: { learning_rate: { type: "scheduler", spec: inner() }, warmup_steps: int(2), start_lr: float(0), end_lr: float(0.01) } }, 40).lr;
    // Inner epoch e = t - 2: e = 20 = T_max1 is the bottom of the first cosine (cos(π) = -1), e = 21 uses T_max2.
    expect(lr[22]).toBe(0);
    expect(lr[23]).toBe(0 + ((0.01 - 0) * (1 + Math.cos((Math.PI * 21) / 30))) / 2);
    expect(lr[2]).toBe(0.01);
  });

  it("stepped bare, continues the recursion from the bottom instead of jumping", () => {
    const lr = curve(inner(), 25).lr;
    expect(lr[0]).toBe(0.01);
    expect(Math.abs(lr[10] - 0.005)).toBeLessThan(1e-15);
    expect(lr[21]).toBeLessThan(1e-4);
  });

  it("checks T_max1/T_max2 types and signs with PaddleOCR's messages (the T_max2 one says T_max1)", () => {
    expect(errorOf(inner({ T_max1: float(20) }))).toMatchObject({ param: "T_max1", errorType: "TypeError", message: "The type of 'T_max1' in 'CosineAnnealingDecay' must be 'int', but received <class 'float'>." });
    expect(errorOf(inner({ T_max2: int(0) }))).toMatchObject({ param: "T_max2", errorType: "AssertionError", message: " 'T_max1' must be a positive integer." });
    expect(errorOf(inner({ learning_rate: str("1e-3") }))).toMatchObject({ param: "learning_rate", errorType: "TypeError" });
  });
});

describe("CyclicalCosineDecay (PaddleOCR)", () => {
  const spec = (extra: Record<string, PyValue> = {}): SchedulerSpec => ({ name: "CyclicalCosineDecay", args: { learning_rate: float(1), T_max: int(100), cycle: int(4), ...extra } });

  it("restarts the cosine at the base LR every cycle steps", () => {
    const lr = curve(spec(), 9).lr;
    expect(lr[0]).toBe(1);
    expect(lr[1]).toBe(0.5 * (1 + Math.cos(Math.PI / 4)));
    expect(lr[2]).toBe(0.5);
    expect(lr[4]).toBe(1);
    expect(lr[5]).toBe(lr[1]);
  });

  it("divides by a zero cycle only when first stepped, as Python's modulo does", () => {
    const c = curve(spec({ cycle: int(0) }), 5);
    expect(c.lr.length).toBe(1);
    expect(c.error).toMatchObject({ errorType: "ZeroDivisionError", atStep: 1 });
  });

  it("fails at construction when resumed, because it reads self.cycle before setting it", () => {
    expect(errorOf(spec({ last_epoch: int(3) }))).toMatchObject({ param: "last_epoch", errorType: "AttributeError" });
  });
});

describe("float (a plain number used as the LR)", () => {
  it("is constant, never stepped, and prints as Python's float()", () => {
    const spec: SchedulerSpec = { name: "float", args: { learning_rate: float(0.001) } };
    expect(Array.from(curve(spec, 4).lr)).toEqual([0.001, 0.001, 0.001, 0.001]);
    expect(formatSpec(spec)).toBe("float(0.001)");
    const c = construct(spec);
    if (!c.ok) throw new Error("construct failed");
    c.scheduler.step();
    expect(c.scheduler.lastLr).toBe(0.001);
  });

  it("refuses a string or an int, as Paddle's optimizer (float or LRScheduler only) does", () => {
    expect(errorOf({ name: "float", args: { learning_rate: str("1e-4") } })).toMatchObject({ param: "learning_rate", errorType: "TypeError" });
    expect(errorOf({ name: "float", args: { learning_rate: int(1) } })).toMatchObject({ param: "learning_rate", errorType: "TypeError", message: "learning rate should be float or LRScheduler, got <class 'int'> here" });
  });
});
