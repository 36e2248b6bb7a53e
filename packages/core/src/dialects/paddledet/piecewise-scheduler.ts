/**
 * `PPDetPiecewiseDecay`, the suite-specific scheduler class standing for the one Paddle
 * `PiecewiseDecay` PaddleDetection's builder materialises: same construction checks, same values
 * and in-order boundary scan, same state keys, computed lazily from the generating formulas, and
 * printed as the `PiecewiseDecay(boundaries=[...] (N items), values=[...] (N+1 items))` Paddle receives.
 */
import { type BoundArgs, closedFormSet, FunctionState, paddleRaise, py, pythonRaise, registerScheduler, type SchedulerDefinition } from "../../schedulers";
import type { Marker, PyValue } from "../../schedulers/types";
import { pyFloatRepr } from "../../text/py-repr";
import { materialisedForm } from "./materialised-form";
import { boundaryAt, boundaryCount, lrAt, type MaterialisedPiecewise, tailPrefixMax, valueAtIndex, valueCount } from "./materialised-piecewise";
import { modelFromArgs, PPDET_PIECEWISE, PPDET_PIECEWISE_PARAMS } from "./materialised-spec";

interface PPDetParams {
  model: MaterialisedPiecewise;
  prefixMax?: Float64Array;
  /** Python-typed milestone values (an int `base_lr × gamma` prints as an int). */
  tailValues?: PyValue[];
  tailBoundaries?: PyValue[];
}

/** Lists longer than this print shortened, as suite-curves' `built` strings and `formatSpec` do. */
const SHORTEN_ABOVE = 10;

function listText(count: number, item: (i: number) => string): string {
  if (count <= SHORTEN_ABOVE) return `[${Array.from({ length: count }, (_, i) => item(i)).join(", ")}]`;
  const head = [0, 1, 2, 3, 4].map(item);
  const tail = [count - 3, count - 2, count - 1].map(item);
  return `[${[...head, "...", ...tail].join(", ")}] (${count} items)`;
}

function boundaryText(p: PPDetParams, i: number): string {
  const w = p.model.warmup ? p.model.warmup.steps : 0;
  if (p.tailBoundaries && i >= w) return py.pyRepr(p.tailBoundaries[i - w]);
  const b = boundaryAt(p.model, i);
  return Number.isInteger(b) ? String(b) : pyFloatRepr(b);
}

function valueText(p: PPDetParams, i: number): string {
  const w = p.model.warmup ? p.model.warmup.steps + 1 : 0;
  if (p.tailValues && i >= w) return py.pyRepr(p.tailValues[i - w]);
  return pyFloatRepr(valueAtIndex(p.model, i));
}

function paramsOf(args: Record<string, PyValue>): PPDetParams {
  const r = modelFromArgs(args);
  if (!r.ok) return pythonRaise("TypeError", `PPDetPiecewiseDecay: ${r.message}`, r.param);
  const tail = r.model.tail;
  const list = (v: PyValue | undefined) => (v?.type === "list" ? v.items : undefined);
  return {
    model: r.model,
    prefixMax: tail.kind === "milestones" ? tailPrefixMax(tail.boundaries) : undefined,
    tailValues: tail.kind === "milestones" ? list(args.values) : undefined,
    tailBoundaries: tail.kind === "milestones" ? list(args.boundaries) : undefined,
  };
}

/** The Paddle constructor call the suite makes, e.g. `PiecewiseDecay(boundaries=[1, 2, ...] (4300 items), values=[...] (4301 items))`. */
export function formatPPDetPiecewise(args: Record<string, PyValue>): string {
  let p: PPDetParams;
  try {
    p = paramsOf(args);
  } catch {
    return `${PPDET_PIECEWISE}(…)`;
  }
  const boundaries = listText(boundaryCount(p.model), (i) => boundaryText(p, i));
  const values = listText(valueCount(p.model), (i) => valueText(p, i));
  return `PiecewiseDecay(boundaries=${boundaries}, values=${values})`;
}

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

export const PPDetPiecewiseDecay: SchedulerDefinition<PPDetParams> & { format(args: Record<string, PyValue>): string } = {
  name: PPDET_PIECEWISE,
  doc: "PaddleDetection's whole LearningRate (warmup, then PiecewiseDecay milestones or CosineDecay) as the single Paddle PiecewiseDecay its builder creates: one boundary per warmup step and, for CosineDecay, one per iteration. Boundaries are scanned in list order, so a milestone inside the warmup is passed over.",
  params: PPDET_PIECEWISE_PARAMS,
  closedForm: true,
  format: formatPPDetPiecewise,

  validate(args: BoundArgs): PPDetParams {
    const p = paramsOf(args);
    // Paddle's PiecewiseDecay checks, on the lists the builder materialised.
    const nb = boundaryCount(p.model);
    const nv = valueCount(p.model);
    if (nb === 0) paddleRaise("ValueError", "The boundaries cannot be empty.", p.model.tail.kind === "cosine" ? "max_iters" : "boundaries");
    if (nv <= nb) paddleRaise("ValueError", `The values have one more element than boundaries, but received len(values) [${nv}] < len(boundaries) + 1 [${nb + 1}].`, "values");
    return p;
  },

  create(p) {
    // PiecewiseDecay's base constructor runs with its default learning_rate=0.1 (unused).
    return new FunctionState("PiecewiseDecay", (t) => lrAt(p.model, t, p.prefixMax)).begin(0.1, -1);
  },

  forms(p) {
    return closedFormSet(materialisedForm(p.model), -1);
  },

  markers(p, _kids, lo, hi, out: Marker[]) {
    const m = p.model;
    const at = (step: number, kind: Marker["kind"], what: string) => {
      if (step >= lo && step < hi) out.push({ step, kind, label: `${what} → ${fmt(lrAt(m, step, p.prefixMax))}` });
    };
    if (m.warmup) at(m.warmup.steps, "warmup-end", `warmup end ${m.warmup.steps}`);
    if (m.tail.kind === "milestones") {
      let prev = m.warmup ? m.warmup.steps : -Infinity;
      // Only boundaries that change the scan's result (a running maximum above the warmup) mark a drop.
      for (const b of m.tail.boundaries) {
        if (b <= prev) continue;
        prev = b;
        at(Math.ceil(b), "milestone", `milestone ${Math.ceil(b)}`);
      }
    } else {
      const flat = Math.ceil(m.tail.maxIters - m.tail.plateauIters);
      if (m.tail.plateauIters > 0) at(flat, "phase", `plateau from ${flat}`);
      at(m.tail.maxIters, "end", `max_epochs end ${m.tail.maxIters}`);
    }
  },

  horizon(p) {
    const m = p.model;
    if (m.tail.kind === "cosine") return { epochs: Math.max(m.tail.maxIters, m.warmup?.steps ?? 0), from: "CosineDecay max_epochs × steps per epoch" };
    const last = m.tail.boundaries.reduce((a, b) => Math.max(a, b), m.warmup?.steps ?? 0);
    return { epochs: Math.ceil(last * 1.1 + 1), from: "last milestone + 10%" };
  },
};

let registered = false;

/** Registers the class once (dialect modules call this when they load). */
export function registerPPDetPiecewise(): void {
  if (registered) return;
  registered = true;
  registerScheduler(PPDetPiecewiseDecay);
}
