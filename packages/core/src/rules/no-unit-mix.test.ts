/** Tests for no-unit-mix: the seed article's DBNet config and its two fixes. */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./no-unit-mix";

const DBNET = `
lr_scheduler:
  name: LinearWarmup
  start_lr: 0.0
  end_lr: 0.007
  warmup_steps: 2000
  scheduler:
    name: MultiStepDecay
    milestones: [300, 400]
                ^^^^^^^^^^ warning
    gamma: 0.1
`;

runRuleTests(rule, {
  valid: [
    `
lr_scheduler:
  name: LinearWarmup
  start_lr: 0.0
  end_lr: 0.007
  warmup_steps: 2000
  scheduler:
    name: MultiStepDecay
    milestones: [300000, 400000]
    gamma: 0.1
`,
    // PaddleOCR scales milestones (epochs) itself: they cannot be in the warmup's unit by mistake.
    `
Global:
  epoch_num: 500
Optimizer:
  name: Adam
  lr:
    name: MultiStepDecay
    learning_rate: 0.001
    milestones: [300, 400]
    warmup_epoch: 2
`,
  ],
  invalid: [
    {
      name: "the seed article's DBNet, steps per epoch unknown: no fix, and the message says how to get one",
      code: DBNET,
      errors: [
        {
          message:
            "`warmup_steps: 2000` counts steps, but `milestones` [300, 400] look like epochs: stepped once per iteration like the warmup, the LR changes at step 2300 to 0.1× and step 2400 to 0.01×, only 400 steps after the warmup ends. Scale `milestones` by the steps per epoch, or count the warmup in epochs. Set `# lrlens: steps-per-epoch=N` (or --steps-per-epoch) to get a fix.",
        },
      ],
      output: null,
    },
    {
      name: "the DBNet with steps per epoch known: milestones scaled to steps",
      stepsPerEpoch: 250,
      code: DBNET,
      output: `
lr_scheduler:
  name: LinearWarmup
  start_lr: 0.0
  end_lr: 0.007
  warmup_steps: 2000
  scheduler:
    name: MultiStepDecay
    milestones: [75000, 100000]
    gamma: 0.1
`,
    },
    {
      name: "the DBNet with steps per epoch known: the warmup counted in epochs instead",
      stepsPerEpoch: 250,
      fix: "Count the warmup in epochs",
      code: DBNET,
      output: `
lr_scheduler:
  name: LinearWarmup
  start_lr: 0.0
  end_lr: 0.007
  warmup_steps: 8
  scheduler:
    name: MultiStepDecay
    milestones: [300, 400]
    gamma: 0.1
`,
    },
    {
      name: "PaddleSeg counts milestones in iterations too: [30, 40] after a 1500-iteration warmup are epochs",
      stepsPerEpoch: 100,
      code: `
iters: 80000
lr_scheduler:
  type: MultiStepDecay
  learning_rate: 0.01
  milestones: [30, 40]
              ^^^^^^^^ warning
  warmup_iters: 1500
  warmup_start_lr: 0.0
`,
      errors: [{ messageIncludes: ["`warmup_iters: 1500` counts steps, but `milestones` [30, 40] look like epochs", "step 1530 to 0.1×"] }],
      output: `
iters: 80000
lr_scheduler:
  type: MultiStepDecay
  learning_rate: 0.01
  milestones: [3000, 4000]
  warmup_iters: 1500
  warmup_start_lr: 0.0
`,
    },
    {
      name: "a cosine period in epochs after a warmup in steps, steps per epoch from the file's comment",
      code: `
# lrlens: steps-per-epoch=100
lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: CosineAnnealingDecay
    learning_rate: 0.1
    T_max: 90
           ^^ warning
  warmup_steps: 1000
  start_lr: 0.0
  end_lr: 0.1
`,
      errors: [{ messageIncludes: ["reaches its minimum at step 1090"] }],
      output: `
# lrlens: steps-per-epoch=100
lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: CosineAnnealingDecay
    learning_rate: 0.1
    T_max: 9000
  warmup_steps: 1000
  start_lr: 0.0
  end_lr: 0.1
`,
    },
  ],
});
