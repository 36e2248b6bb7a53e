/** Tests for no-missing-param: required arguments Paddle's signatures have no default for. */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./no-missing-param";

runRuleTests(rule, {
  valid: [
    `
lr_scheduler:
  name: ExponentialDecay
  learning_rate: 0.1
  gamma: 0.9
`,
    `
lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [30, 60]
`,
  ],
  invalid: [
    {
      name: "ExponentialDecay's gamma has no default despite its docstring",
      code: `
lr_scheduler:
  name: ExponentialDecay
        ^^^^^^^^^^^^^^^^ error
  learning_rate: 0.1
`,
      errors: [
        {
          message:
            "ExponentialDecay needs `gamma`, which has no default: the constructor call fails with TypeError (ExponentialDecay.__init__() missing 1 required positional argument: 'gamma') before training starts. Add `gamma:` with the value you intend.",
        },
      ],
      output: null,
    },
    {
      name: "a wrapped CosineAnnealingDecay without T_max is reported on its own name",
      code: `
lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: CosineAnnealingDecay
          ^^^^^^^^^^^^^^^^^^^^ error
    learning_rate: 0.1
  warmup_steps: 100
  start_lr: 0.0
  end_lr: 0.1
`,
      errors: [{ messageIncludes: ["CosineAnnealingDecay needs `T_max`"] }],
    },
  ],
});
