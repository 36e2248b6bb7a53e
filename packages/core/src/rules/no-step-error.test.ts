/** Tests for no-step-error: errors Paddle raises part-way through the run. */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./no-step-error";

runRuleTests(rule, {
  valid: [
    `
lr_scheduler:
  name: OneCycleLR
  max_learning_rate: 0.1
  total_steps: 1000
`,
    // Without a training length there is no "before the end of training" (valid-gamma warns about the rate).
    `
lr_scheduler:
  name: InverseTimeDecay
  learning_rate: 0.1
  gamma: -0.01
`,
    // Paddle's OneCycleLR takes total_steps + 1 values: exactly the iterations of the run.
    `
iters: 1001
lr_scheduler:
  type: OneCycleLR
  max_learning_rate: 0.01
  total_steps: 1000
`,
  ],
  invalid: [
    {
      name: "PaddleSeg InverseTimeDecay with a negative rate divides by zero at step 100 of the run",
      code: `
iters: 500
lr_scheduler:
  type: InverseTimeDecay
  learning_rate: 0.1
  gamma: -0.01
         ^^^^^ error
`,
      errors: [
        {
          message:
            'InverseTimeDecay raises ZeroDivisionError at step 100 of 500 (iters): "float division by zero". Training crashes there; make the schedule cover the whole run.',
        },
      ],
      output: null,
    },
    {
      name: "PaddleSeg runs OneCycleLR past total_steps",
      code: `
iters: 2000
lr_scheduler:
  type: OneCycleLR
  max_learning_rate: 0.01
  total_steps: 1000
               ^^^^ error
`,
      errors: [{ messageIncludes: ["OneCycleLR raises ValueError at step 1001 of 2000 (iters)", "Tried to step 1001 times"] }],
    },
  ],
});
