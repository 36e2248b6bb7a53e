/** The scheduler classes of `paddle.optimizer.lr`: what PaddleSeg's `getattr(paddle.optimizer.lr, type)` can build. */

/** `getattr(paddle.optimizer.lr, type)` finds exactly these scheduler classes. */
export const PADDLE_LR_CLASSES: readonly string[] = [
  "CosineAnnealingDecay",
  "CosineAnnealingWarmRestarts",
  "CyclicLR",
  "ExponentialDecay",
  "InverseTimeDecay",
  "LambdaDecay",
  "LinearLR",
  "LinearWarmup",
  "MultiplicativeDecay",
  "MultiStepDecay",
  "NaturalExpDecay",
  "NoamDecay",
  "OneCycleLR",
  "PiecewiseDecay",
  "PolynomialDecay",
  "ReduceOnPlateau",
  "StepDecay",
];
