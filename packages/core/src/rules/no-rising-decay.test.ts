/** Tests for no-rising-decay: decay schedules that end above their start. */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./no-rising-decay";

runRuleTests(rule, {
  valid: [
    `
lr_scheduler:
  name: PolynomialDecay
  learning_rate: 0.01
  decay_steps: 1000
  end_lr: 0.001
`,
    // The warmup's ramp is not counted: the decay starts at its own first value.
    `
lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: CosineAnnealingDecay
    learning_rate: 0.1
    T_max: 1000
  warmup_steps: 100
  start_lr: 0.0
  end_lr: 0.1
`,
    // NoamDecay starts at 0 by design.
    `
lr_scheduler:
  name: NoamDecay
  d_model: 512
  warmup_steps: 4000
`,
  ],
  invalid: [
    {
      name: "end_lr above learning_rate",
      code: `
lr_scheduler:
  name: PolynomialDecay
  learning_rate: 0.001
  decay_steps: 1000
  end_lr: 0.01
          ^^^^ warning
`,
      errors: [
        {
          message:
            "PolynomialDecay ends higher than it starts: the LR goes from 0.0009999999999999992 (step 0) to 0.01 (step 1000), because end_lr 0.01 is above learning_rate 0.001. A decay should lower the LR; check for swapped values.",
        },
      ],
      output: null,
    },
    {
      name: "eta_min above learning_rate inside a warmup",
      code: `
lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: CosineAnnealingDecay
    learning_rate: 0.01
    T_max: 1000
    eta_min: 0.1
             ^^^ warning
  warmup_steps: 100
  start_lr: 0.0
  end_lr: 0.01
`,
      errors: [{ messageIncludes: ["eta_min 0.1 is above learning_rate 0.01"] }],
    },
    {
      name: "PaddleSeg PolynomialDecay whose end_lr exceeds learning_rate",
      code: `
iters: 1000
lr_scheduler:
  type: PolynomialDecay
  learning_rate: 0.00001
  end_lr: 0.001
          ^^^^^ warning
`,
    },
  ],
});
