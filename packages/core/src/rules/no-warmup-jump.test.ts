/** Tests for no-warmup-jump: a LinearWarmup whose end_lr is not the wrapped scheduler's first LR. */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./no-warmup-jump";

runRuleTests(rule, {
  valid: [
    `
lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: CosineAnnealingDecay
    learning_rate: 0.1
    T_max: 10000
  warmup_steps: 2000
  start_lr: 0.0
  end_lr: 0.1
`,
    // The seed's DBNet: the wrapped scheduler takes end_lr as its learning_rate.
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
    // Suites ramp to their own base LR.
    `
iters: 20000
lr_scheduler:
  type: PolynomialDecay
  learning_rate: 0.01
  warmup_iters: 1500
  warmup_start_lr: 0.0
`,
  ],
  invalid: [
    {
      name: "a ramp to 0.01 followed by a cosine at 0.1",
      code: `
lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: CosineAnnealingDecay
    learning_rate: 0.1
    T_max: 10000
  warmup_steps: 2000
  start_lr: 0.0
  end_lr: 0.01
          ^^^^ warning
`,
      errors: [
        {
          message:
            "The warmup ramps towards end_lr 0.01, but CosineAnnealingDecay starts at 0.1: the LR jumps up ×10 at step 2000, when the warmup hands over. Make end_lr the wrapped scheduler's first LR.",
        },
      ],
      output: `
lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: CosineAnnealingDecay
    learning_rate: 0.1
    T_max: 10000
  warmup_steps: 2000
  start_lr: 0.0
  end_lr: 0.1
`,
    },
    {
      name: "the other fix moves the wrapped scheduler's learning_rate instead",
      fix: "learning_rate to",
      code: `
lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: CosineAnnealingDecay
    learning_rate: 0.1
    T_max: 10000
  warmup_steps: 2000
  start_lr: 0.0
  end_lr: 1.0e-2
          ^^^^^^ warning
`,
      output: `
lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: CosineAnnealingDecay
    learning_rate: 1.0e-2
    T_max: 10000
  warmup_steps: 2000
  start_lr: 0.0
  end_lr: 1.0e-2
`,
    },
    {
      name: "OneCycleLR starts at max/25, so a ramp to the max drops at the hand-over",
      code: `
lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: OneCycleLR
    max_learning_rate: 0.1
    total_steps: 10000
  warmup_steps: 1000
  start_lr: 0.0
  end_lr: 0.1
          ^^^ warning
`,
      errors: [{ messageIncludes: ["OneCycleLR starts at 0.0040000000000000036", "jumps down"] }],
    },
  ],
});
