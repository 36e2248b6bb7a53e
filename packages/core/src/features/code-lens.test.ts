import { describe, expect, it } from "vitest";
import { codeLenses } from "./code-lens";
import { analyzeFixture } from "./testing/fixtures";

describe("codeLenses", () => {
  it("puts peak, final and length above the DBNet schedule key", () => {
    const a = analyzeFixture("paddle/dbnet.yml");
    const lenses = codeLenses(a);
    expect(lenses).toHaveLength(1);
    expect(a.text.slice(lenses[0].span.start, lenses[0].span.end)).toBe("lr_scheduler");
    expect(lenses[0].path).toBe("lr_scheduler");
    expect(lenses[0].title).toMatch(/^peak 0\.007 · final 7e-05 · [\d,.]+[kM]? steps$/);
  });

  it("speaks in iterations for a suite config and puts an inherited schedule's lens on _BASE_", () => {
    const a = analyzeFixture("paddledet/faster_rcnn_12e.yml");
    const [lens] = codeLenses(a);
    expect(a.text.slice(lens.span.start, lens.span.end)).toContain("optimizer_12e.yml");
    // 12 epochs × 100 steps per epoch (comment): peak base_lr 0.02, final after two ×0.1 drops.
    expect(lens.title).toBe("peak 0.02 · final 0.0002 · 1,200 iterations");
  });

  it("says why there is no curve instead of numbers", () => {
    const a = analyzeFixture("paddle/bad.yml", {}, "lr_scheduler:\n  name: StepDecay\n  learning_rate: 0.1\n  step_size: 0\n");
    expect(codeLenses(a)[0].title).toMatch(/^⚠ no curve: .*step_size/);
  });
});
