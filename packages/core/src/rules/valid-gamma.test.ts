/** Tests for valid-gamma: decay factors Paddle accepts outside (0, 1). */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./valid-gamma";

runRuleTests(rule, {
  valid: [
    `
lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [3000, 6000]
  gamma: 0.1
`,
    // gamma >= 1 is Paddle's own error (valid-paddle-args), not this warning.
    `
lr_scheduler:
  name: StepDecay
  learning_rate: 0.1
  step_size: 1000
  gamma: 1.5
`,
    // A negative gamma that flips the LR within the run is no-negative-lr's error.
    `
lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [100, 200]
  gamma: -0.5
`,
  ],
  invalid: [
    {
      name: "a zero gamma kills the LR at the first milestone",
      code: `
lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [3000, 6000]
  gamma: 0
         ^ warning
`,
      errors: [
        {
          message:
            "MultiStepDecay multiplies the LR by `gamma` = 0 at each drop: the LR becomes 0 at the first drop and the rest of training learns nothing. A decay factor belongs in (0, 1), typically 0.1–0.5.",
        },
      ],
      output: null,
    },
    {
      name: "a negative InverseTimeDecay rate grows the LR until Paddle divides by zero",
      code: `
lr_scheduler:
  name: InverseTimeDecay
  learning_rate: 0.1
  gamma: -0.01
         ^^^^^ warning
`,
      errors: [
        {
          message:
            "InverseTimeDecay divides the LR by 1 + `gamma`·t with `gamma` = -0.01: the LR grows instead of decaying, and Paddle divides by zero at step 100 (then the LR turns negative). Use a positive rate.",
        },
      ],
    },
    {
      name: "ReduceOnPlateau's factor",
      code: `
lr_scheduler:
  name: ReduceOnPlateau
  learning_rate: 0.1
  factor: -0.5
          ^^^^ warning
`,
      errors: [{ messageIncludes: ["ReduceOnPlateau multiplies the LR by `factor` = -0.5", "changes sign"] }],
    },
    {
      name: "PaddleDetection PiecewiseDecay gamma list entries that grow the LR",
      code: `
epoch: 24
LearningRate:
  base_lr: 0.01
  schedulers:
  - !PiecewiseDecay
    gamma: [0.1, 2.0]
                 ^^^ warning
    milestones: [16, 22]
  - !LinearWarmup
    start_factor: 0.1
    steps: 1000
`,
      errors: [{ messageIncludes: ["grows ×2"] }],
    },
  ],
});
