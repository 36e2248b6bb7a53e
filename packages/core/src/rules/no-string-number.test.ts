/** Tests for no-string-number: YAML 1.1 strings such as `1e-3`, except where the suite converts strings itself. */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./no-string-number";

runRuleTests(rule, {
  valid: [
    `
lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: 1.0e-3
  T_max: 1000
`,
    // Quoted on purpose: a string in every YAML version (valid-param-type's business, not this rule's).
    `
lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: "1e-3"
  T_max: 1000
`,
    // PaddleClas runs ast.literal_eval on strings in mappings: 1e-3 arrives as 0.001.
    `
Global:
  epochs: 120
Arch:
  name: ResNet50
Optimizer:
  name: Momentum
  lr:
    name: Cosine
    learning_rate: 1e-3
    warmup_epoch: 5
`,
    // PaddleOCR's LinearWarmupCosine calls float() on its inputs.
    `
Global:
  epoch_num: 10
Optimizer:
  name: AdamW
  lr:
    name: LinearWarmupCosine
    learning_rate: 1e-4
    start_lr: 1e-5
    min_lr: 1e-8
    warmup_steps: 5000
`,
  ],
  invalid: [
    {
      name: "the generic form passes the string to Paddle, which rejects it",
      code: `
lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: 1e-3
                 ^^^^ error
  T_max: 1000
`,
      errors: [
        {
          message:
            "`learning_rate: 1e-3` is a string for PyYAML (YAML 1.1 needs a dot and a signed exponent): CosineAnnealingDecay rejects it at construction (TypeError), so training does not start. Write `1.0e-3`.",
        },
      ],
      output: `
lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: 1.0e-3
  T_max: 1000
`,
    },
    {
      name: "an integral value where Paddle wants an int is written as digits",
      code: `
lr_scheduler:
  name: LinearWarmup
  learning_rate: 0.1
  warmup_steps: 5E3
                ^^^ error
  start_lr: 0.0
  end_lr: 0.1
`,
      output: `
lr_scheduler:
  name: LinearWarmup
  learning_rate: 0.1
  warmup_steps: 5000
  start_lr: 0.0
  end_lr: 0.1
`,
    },
    {
      name: "an upper-case exponent keeps its letter",
      code: `
lr_scheduler:
  name: ExponentialDecay
  learning_rate: 5E-2
                 ^^^^ error
  gamma: 0.9
`,
      output: `
lr_scheduler:
  name: ExponentialDecay
  learning_rate: 5.0E-2
  gamma: 0.9
`,
    },
    {
      name: "PaddleOCR Cosine passes learning_rate to Paddle unchanged",
      code: `
Global:
  epoch_num: 500
Optimizer:
  name: Adam
  lr:
    name: Cosine
    learning_rate: 1e-3
                   ^^^^ error
    warmup_epoch: 2
`,
      output: `
Global:
  epoch_num: 500
Optimizer:
  name: Adam
  lr:
    name: Cosine
    learning_rate: 1.0e-3
    warmup_epoch: 2
`,
    },
    {
      name: "a list item of PiecewiseDecay values, which Paddle does not check (warning)",
      code: `
lr_scheduler:
  name: PiecewiseDecay
  boundaries: [1000, 2000]
  values: [0.1, 1e-2, 1.0e-3]
                ^^^^ warning
`,
      errors: [{ messageIncludes: ['PiecewiseDecay receives the string "1e-2" instead of a number'] }],
      output: `
lr_scheduler:
  name: PiecewiseDecay
  boundaries: [1000, 2000]
  values: [0.1, 1.0e-2, 1.0e-3]
`,
    },
  ],
});
