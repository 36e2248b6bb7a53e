/** Tests for prefer-moderate-gamma: the seed article's [0.3, 0.7] advice for StepDecay. */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./prefer-moderate-gamma";

runRuleTests(rule, {
  valid: [
    `
lr_scheduler:
  name: StepDecay
  learning_rate: 0.1
  step_size: 1000
  gamma: 0.5
`,
    // MultiStepDecay's 0.1 is the usual large drop at a few milestones.
    `
lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [3000, 6000]
  gamma: 0.1
`,
  ],
  invalid: [
    {
      name: "a steep StepDecay gamma",
      code: `
lr_scheduler:
  name: StepDecay
  learning_rate: 0.1
  step_size: 1000
  gamma: 0.1
         ^^^ information
`,
      errors: [
        {
          message:
            "StepDecay `gamma` is 0.1: each step divides the LR by 10, a steep drop that can freeze the model before it has learned enough. The usual advice for StepDecay is a gamma between 0.3 and 0.7.",
        },
      ],
      output: null,
    },
    {
      name: "the seed article's own StepDecay(0.01, 1000, 0.9)",
      code: `
lr_scheduler:
  name: StepDecay
  learning_rate: 0.01
  step_size: 1000
  gamma: 0.9
         ^^^ information
`,
      errors: [{ messageIncludes: ["lowers the LR by only 10%"] }],
    },
    {
      name: "Paddle's default gamma when none is written",
      code: `
lr_scheduler:
  name: StepDecay
        ^^^^^^^^^ information
  learning_rate: 0.1
  step_size: 1000
`,
      errors: [{ messageIncludes: ["0.1 (Paddle's default)"] }],
    },
    {
      name: "PaddleSeg StepDecay",
      code: `
iters: 40000
lr_scheduler:
  type: StepDecay
  learning_rate: 0.01
  step_size: 10000
  gamma: 0.2
         ^^^ information
`,
    },
  ],
});
