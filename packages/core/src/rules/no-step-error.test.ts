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
    `
lr_scheduler:
  name: InverseTimeDecay
  learning_rate: 0.1
  gamma: 0.01
`,
  ],
  invalid: [
    {
      name: "InverseTimeDecay with a negative gamma divides by zero at step 100",
      code: `
lr_scheduler:
  name: InverseTimeDecay
        ^^^^^^^^^^^^^^^^ error
  learning_rate: 0.1
  gamma: -0.01
`,
      errors: [{ messageIncludes: ["InverseTimeDecay raises ZeroDivisionError at step 100 of 1000"] }],
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
      errors: [{ messageIncludes: ["OneCycleLR raises ValueError at step 1001 of 2000 (iters)", "Tried to step 1002 times"] }],
    },
  ],
});
