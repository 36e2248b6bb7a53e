import { describe, expect, it } from "vitest";
import { build, closedForm, closedFormSet, FunctionState, getSchedulerInfo, lastEpochArg, listSchedulers, registerScheduler, type SchedulerDefinition } from "./index";
import { baseLearningRate, py as pyValues } from "./index";

describe("the scheduler registry", () => {
  it("lists every paddle.optimizer.lr class under its exact name, with Paddle's defaults", () => {
    const names = listSchedulers().map((s) => s.name);
    for (const n of [
      "NoamDecay", "PiecewiseDecay", "NaturalExpDecay", "InverseTimeDecay", "PolynomialDecay", "LinearWarmup", "ExponentialDecay", "MultiStepDecay", "StepDecay",
      "LambdaDecay", "ReduceOnPlateau", "CosineAnnealingDecay", "MultiplicativeDecay", "OneCycleLR", "CyclicLR", "LinearLR", "CosineAnnealingWarmRestarts",
    ]) {
      expect(names).toContain(n);
    }
    expect(names).not.toContain("LRScheduler");
    expect(getSchedulerInfo("LRScheduler")?.name).toBe("LRScheduler");
    const poly = getSchedulerInfo("PolynomialDecay");
    expect(poly?.params.find((p) => p.name === "end_lr")?.default).toEqual({ type: "float", value: 0.0001 });
    expect(poly?.closedForm).toBe(true);
    expect(getSchedulerInfo("CosineAnnealingDecay")?.closedForm).toBe(false);
    expect(getSchedulerInfo("Nope")).toBeUndefined();
    for (const info of listSchedulers()) {
      expect(info.doc.length).toBeGreaterThan(20);
      for (const p of info.params) expect(p.doc.length, `${info.name}.${p.name}`).toBeGreaterThan(5);
    }
  });

  it("runs a dialect-registered class through the same machinery (validation, curves, wrapping)", () => {
    interface P {
      lr: number;
      half: number;
      lastEpoch: number;
    }
    const HalvingDecay: SchedulerDefinition<P> = {
      name: "HalvingDecayForTest",
      doc: "Test-only suite class: halves the LR every `half` steps.",
      params: [
        { name: "learning_rate", required: true, kind: "number", doc: "initial LR" },
        { name: "half", required: true, kind: "int", doc: "steps per halving" },
        { name: "last_epoch", required: false, default: { type: "int", value: -1 }, kind: "int", doc: "resume epoch" },
      ],
      closedForm: true,
      validate(args) {
        if (!pyValues.isPyInt(args.half)) throw new Error("unreachable in this test");
        return { lr: baseLearningRate(args.learning_rate, "learning_rate"), half: pyValues.numericValue(args.half) as number, lastEpoch: lastEpochArg(args.last_epoch) };
      },
      create: (p) => new FunctionState("HalvingDecayForTest", (t) => p.lr * 0.5 ** Math.floor(t / p.half)).begin(p.lr, p.lastEpoch),
      forms: (p) => closedFormSet(closedForm({ lrAt: (t) => p.lr * 0.5 ** Math.floor(t / p.half) }), p.lastEpoch),
    };
    registerScheduler(HalvingDecay);
    const b = build({
      name: "LinearWarmup",
      args: {
        learning_rate: { type: "scheduler", spec: { name: "HalvingDecayForTest", args: { learning_rate: { type: "float", value: 0.8 }, half: { type: "int", value: 2 } } } },
        warmup_steps: { type: "int", value: 2 },
        start_lr: { type: "float", value: 0 },
        end_lr: { type: "float", value: 0.8 },
      },
    });
    if (!b.ok) throw new Error(JSON.stringify(b.errors));
    expect(Array.from(b.program.curve(7).lr)).toEqual([0, 0.4, 0.8, 0.8, 0.4, 0.4, 0.2]);
    expect(build({ name: "HalvingDecayForTest", args: { learning_rate: { type: "float", value: -1 }, half: { type: "int", value: 2 } } })).toMatchObject({
      ok: false,
      errors: [{ param: "learning_rate", message: "Invalid learning rate: -1.0" }],
    });
  });
});
