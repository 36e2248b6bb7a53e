/** Tests for no-negative-lr: negative, NaN or infinite LRs within the run, placed on their cause. */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./no-negative-lr";

runRuleTests(rule, {
  valid: [
    `
lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [100, 200]
  gamma: 0.5
`,
    // ReduceOnPlateau does not check its learning rate, but a positive one stays positive.
    `
lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: 0.1
  T_max: 100
  eta_min: 0.0
`,
  ],
  invalid: [
    {
      name: "a negative MultiStepDecay gamma flips the sign at the first milestone",
      code: `
lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [100, 200]
  gamma: -0.5
         ^^^^ error
`,
      errors: [
        {
          message:
            "The learning rate becomes negative (-0.05) at step 100 of 300 (last milestone + the gap before it): gamma -0.5 < 0 flips the sign at every drop. Training with it is broken from that step on.",
        },
      ],
      output: null,
    },
    {
      name: "a negative eta_min",
      code: `
lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: 0.1
  T_max: 100
  eta_min: -0.01
           ^^^^^ error
`,
      errors: [{ messageIncludes: ["eta_min -0.01 is negative"] }],
    },
    {
      name: "a lambda factor that turns negative",
      code: `
lr_scheduler:
  name: LambdaDecay
  learning_rate: 0.1
  lr_lambda: "lambda epoch: 1 - epoch / 500"
             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error
`,
      errors: [{ messageIncludes: ["at step 501 of 1000"] }],
    },
  ],
});
