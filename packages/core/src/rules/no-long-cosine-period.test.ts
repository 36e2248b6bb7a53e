/** Tests for no-long-cosine-period: a cosine cut off high because T_max is far past the end of training. */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./no-long-cosine-period";

runRuleTests(rule, {
  valid: [
    `
iters: 20000
lr_scheduler:
  type: CosineAnnealingDecay
  learning_rate: 0.01
  T_max: 22000
`,
    // PaddleOCR's Cosine with warmup ends slightly above 0 by design (warmup not subtracted): not "much" longer.
    `
Global:
  epoch_num: 100
Optimizer:
  name: Momentum
  lr:
    name: Cosine
    learning_rate: 0.1
    warmup_epoch: 5
`,
  ],
  invalid: [
    {
      name: "PaddleSeg T_max four times the iterations",
      code: `
iters: 20000
lr_scheduler:
  type: CosineAnnealingDecay
  learning_rate: 0.01
  T_max: 80000
         ^^^^^ information
`,
      errors: [{ messageIncludes: ["T_max (`T_max`: 80000) is much longer than the 20000 steps the cosine runs", "85% of the way"] }],
      output: `
iters: 20000
lr_scheduler:
  type: CosineAnnealingDecay
  learning_rate: 0.01
  T_max: 20000
`,
    },
  ],
});
