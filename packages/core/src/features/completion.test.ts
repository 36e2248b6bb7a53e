import { describe, expect, it } from "vitest";
import { completionsAt, yamlNumber } from "./completion";
import { analyzeAtCursor } from "./testing/fixtures";

function complete(marked: string, rel?: string) {
  const { analysis, offset } = analyzeAtCursor(marked, rel);
  return { items: completionsAt(analysis, offset), text: analysis.text };
}

const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe("completionsAt", () => {
  it("offers Paddle's scheduler classes in the generic form, with a snippet of the required parameters", () => {
    const { items, text } = complete("lr_scheduler:\n  name: |\n");
    expect(labels(items)).toEqual(expect.arrayContaining(["MultiStepDecay", "CosineAnnealingDecay", "LinearWarmup", "OneCycleLR", "CyclicLR"]));
    const multi = items.find((i) => i.label === "MultiStepDecay")!;
    expect(multi.kind).toBe("scheduler");
    expect(multi.snippet).toBe(true);
    expect(multi.insertText).toBe("MultiStepDecay\n  learning_rate: ${1:0.1}\n  milestones: ${2:[30, 60, 90]}");
    expect(text.slice(multi.replace.start, multi.replace.end)).toBe("");
  });

  it("adds the space a bare colon lacks, and replaces the half-typed name", () => {
    const { items, text } = complete("lr_scheduler:\n  name:Mul|tiX\n");
    const multi = items.find((i) => i.label === "MultiStepDecay")!;
    expect(text.slice(multi.replace.start, multi.replace.end)).toBe("MultiX");
    const { items: bare } = complete("lr_scheduler:\n  name:|\n");
    expect(bare.find((i) => i.label === "StepDecay")!.insertText.startsWith(" StepDecay")).toBe(true);
  });

  it("offers the parameters a scheduler lacks, with docs and Paddle's defaults, required ones first", () => {
    const { items } = complete("lr_scheduler:\n  name: MultiStepDecay\n  learning_rate: 0.1\n  |\n");
    expect(labels(items)).toEqual(expect.arrayContaining(["milestones", "gamma", "last_epoch"]));
    expect(labels(items)).not.toContain("learning_rate");
    const gamma = items.find((i) => i.label === "gamma")!;
    expect(gamma.documentation).toContain("Default: `0.1`");
    expect(gamma.insertText).toBe("gamma: ${1:0.1}");
    expect([...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0].label).toBe("milestones");
  });

  it("reads the scheduler of a nested LinearWarmup block", () => {
    const { items } = complete("lr_scheduler:\n  name: LinearWarmup\n  warmup_steps: 2000\n  learning_rate:\n    name: CosineAnnealingDecay\n    |\n");
    expect(labels(items)).toEqual(expect.arrayContaining(["T_max", "eta_min"]));
    expect(labels(items)).not.toContain("warmup_steps");
  });

  it("offers enum values: CyclicLR's mode, OneCycleLR's anneal_strategy, ReduceOnPlateau's threshold_mode", () => {
    expect(labels(complete("lr_scheduler:\n  name: CyclicLR\n  mode: |\n").items)).toEqual(["triangular", "triangular2", "exp_range"]);
    expect(labels(complete("lr_scheduler:\n  name: OneCycleLR\n  anneal_strategy: |\n").items)).toEqual(["cos", "linear"]);
    expect(labels(complete("lr_scheduler:\n  name: ReduceOnPlateau\n  threshold_mode: |\n").items)).toEqual(["rel", "abs"]);
    expect(labels(complete("lr_scheduler:\n  name: CyclicLR\n  scale_mode: |\n").items)).toEqual(["cycle", "iterations"]);
  });

  it("offers PaddleOCR's own names under Optimizer.lr, and their keys", () => {
    const ocr = "Global:\n  epoch_num: 100\nOptimizer:\n  name: Adam\n  lr:\n    name: |\n";
    expect(labels(complete(ocr, "paddleocr/edited.yml").items)).toEqual(expect.arrayContaining(["Cosine", "Piecewise", "MultiStepDecay", "OneCycle"]));
    const keys = "Global:\n  epoch_num: 100\nOptimizer:\n  name: Adam\n  lr:\n    name: Cosine\n    |\n";
    expect(labels(complete(keys, "paddleocr/edited.yml").items)).toEqual(expect.arrayContaining(["learning_rate", "warmup_epoch"]));
  });

  it("offers PaddleDetection's scheduler tags on a new schedulers item", () => {
    const det = "epoch: 12\nLearningRate:\n  base_lr: 0.01\n  schedulers:\n  - !|\n";
    expect(labels(complete(det, "paddledet/edited.yml").items)).toEqual(expect.arrayContaining(["PiecewiseDecay", "CosineDecay", "LinearWarmup"]));
  });

  it("stays out of mappings that are not schedules", () => {
    expect(complete("Architecture:\n  name: |\n").items).toEqual([]);
    expect(complete("Global:\n  |\n").items).toEqual([]);
  });
});

describe("yamlNumber", () => {
  it("writes floats PyYAML reads back as floats, never as strings", () => {
    expect(yamlNumber(1e-5, false)).toBe("1.0e-05");
    expect(yamlNumber(1.5e-7, false)).toBe("1.5e-07");
    expect(yamlNumber(0.1, false)).toBe("0.1");
    expect(yamlNumber(1, false)).toBe("1.0");
    expect(yamlNumber(1000, true)).toBe("1000");
    expect(yamlNumber(Infinity, false)).toBe(".inf");
  });
});
