import { describe, expect, it } from "vitest";
import { build, construct, formatSpec } from "../../schedulers";
import type { PyValue, SchedulerSpec } from "../../schedulers/types";
import { boundaryAt, boundaryCount, type MaterialisedPiecewise, valueAtIndex, valueCount } from "./materialised-piecewise";
import { materialisedArgs, PPDET_PIECEWISE } from "./materialised-spec";
import { formatPPDetPiecewise } from "./piecewise-scheduler";
import "./index";

const float = (value: number): PyValue => ({ type: "float", value });
const int = (value: number): PyValue => ({ type: "int", value });

/** The lazy spec, and the explicit `PiecewiseDecay(boundaries, values)` PaddleDetection hands to Paddle. */
function pair(m: MaterialisedPiecewise): { lazy: SchedulerSpec; explicit: SchedulerSpec } {
  const lazy = { name: PPDET_PIECEWISE, args: materialisedArgs(m, float(m.baseLr)) };
  const boundaries = Array.from({ length: boundaryCount(m) }, (_, i) => int(boundaryAt(m, i)));
  const values = Array.from({ length: valueCount(m) }, (_, i) => float(valueAtIndex(m, i)));
  return { lazy, explicit: { name: "PiecewiseDecay", args: { boundaries: { type: "list", items: boundaries }, values: { type: "list", items: values } } } };
}

const models: [string, MaterialisedPiecewise][] = [
  ["linear warmup with a milestone inside it", { baseLr: 0.01, warmup: { kind: "linear", steps: 30, startFactor: 0.1 }, tail: { kind: "milestones", boundaries: [20, 45, 45, 60], values: [0.001, 0.0001, 1e-5, 1e-6] } }],
  ["exp warmup then milestones", { baseLr: 0.02, warmup: { kind: "exp", steps: 16, power: 3 }, tail: { kind: "milestones", boundaries: [40, 70], values: [0.002, 0.0002] } }],
  ["linear warmup then cosine with a plateau", { baseLr: 0.001, warmup: { kind: "linear", steps: 12, startFactor: 0 }, tail: { kind: "cosine", maxIters: 90, plateauIters: 10, minLr: 5e-5 } }],
  ["cosine with a plateau and no warmup", { baseLr: 0.1, tail: { kind: "cosine", maxIters: 50, plateauIters: 5, minLr: 0.001 } }],
  ["a warmup longer than the cosine", { baseLr: 0.15, warmup: { kind: "linear", steps: 60, startFactor: 1 }, tail: { kind: "cosine", maxIters: 40, plateauIters: 0, minLr: 0 } }],
];

describe("PPDetPiecewiseDecay behaves as Paddle's PiecewiseDecay over the lists PaddleDetection materialises", () => {
  for (const [name, m] of models) {
    it(`${name}: same curve, same sampled extremes, same printed call`, () => {
      const { lazy, explicit } = pair(m);
      const a = build(lazy);
      const b = build(explicit);
      if (!a.ok || !b.ok) throw new Error(JSON.stringify([a, b]));
      expect(Array.from(a.program.curve(150).lr)).toEqual(Array.from(b.program.curve(150).lr));
      for (const t of [0, 1, 11, 12, 13, 29, 30, 31, 44, 45, 89, 90, 1000]) expect(a.program.valueAt(t)).toBe(b.program.valueAt(t));
      const sa = a.program.sample(150, 20);
      const sb = b.program.sample(150, 20);
      expect(Math.max(...sa.lr)).toBe(Math.max(...sb.lr));
      expect(Math.min(...sa.lr)).toBe(Math.min(...sb.lr));
      expect(formatPPDetPiecewise(lazy.args)).toBe(formatSpec(explicit));
    });
  }

  it("steps, resumes and saves the same state keys as Paddle's PiecewiseDecay", () => {
    const { lazy, explicit } = pair(models[0][1]);
    const a = construct(lazy);
    const b = construct(explicit);
    if (!a.ok || !b.ok) throw new Error("construct failed");
    for (let k = 0; k < 50; k++) {
      a.scheduler.step();
      b.scheduler.step();
      expect(a.scheduler.lastLr).toBe(b.scheduler.lastLr);
    }
    expect(a.scheduler.stateDict()).toEqual(b.scheduler.stateDict());
    expect(a.scheduler.name).toBe("PiecewiseDecay");
  });

  it("reproduces Paddle's construction errors: too few values, and no boundary at all", () => {
    const short: MaterialisedPiecewise = { baseLr: 0.1, warmup: { kind: "linear", steps: 5, startFactor: 0.5 }, tail: { kind: "milestones", boundaries: [8, 11], values: [0.01] } };
    const { lazy, explicit } = pair(short);
    const a = build(lazy);
    const b = build(explicit);
    expect(a.ok || b.ok).toBe(false);
    if (!a.ok && !b.ok) expect(a.errors[0]).toMatchObject({ param: "values", message: b.errors[0].message, errorType: "ValueError" });
    const empty = build({ name: PPDET_PIECEWISE, args: materialisedArgs({ baseLr: 0.1, tail: { kind: "cosine", maxIters: 1, plateauIters: 1, minLr: 0 } }, float(0.1)) });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.errors[0]).toMatchObject({ message: "The boundaries cannot be empty.", errorType: "ValueError" });
  });

  it("samples a 1e12-step horizon analytically, ending on the last value", () => {
    const m = models[2][1];
    const b = build(pair(m).lazy);
    if (!b.ok) throw new Error("build failed");
    const s = b.program.sample(1e12, 512);
    expect(s.steps[s.steps.length - 1]).toBe(1e12 - 1);
    expect(s.lr[s.lr.length - 1]).toBe(valueAtIndex(m, valueCount(m) - 1));
    expect(s.steps.length).toBeLessThan(2000);
  });

  it("marks the warmup end and each milestone that changes the value", () => {
    const b = build(pair(models[0][1]).lazy);
    if (!b.ok) throw new Error("build failed");
    const kinds = b.program.markers(100).map((m) => `${m.kind}@${m.step}`);
    expect(kinds).toEqual(expect.arrayContaining(["warmup-end@30", "milestone@45", "milestone@60"]));
    expect(kinds).not.toContain("milestone@20");
  });
});
