/** ReduceOnPlateau: cuts the LR by `factor` when a metric stops improving for more than `patience` steps; driven by `step(metrics)`, with no initial step. */
import type { SchedulerDefinition } from "./definition";
import { constantForm } from "./engine/form";
import { pyMax } from "./engine/py-ops";
import { paddleAssert, paddleRaise, pythonRaise } from "./engine/py-raise";
import { arithmetic, compare, compareValues, isPyNumber, numericValue, typeName, typeRepr } from "./engine/py-value";
import type { BoundArgs } from "./engine/signature";
import { SchedulerState, stateNumber } from "./engine/state";
import type { PyValue } from "./types";

interface PlateauParams {
  lr: number;
  mode: "min" | "max";
  factor: number;
  patience: PyValue;
  threshold: PyValue;
  thresholdMode: "rel" | "abs";
  cooldown: PyValue;
  minLr: PyValue;
  epsilon: PyValue;
}

const ARRAY_TYPES = new Set(["numpy.ndarray", "paddle.Tensor", "Tensor"]);
const METRIC_SCALARS = new Set(["numpy.float32", "numpy.float64"]);

/** `x.lower()`, or Python's AttributeError for a non-str. */
function lower(v: PyValue, param: string): string {
  if (v.type !== "str") pythonRaise("AttributeError", `'${typeName(v)}' object has no attribute 'lower'`, param);
  return v.value.toLowerCase();
}

class PlateauState extends SchedulerState {
  readonly name = "ReduceOnPlateau";
  cooldownCounter = 0;
  best: PyValue | null = null;
  numBadEpochs = 0;

  constructor(private readonly p: PlateauParams) {
    super();
    // Paddle never calls the base constructor here: no checks on the value, no initial step.
    this.baseLr = p.lr;
    this.lastLr = p.lr;
    this.lastEpoch = 0;
  }

  /** `step(metrics, epoch=None)` called as `step(x)`: x is the metric. */
  override step(epoch?: number): void {
    if (epoch === undefined) pythonRaise("TypeError", "ReduceOnPlateau.step() missing 1 required positional argument: 'metrics'", null);
    this.stepMetrics({ type: Number.isInteger(epoch) ? "int" : "float", value: epoch });
  }

  /** LinearWarmup calls `step(t - warmup_steps)`, which lands in `metrics`. */
  override stepFromWarmup(epoch: number): void {
    this.stepMetrics({ type: "int", value: epoch });
  }

  override stepMetrics(metrics: PyValue, epoch?: number): void {
    this.lastEpoch = epoch === undefined ? this.lastEpoch + 1 : epoch;
    if (metrics.type === "other" && ARRAY_TYPES.has(metrics.pyType)) {
      const size = metrics.size ?? 1;
      paddleAssert(size === 1, `the size of metrics must be 1, but the current metrics.size is ${size}. Maybe that you should call paddle.mean to process it first.`, null);
    } else if (!(isPyNumber(metrics) || (metrics.type === "other" && METRIC_SCALARS.has(metrics.pyType)))) {
      paddleRaise("TypeError", `metrics must be 'int', 'float', 'np.float64', 'numpy.ndarray' or 'paddle.Tensor', but receive ${typeRepr(metrics)}`, null);
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      return;
    }
    if (this.best === null || this.isBetter(metrics, this.best)) {
      this.best = metrics;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs += 1;
    }
    if (compareValues({ type: "int", value: this.numBadEpochs }, ">", this.p.patience, "patience")) {
      // Paddle fails on a non-numeric cooldown at the next step's `cooldown_counter > 0`; we report it now.
      compare(this.p.cooldown, ">", 0, "int", "cooldown");
      this.cooldownCounter = numericValue(this.p.cooldown) as number;
      this.numBadEpochs = 0;
      const scaled = this.lastLr * this.p.factor;
      compareValues(this.p.minLr, ">", { type: "float", value: scaled }, "min_lr");
      const newLr = pyMax(scaled, numericValue(this.p.minLr) as number);
      const drop: PyValue = { type: "float", value: this.lastLr - newLr };
      if (compareValues(drop, ">", this.p.epsilon, "epsilon")) this.lastLr = newLr;
    }
  }

  /** Paddle's `_is_better`, e.g. `current < best - best * threshold` (not PyTorch's `best * (1 - threshold)`). */
  private isBetter(current: PyValue, best: PyValue): boolean {
    const c = numericValue(current) as number;
    const b = numericValue(best) as number;
    // numpy.float32 arithmetic with a Python float stays in float32 (NEP 50).
    const r = best.type === "other" && best.pyType === "numpy.float32" ? Math.fround : (x: number) => x;
    const th = arithmetic(this.p.threshold, "*", "float", false, "threshold");
    if (this.p.mode === "min") return c < (this.p.thresholdMode === "rel" ? r(b - r(b * th)) : r(b - th));
    return c > (this.p.thresholdMode === "rel" ? r(b + r(b * th)) : r(b + th));
  }

