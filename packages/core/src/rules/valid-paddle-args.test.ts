/** Tests for valid-paddle-args: Paddle's construction errors on the offending parameter, in every dialect. */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./valid-paddle-args";

runRuleTests(rule, {
  valid: [
    `
lr_scheduler:
  name: StepDecay
  learning_rate: 0.1
  step_size: 30
  gamma: 0.5
`,
    // Reported by the more specific rules instead: a missing argument, a YAML 1.1 string, unsorted milestones.
    `
lr_scheduler:
  name: ExponentialDecay
  learning_rate: 0.1
`,
    `
lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [60, 30]
`,
  ],
  invalid: [
    {
      name: "an assertion Paddle makes on step_size",
      code: `
lr_scheduler:
  name: StepDecay
  learning_rate: 0.1
  step_size: 0
             ^ error
  gamma: 0.5
`,
      errors: [
        {
          message:
            "StepDecay rejects `step_size`: AssertionError: 'step_size' must be a positive integer.. Paddle raises this when the scheduler is built, so training stops before the first iteration.",
        },
      ],
      output: null,
    },
    {
      name: "a negative learning rate of the wrapped scheduler, reported on the wrapped key",
      code: `
lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: CosineAnnealingDecay
    learning_rate: -0.1
                   ^^^^ error
    T_max: 1000
  warmup_steps: 100
  start_lr: 0.0
  end_lr: 0.1
`,
      errors: [{ messageIncludes: ["CosineAnnealingDecay rejects `learning_rate`", "Invalid learning rate: -0.1"] }],
    },
    {
      name: "LinearWarmup's end_lr must be above start_lr",
      code: `
lr_scheduler:
  name: LinearWarmup
  learning_rate: 0.1
  warmup_steps: 100
  start_lr: 0.1
  end_lr: 0.01
          ^^^^ error
`,
      errors: [{ messageIncludes: ["end_lr 0.01 must be greater than start_lr 0.1"] }],
    },
    {
      name: "PaddleSeg passes its keys to Paddle's class: a zero power",
      code: `
iters: 10000
lr_scheduler:
  type: PolynomialDecay
  learning_rate: 0.01
  power: 0.0
         ^^^ error
`,
    },
    {
      name: "PaddleOCR Step with gamma 1.0, which Paddle's StepDecay rejects",
      code: `
Global:
  epoch_num: 100
Optimizer:
  name: Momentum
  lr:
    name: Step
    learning_rate: 0.1
    step_size: 30
    gamma: 1.0
           ^^^ error
`,
      errors: [{ messageIncludes: ["StepDecay rejects `gamma`", "gamma should be < 1.0"] }],
    },
  ],
});
