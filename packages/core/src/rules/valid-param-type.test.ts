/** Tests for valid-param-type: ints written as floats, floats written as ints, quoted numbers. */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./valid-param-type";

runRuleTests(rule, {
  valid: [
    `
lr_scheduler:
  name: StepDecay
  learning_rate: 0.1
  step_size: 30
  gamma: 0.5
`,
    // LinearLR does not check the type of total_steps.
    `
lr_scheduler:
  name: LinearLR
  learning_rate: 0.1
  total_steps: 100.0
`,
  ],
  invalid: [
    {
      name: "a float step_size",
      code: `
lr_scheduler:
  name: StepDecay
  learning_rate: 0.1
  step_size: 30.0
             ^^^^ error
  gamma: 0.5
`,
      errors: [
        {
          message:
            "`step_size: 30.0` has the wrong type: StepDecay wants an int and raises \"The type of 'step_size' must be 'int', but received <class 'float'>.\" at construction. Write `30`.",
        },
      ],
      output: `
lr_scheduler:
  name: StepDecay
  learning_rate: 0.1
  step_size: 30
  gamma: 0.5
`,
    },
    {
      name: "a quoted T_max",
      code: `
lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: 0.1
  T_max: "1000"
         ^^^^^^ error
`,
      output: `
lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: 0.1
  T_max: 1000
`,
    },
    {
      name: "OneCycleLR's phase_pct must be a float",
      code: `
lr_scheduler:
  name: OneCycleLR
  max_learning_rate: 0.1
  total_steps: 1000
  phase_pct: 0
             ^ error
`,
      output: `
lr_scheduler:
  name: OneCycleLR
  max_learning_rate: 0.1
  total_steps: 1000
  phase_pct: 0.0
`,
    },
    {
      name: "a float warmup_steps of a wrapping LinearWarmup",
      code: `
lr_scheduler:
  name: LinearWarmup
  learning_rate: 0.1
  warmup_steps: 500.0
                ^^^^^ error
  start_lr: 0.0
  end_lr: 0.1
`,
      output: `
lr_scheduler:
  name: LinearWarmup
  learning_rate: 0.1
  warmup_steps: 500
  start_lr: 0.0
  end_lr: 0.1
`,
    },
  ],
});
