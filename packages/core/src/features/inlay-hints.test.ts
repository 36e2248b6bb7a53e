import { describe, expect, it } from "vitest";
import { inlayHints } from "./inlay-hints";
import { analyzeFixture, offsetOf } from "./testing/fixtures";

function hintsAt(rel: string, needle: string, delta: number, text?: string) {
  const a = analyzeFixture(rel, {}, text);
  const at = offsetOf(a.text, needle, delta);
  return inlayHints(a).filter((h) => h.offset === at).map((h) => h.label);
}

describe("inlayHints", () => {
  it("shows the LR after each DBNet milestone, counted from the end of warmup, and at warmup end", () => {
    expect(hintsAt("paddle/dbnet.yml", "[300,", 4)).toEqual(["→ 0.0007"]);
    expect(hintsAt("paddle/dbnet.yml", "400]", 3)).toEqual(["→ 7e-05"]);
    expect(hintsAt("paddle/dbnet.yml", "warmup_steps: 2000", 18)).toEqual(["→ 0.007"]);
  });

  it("marks a milestone that lands after the end of training", () => {
    const text = "lr_scheduler:\n  name: MultiStepDecay\n  learning_rate: 0.1\n  milestones: [30, 5000000]\n  gamma: 0.5\n# lrlens: steps-per-epoch=10\n";
    const a = analyzeFixture("paddle/unreachable.yml", {}, text);
    const hints = inlayHints(a);
    expect(hints.find((h) => h.offset === offsetOf(text, "30,", 2))?.label).toBe("→ 0.05");
    // The generic form's horizon is the schedule's own: the last milestone is inside it.
    expect(hints.some((h) => h.label.startsWith("→"))).toBe(true);
  });

  it("shows the step count an epoch value stands for when steps per epoch is known", () => {
    const a = analyzeFixture("paddleclas/resnet_multistep.yml");
    const labels = inlayHints(a).map((h) => `${a.text.slice(h.offset - 3, h.offset)}:${h.label}`);
    expect(labels).toEqual(expect.arrayContaining(["[30:= 6,000 iterations", " 60:= 12,000 iterations", " 90:= 18,000 iterations"]));
    expect(labels).toEqual(expect.arrayContaining(["[30:→ 0.01", " 60:→ 0.001"]));
  });

  it("shows the training length in iterations on the epoch key", () => {
    const a = analyzeFixture("paddleocr/det_cosine.yml");
    const at = offsetOf(a.text, "epoch_num: 100", 14);
    expect(inlayHints(a).filter((h) => h.offset === at).map((h) => h.label)).toEqual(["= 5,000 iterations"]);
  });

  it("returns only the hints inside the requested range", () => {
    const a = analyzeFixture("paddle/dbnet.yml");
    const start = offsetOf(a.text, "milestones: [");
    const hints = inlayHints(a, { start, end: start + 30 });
    expect(hints.map((h) => h.label)).toEqual(["→ 0.0007", "→ 7e-05"]);
  });
});

describe("inlayHints on suite configs", () => {
  it("pairs PaddleDetection's epoch milestones with where the drops land, after its per-step warmup", () => {
    const base = analyzeFixture("paddledet/_base_/optimizer_12e.yml", { stepsPerEpoch: 100 });
    const at = (needle: string, delta: number) => inlayHints(base).filter((h) => h.offset === offsetOf(base.text, needle, delta)).map((h) => h.label);
    expect(at("[8,", 2)).toEqual(["= 800 iterations", "→ 0.002"]);
    expect(at("11]", 2)).toEqual(["= 1,100 iterations", "→ 0.0002"]);
    expect(at("steps: 500", 10)).toEqual(["→ 0.02"]);
  });

  it("shows one training-length hint after the epoch value, not after its key", () => {
    const a = analyzeFixture("paddleocr/det_cosine.yml");
    const hints = inlayHints(a).filter((h) => h.kind === "steps" && h.label === "= 5,000 iterations");
    expect(hints.map((h) => a.text.slice(h.offset - 14, h.offset))).toEqual(["epoch_num: 100"]);
  });
});
