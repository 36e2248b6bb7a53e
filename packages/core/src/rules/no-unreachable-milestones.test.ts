/** Tests for no-unreachable-milestones: drops scheduled at or after the end of training. */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./no-unreachable-milestones";

runRuleTests(rule, {
  valid: [
    `
iters: 10000
lr_scheduler:
  type: MultiStepDecay
  learning_rate: 0.01
  milestones: [6000, 9000]
  gamma: 0.1
`,
    // No training length in the generic form.
    `
lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.01
  milestones: [6000, 900000]
`,
    // PaddleOCR milestones are epochs: compared with Global.epoch_num whatever the steps per epoch.
    `
Global:
  epoch_num: 100
Optimizer:
  name: Momentum
  lr:
    name: MultiStepDecay
    learning_rate: 0.1
    milestones: [60, 80]
    gamma: 0.1
`,
  ],
  invalid: [
    {
      name: "a PaddleSeg milestone past iters",
      code: `
iters: 10000
lr_scheduler:
  type: MultiStepDecay
  learning_rate: 0.01
  milestones: [6000, 9000, 12000]
              ^^^^^^^^^^^^^^^^^^^ warning
  gamma: 0.1
`,
      errors: [
        {
          message:
            "`milestones` entry 12000 falls at or after step 10000, the end of training (iters): that drop never happens, so the LR stays higher than the config suggests.",
        },
      ],
      output: `
iters: 10000
lr_scheduler:
  type: MultiStepDecay
  learning_rate: 0.01
  milestones: [6000, 9000]
  gamma: 0.1
`,
    },
    {
      name: "milestones of a wrapped scheduler count after the warmup (PaddleSeg knet: 60000 lands at 61000)",
      code: `
iters: 60500
lr_scheduler:
  type: MultiStepDecay
  learning_rate: 0.0001
  milestones:
  - 30000
  - 60000
  gamma: 0.1
  warmup_iters: 1000
  warmup_start_lr: 0.0
`,
      errors: [{ severity: "warning", range: [[5, 2], [6, 9]], messageIncludes: ["60000 (counted after the 1000-step warmup)"] }],
      output: `
iters: 60500
lr_scheduler:
  type: MultiStepDecay
  learning_rate: 0.0001
  milestones:
  - 30000
  gamma: 0.1
  warmup_iters: 1000
  warmup_start_lr: 0.0
`,
    },
    {
      name: "PaddleOCR Piecewise: the boundary and the value after it are removed",
      code: `
Global:
  epoch_num: 50
Optimizer:
  name: Momentum
  lr:
    name: Piecewise
    decay_epochs: [30, 60]
                  ^^^^^^^^ warning
    values: [0.1, 0.01, 0.001]
`,
      errors: [
        {
          message:
            "`decay_epochs` entry 60 falls at or after epoch 50, the end of training (Global.epoch_num): that drop never happens, so the LR stays higher than the config suggests.",
        },
      ],
      output: `
Global:
  epoch_num: 50
Optimizer:
  name: Momentum
  lr:
    name: Piecewise
    decay_epochs: [30]
    values: [0.1, 0.01]
`,
      changes: ["Optimizer.lr.decay_epochs", "Optimizer.lr.values"],
    },
    {
      name: "a PaddleSeg StepDecay whose step size never fires (configs/pssl)",
      code: `
iters: 80000
lr_scheduler:
  type: StepDecay
  learning_rate: 0.01
  step_size: 2500000
             ^^^^^^^ warning
  gamma: 0.5
`,
      errors: [{ messageIncludes: ["the LR never decays"] }],
    },
  ],
});
