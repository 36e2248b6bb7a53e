/** Tests for prefer-typical-warmup: warmups outside 1k–10k iterations. */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./prefer-typical-warmup";

runRuleTests(rule, {
  valid: [
    `
lr_scheduler:
  name: LinearWarmup
  learning_rate: 0.1
  warmup_steps: 2000
  start_lr: 0.0
  end_lr: 0.1
`,
    // Warmup in epochs with steps per epoch unknown: the iteration count is not known.
    `
Global:
  epoch_num: 100
Optimizer:
  name: Momentum
  lr:
    name: Cosine
    learning_rate: 0.1
    warmup_epoch: 1
`,
  ],
  invalid: [
    {
      name: "a 200-step warmup",
      code: `
lr_scheduler:
  name: LinearWarmup
  learning_rate: 0.1
  warmup_steps: 200
                ^^^ information
  start_lr: 0.0
  end_lr: 0.1
`,
      errors: [
        {
          message:
            "The warmup (`warmup_steps`) lasts 200 iterations, outside the usual 1,000–10,000 (CV 1k–5k, NLP 1k–10k): a warmup this short may not carry a freshly initialised network through its first large updates.",
        },
      ],
      output: null,
    },
    {
      name: "PaddleOCR warmup epochs with a known steps per epoch",
      stepsPerEpoch: 5000,
      code: `
Global:
  epoch_num: 100
Optimizer:
  name: Momentum
  lr:
    name: Cosine
    learning_rate: 0.1
    warmup_epoch: 5
                  ^ information
`,
      errors: [{ messageIncludes: ["lasts 25000 iterations", "spends a large part of training at a low LR"] }],
    },
    {
      name: "PaddleDetection warmup steps",
      code: `
epoch: 12
LearningRate:
  base_lr: 0.01
  schedulers:
  - !PiecewiseDecay
    gamma: 0.1
    milestones: [8, 11]
  - !LinearWarmup
    start_factor: 0.001
    steps: 500
           ^^^ information
`,
    },
  ],
});
