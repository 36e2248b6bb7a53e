/** Tests for no-early-zero-lr: a long tail of zero LR before the end of training. */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./no-early-zero-lr";

runRuleTests(rule, {
  valid: [
    `
iters: 10000
lr_scheduler:
  type: PolynomialDecay
  learning_rate: 0.01
  end_lr: 0
`,
    // Without a training length, lrlens' default horizon proves nothing.
    `
lr_scheduler:
  name: ExponentialDecay
  learning_rate: 0.1
  gamma: 0.5
`,
  ],
  invalid: [
    {
      name: "PaddleSeg PolynomialDecay that reaches 0 after a fifth of the iterations",
      code: `
iters: 10000
lr_scheduler:
  type: PolynomialDecay
        ^^^^^^^^^^^^^^^ warning
  learning_rate: 0.01
  end_lr: 0
  decay_steps: 2000
`,
      errors: [
        {
          message:
            "The learning rate falls to zero (below 1e-8, a millionth of its peak 0.01) at step 2000 and stays there: the last 80% of the run (8000 of 10000 steps, iters) trains with no learning rate.",
        },
      ],
      output: null,
    },
    {
      name: "PaddleOCR Step dividing by ten every epoch",
      code: `
Global:
  epoch_num: 20
Optimizer:
  name: Momentum
  lr:
    name: Step
          ^^^^ warning
    learning_rate: 0.1
    step_size: 1
    gamma: 0.1
`,
      errors: [{ messageIncludes: ["stays there"] }],
    },
  ],
});
