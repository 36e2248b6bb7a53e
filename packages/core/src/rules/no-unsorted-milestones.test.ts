/** Tests for no-unsorted-milestones: generic form, PaddleOCR, PaddleSeg, with sort/dedupe fixes that keep values aligned. */
import { describe, expect, it } from "vitest";
import * as rule from "./no-unsorted-milestones";
import { runRuleTests } from "./testing/rule-tester";

runRuleTests(rule, {
  valid: [
    `
lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [30, 60, 90]
`,
    `
lr_scheduler:
  name: PiecewiseDecay
  boundaries: [1000, 2000]
  values: [0.1, 0.01, 0.001]
`,
    // PaddleOCR: milestones in epochs, already increasing.
    `
Global:
  epoch_num: 100
Optimizer:
  name: Adam
  lr:
    name: MultiStepDecay
    learning_rate: 0.001
    milestones: [60, 80]
    gamma: 0.1
`,
  ],
  invalid: [
    {
      name: "MultiStepDecay rejects unsorted milestones at construction (error)",
      code: `
lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [60, 30, 90]
              ^^^^^^^^^^^^ error
  gamma: 0.5
`,
      errors: [
        {
          message:
            "`milestones` [60, 30, 90] is not in increasing order: MultiStepDecay rejects it at construction (ValueError: The elements of milestones must be incremented), so training does not start. Sort it and drop repeats.",
        },
      ],
      output: `
lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [30, 60, 90]
  gamma: 0.5
`,
    },
    {
      name: "a repeated milestone is dropped and each entry keeps its spelling",
      code: `
lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones:
  - 300
  - 3_00   # the same epoch again
  - 400
  gamma: 0.1
`,
      errors: [{ severity: "error", range: [[4, 2], [6, 7]], messageIncludes: ["repeats 300", "MultiStepDecay rejects it"] }],
      output: `
lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones:
  - 3_00   # the same epoch again
  - 400
  gamma: 0.1
`,
    },
    {
      name: "PiecewiseDecay accepts unsorted boundaries (warning) and the fix moves each value with its boundary",
      code: `
lr_scheduler:
  name: PiecewiseDecay
  boundaries: [3000, 1000]
              ^^^^^^^^^^^^ warning
  values: [0.1, 0.001, 0.01]
`,
      errors: [{ messageIncludes: ["PiecewiseDecay scans boundaries in order without checking them"] }],
      output: `
lr_scheduler:
  name: PiecewiseDecay
  boundaries: [1000, 3000]
  values: [0.1, 0.01, 0.001]
`,
      changes: ["lr_scheduler.boundaries", "lr_scheduler.values"],
    },
    {
      name: "PaddleOCR milestones in epochs are sorted in the YAML (they are scaled by steps per epoch)",
      code: `
Global:
  epoch_num: 100
Optimizer:
  name: Adam
  lr:
    name: MultiStepDecay
    learning_rate: 0.001
    milestones: [80, 60]
                ^^^^^^^^ error
    gamma: 0.1
`,
      output: `
Global:
  epoch_num: 100
Optimizer:
  name: Adam
  lr:
    name: MultiStepDecay
    learning_rate: 0.001
    milestones: [60, 80]
    gamma: 0.1
`,
    },
    {
      name: "PaddleSeg MultiStepDecay inside a warmup",
      code: `
iters: 80000
lr_scheduler:
  type: MultiStepDecay
  learning_rate: 0.01
  milestones: [60000, 40000]
              ^^^^^^^^^^^^^^ error
  warmup_iters: 1000
  warmup_start_lr: 0.0
`,
      output: `
iters: 80000
lr_scheduler:
  type: MultiStepDecay
  learning_rate: 0.01
  milestones: [40000, 60000]
  warmup_iters: 1000
  warmup_start_lr: 0.0
`,
    },
  ],
});

describe("sortedUnique", () => {
  it("sorts indices by value and keeps the last of equal values", () => {
    expect(rule.sortedUnique([30, 10, 30, 20])).toEqual([1, 3, 2]);
    expect(rule.sortedUnique([5])).toEqual([0]);
  });
});
