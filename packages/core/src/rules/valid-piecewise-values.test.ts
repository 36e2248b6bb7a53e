/** Tests for valid-piecewise-values: too few values (Paddle rejects) and too many (silently skipped). */
import { runRuleTests } from "./testing/rule-tester";
import * as rule from "./valid-piecewise-values";

runRuleTests(rule, {
  valid: [
    `
lr_scheduler:
  name: PiecewiseDecay
  boundaries: [1000, 2000]
  values: [0.1, 0.01, 0.001]
`,
    `
Global:
  epoch_num: 100
Optimizer:
  name: Momentum
  lr:
    name: Piecewise
    decay_epochs: [30, 60]
    values: [0.1, 0.01, 0.001]
`,
  ],
  invalid: [
    {
      name: "as many values as boundaries: Paddle refuses to build it",
      code: `
lr_scheduler:
  name: PiecewiseDecay
  boundaries: [1000, 2000, 3000]
  values: [0.1, 0.01, 0.001]
          ^^^^^^^^^^^^^^^^^^ error
`,
      errors: [
        {
          message:
            "`values` has 3 values for 3 boundaries (`boundaries`): PiecewiseDecay needs 4 and raises ValueError at construction, so training does not start.",
        },
      ],
      output: null,
    },
    {
      name: "extra values are skipped (warning)",
      code: `
lr_scheduler:
  name: PiecewiseDecay
  boundaries: [1000]
  values: [0.1, 0.01, 0.001]
          ^^^^^^^^^^^^^^^^^^ warning
`,
      errors: [{ messageIncludes: ["uses the first 1 and then the last one, so 1 value is silently skipped"] }],
    },
    {
      name: "PaddleOCR Piecewise with values for each decay epoch only (the suite's kie_unet_sdmgr config)",
      code: `
Global:
  epoch_num: 60
Optimizer:
  name: Adam
  lr:
    name: Piecewise
    decay_epochs: [40, 50]
    values: [0.001, 0.0001]
            ^^^^^^^^^^^^^^^ error
`,
      errors: [{ messageIncludes: ["`values` has 2 values for 2 boundaries (`decay_epochs`)"] }],
    },
  ],
});
