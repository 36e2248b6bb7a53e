/** Tests for no-excessive-warmup: a warmup as long as training or longer. */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./no-excessive-warmup";

runRuleTests(rule, {
  valid: [
    `
iters: 20000
lr_scheduler:
  type: PolynomialDecay
  learning_rate: 0.01
  warmup_iters: 1500
  warmup_start_lr: 0.0
`,
    // The generic form has no training length to compare with.
    `
lr_scheduler:
  name: LinearWarmup
  learning_rate: 0.1
  warmup_steps: 100000
  start_lr: 0.0
  end_lr: 0.1
`,
    // PaddleClas clamps the warmup to the run and its dialect reports that (warmup-clamped).
    {
      name: "a PaddleClas warmup as long as training",
      code: `
Global:
  epochs: 5
Arch:
  name: ResNet50
Optimizer:
  name: Momentum
  lr:
    name: Cosine
    learning_rate: 0.1
    warmup_epoch: 5
`,
    },
    // PaddleOCR LinearWarmupCosine counts warmup in iterations, training in epochs: with steps per
    // epoch unknown the comparison would be a guess.
    `
Global:
  epoch_num: 10
Optimizer:
  name: AdamW
  lr:
    name: LinearWarmupCosine
    learning_rate: 0.0001
    warmup_steps: 5000
`,
  ],
  invalid: [
    {
      name: "PaddleSeg warmup longer than the iterations",
      code: `
iters: 1000
lr_scheduler:
  type: PolynomialDecay
  learning_rate: 0.01
  warmup_iters: 1500
                ^^^^ warning
  warmup_start_lr: 0.0
`,
      errors: [
        {
          message:
            "The warmup (`warmup_iters`: 1500 steps) is not shorter than training (1000 steps, iters): the LR is still ramping up when training stops, ending at 0.00666 instead of 0.01, and the decay never runs. Check the units of the warmup and of the training length.",
        },
      ],
      output: null,
    },
    {
      name: "PaddleOCR LinearWarmupCosine with steps per epoch known",
      stepsPerEpoch: 100,
      code: `
Global:
  epoch_num: 10
Optimizer:
  name: AdamW
  lr:
    name: LinearWarmupCosine
    learning_rate: 0.0001
    warmup_steps: 5000
                  ^^^^ warning
`,
      errors: [{ messageIncludes: ["(`warmup_steps`: 5000 steps) is not shorter than training (1000 steps, Global.epoch_num)"] }],
    },
  ],
});
