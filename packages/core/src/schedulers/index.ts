/** The scheduler engine's public API: re-exports, and the registry of Paddle's `paddle.optimizer.lr` classes. */
import { CosineAnnealingDecay } from "./cosine-annealing-decay";
import { CosineAnnealingWarmRestarts } from "./cosine-annealing-warm-restarts";
import { CyclicLR } from "./cyclic-lr";
import { ExponentialDecay } from "./exponential-decay";
import { InverseTimeDecay } from "./inverse-time-decay";
import { LambdaDecay } from "./lambda-decay";
import { LinearLR } from "./linear-lr";
import { LinearWarmup } from "./linear-warmup";
import { LRScheduler } from "./lr-scheduler";
import { MultiStepDecay } from "./multi-step-decay";
import { MultiplicativeDecay } from "./multiplicative-decay";
import { NaturalExpDecay } from "./natural-exp-decay";
import { NoamDecay } from "./noam-decay";
import { OneCycleLR } from "./one-cycle-lr";
import { PiecewiseDecay } from "./piecewise-decay";
import { PolynomialDecay } from "./polynomial-decay";
import { ReduceOnPlateau } from "./reduce-on-plateau";
import { registerScheduler } from "./registry";
import { StepDecay } from "./step-decay";

// In the order of `paddle.optimizer.lr.__all__`.
for (const def of [
  LRScheduler,
  NoamDecay,
  PiecewiseDecay,
  NaturalExpDecay,
  InverseTimeDecay,
  PolynomialDecay,
  LinearWarmup,
  ExponentialDecay,
  MultiStepDecay,
  StepDecay,
  LambdaDecay,
  ReduceOnPlateau,
  CosineAnnealingDecay,
  MultiplicativeDecay,
  OneCycleLR,
  CyclicLR,
  LinearLR,
  CosineAnnealingWarmRestarts,
]) {
  registerScheduler(def);
}

export { build, construct } from "./api";
export { formatSpec } from "./format-spec";
export { getSchedulerInfo, listSchedulers, registerScheduler } from "./registry";
export type { FormSet, SchedulerDefinition, ValidatedNode } from "./definition";
// Building blocks for suite-specific definitions (see SchedulerDefinition).
export { SchedulerState } from "./engine/state";
export { FunctionState, closedForm, closedFormSet } from "./engine/closed-class";
export type { Form } from "./engine/form";
export { shiftForm, constantForm } from "./engine/form";
export { PyRaise, paddleRaise, pythonRaise, paddleAssert } from "./engine/py-raise";
export type { BoundArgs } from "./engine/signature";
export { baseLearningRate, lastEpochArg, LAST_EPOCH_PARAMS } from "./engine/base-checks";
export * as py from "./engine/py-value";
export { MAX_CURVE_STEPS, REPLAY_SAMPLE_STEPS, MAX_REPLAY_STEPS, MAX_SAMPLE_REPLAY_STEPS } from "./engine/program";