  override stateKeys(): string[] {
    return ["cooldown_counter", "best", "num_bad_epochs", "last_epoch", "last_lr"];
  }

  protected override getStateValue(key: string): unknown {
    if (key === "cooldown_counter") return this.cooldownCounter;
    if (key === "best") return this.best === null ? null : (numericValue(this.best) ?? null);
    if (key === "num_bad_epochs") return this.numBadEpochs;
    return super.getStateValue(key);
  }

  protected override setStateValue(key: string, value: unknown): void {
    if (key === "cooldown_counter") this.cooldownCounter = stateNumber(value, key);
    else if (key === "best") this.best = value === null ? null : { type: "float", value: stateNumber(value, key) };
    else if (key === "num_bad_epochs") this.numBadEpochs = stateNumber(value, key);
    else super.setStateValue(key, value);
  }
}

export const ReduceOnPlateau: SchedulerDefinition<PlateauParams> = {
  name: "ReduceOnPlateau",
  doc: "Multiplies the LR by `factor` when the metric passed to `step(metrics)` has not improved for more than `patience` steps, then waits `cooldown` steps (ignoring the metric). Without metrics the LR stays at learning_rate, so lrlens draws it flat. No `last_epoch` parameter and no initial step.",
  params: [
    { name: "learning_rate", required: true, kind: "number", doc: "The initial learning rate. Paddle does not check its sign." },
    { name: "mode", required: false, default: { type: "str", value: "min" }, kind: "str", enum: ["min", "max"], doc: "'min': the metric should decrease (a loss); 'max': increase (an accuracy). Case-insensitive." },
    { name: "factor", required: false, default: { type: "float", value: 0.1 }, kind: "float", doc: "new_lr = lr · factor at each cut; must be < 1." },
    { name: "patience", required: false, default: { type: "int", value: 10 }, kind: "int", doc: "Non-improving steps tolerated; the cut comes on the (patience+1)-th." },
    { name: "threshold", required: false, default: { type: "float", value: 1e-4 }, kind: "float", doc: "Minimum improvement that counts (relative or absolute, see threshold_mode)." },
    { name: "threshold_mode", required: false, default: { type: "str", value: "rel" }, kind: "str", enum: ["rel", "abs"], doc: "'rel': best·threshold; 'abs': threshold. Case-insensitive." },
    { name: "cooldown", required: false, default: { type: "int", value: 0 }, kind: "int", doc: "Steps after a cut during which the metric is ignored." },
    { name: "min_lr", required: false, default: { type: "int", value: 0 }, kind: "number", doc: "Lower bound of the LR after a cut." },
    { name: "epsilon", required: false, default: { type: "float", value: 1e-8 }, kind: "float", doc: "A cut smaller than this is skipped (the counters still reset)." },
    { name: "verbose", required: false, default: { type: "bool", value: false }, kind: "bool", doc: "Print the learning rate at every cut." },
  ],
  closedForm: true,

  validate(args: BoundArgs): PlateauParams {
    const mode = lower(args.mode, "mode");
    if (mode !== "min" && mode !== "max") paddleRaise("ValueError", `mode: ${mode} is unknown!`, "mode");
    if (compare(args.factor, ">=", 1.0, "float", "factor")) paddleRaise("ValueError", "new_lr = origin_lr * gamma and gamma should be < 1.0.", "factor");
    const thresholdMode = lower(args.threshold_mode, "threshold_mode");
    if (thresholdMode !== "rel" && thresholdMode !== "abs") paddleRaise("ValueError", `threshold mode: ${thresholdMode} is unknown!`, "threshold_mode");
    if (!isPyNumber(args.learning_rate)) {
      paddleRaise("TypeError", `The type of 'learning_rate' in 'ReduceOnPlateau' must be 'float', but received ${typeRepr(args.learning_rate)}.`, "learning_rate");
    }
    return {
      lr: numericValue(args.learning_rate) as number,
      mode,
      factor: numericValue(args.factor) as number,
      patience: args.patience,
      threshold: args.threshold,
      thresholdMode,
      cooldown: args.cooldown,
      minLr: args.min_lr,
      epsilon: args.epsilon,
    };
  },

  create(p) {
    return new PlateauState(p);
  },

  forms(p) {
    // No metric, no change: the LR a training loop would see until the metric plateaus.
    return { start: 0, stepped: constantForm(p.lr) };
  },
};

