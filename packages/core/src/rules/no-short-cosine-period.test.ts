/** Tests for no-short-cosine-period: Paddle's periodic cosine climbing back within training. */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./no-short-cosine-period";

runRuleTests(rule, {
  valid: [
    `
iters: 20000
lr_scheduler:
  type: CosineAnnealingDecay
  learning_rate: 0.01
  T_max: 20000
`,
    // The generic form has no training length: T_max is the horizon itself.
    `
lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: 0.1
  T_max: 100
`,
    // PaddleOCR's Cosine derives T_max from the epochs: never shorter than training.
    `
Global:
  epoch_num: 100
Optimizer:
  name: Momentum
  lr:
    name: Cosine
    learning_rate: 0.1
    warmup_epoch: 2
`,
  ],
  invalid: [
    {
      name: "PaddleSeg T_max a quarter of the iterations",
      code: `
iters: 20000
lr_scheduler:
  type: CosineAnnealingDecay
  learning_rate: 0.01
  T_max: 5000
         ^^^^ warning
`,
      errors: [{ messageIncludes: ["T_max (`T_max`: 5000) is shorter than the 20000 steps (iters)", "Set T_max to 20000."] }],
      output: `
iters: 20000
lr_scheduler:
  type: CosineAnnealingDecay
  learning_rate: 0.01
  T_max: 20000
`,
    },
    {
      name: "the warmup is subtracted: the cosine runs after it",
      code: `
iters: 20000
lr_scheduler:
  type: CosineAnnealingDecay
  learning_rate: 0.01
  T_max: 10000
         ^^^^^ warning
  warmup_iters: 2000
  warmup_start_lr: 0.0
`,
      errors: [{ messageIncludes: ["the 18000 steps (iters, after a 2000-step warmup)"] }],
      output: `
iters: 20000
lr_scheduler:
  type: CosineAnnealingDecay
  learning_rate: 0.01
  T_max: 18000
  warmup_iters: 2000
  warmup_start_lr: 0.0
`,
    },
  ],
});
