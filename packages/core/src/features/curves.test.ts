import { describe, expect, it } from "vitest";
import { scheduleCurves } from "./curves";
import { analyzeFixture } from "./testing/fixtures";

describe("scheduleCurves", () => {
  it("gives the DBNet schedule's path, block, chain, unit, points, SVG and markers", () => {
    const a = analyzeFixture("paddle/dbnet.yml");
    const [c] = scheduleCurves(a, { maxPoints: 128 });
    expect(c).toMatchObject({ path: "lr_scheduler", dialect: "paddle", unit: "step", stepsPerEpoch: { value: null, source: "unknown" } });
    expect(a.text.slice(c.span.start, c.span.end)).toMatch(/^lr_scheduler:\n {2}name: LinearWarmup[\s\S]*gamma: 0\.1$/);
    expect(c.scheduler).toBe("LinearWarmup(MultiStepDecay(learning_rate=0.007, milestones=[300, 400], gamma=0.1), warmup_steps=2000, start_lr=0.0, end_lr=0.007)");
    expect(c.points[0]).toEqual([0, 0]);
    expect(c.points.length).toBeLessThanOrEqual(128);
    expect(c.peak).toBe(0.007);
    expect(c.svg).toMatch(/^<svg/);
    expect(c.markers.map((m) => m.step)).toEqual(expect.arrayContaining([2000, 2300, 2400]));
    expect(c.error).toBeUndefined();
  });

  it("reports the suite's steps per epoch and the base file an inherited block comes from", () => {
    const a = analyzeFixture("paddledet/faster_rcnn_12e.yml");
    const [c] = scheduleCurves(a);
    expect(c).toMatchObject({ path: "LearningRate", dialect: "paddledet", unit: "iteration", stepsPerEpoch: { value: 100, source: "comment" }, totalSteps: 1200 });
    expect(c.definedIn).toMatch(/_base_\/optimizer_12e\.yml$/);
    expect(a.text.slice(c.span.start, c.span.end)).toContain("optimizer_12e.yml");
  });

  it("returns an error and no points for a schedule Paddle rejects", () => {
    const a = analyzeFixture("paddle/bad.yml", {}, "lr_scheduler:\n  name: StepDecay\n  learning_rate: 0.1\n  step_size: 0\n");
    const [c] = scheduleCurves(a);
    expect(c.points).toEqual([]);
    expect(c.error).toMatch(/step_size/);
  });

  it("never sends non-finite numbers (JSON would turn them into null)", () => {
    const a = analyzeFixture("paddle/neg.yml", {}, "lr_scheduler:\n  name: PolynomialDecay\n  learning_rate: 0.1\n  decay_steps: 100\n  end_lr: 0.0\n  power: -1.0\n");
    for (const c of scheduleCurves(a)) for (const [x, y] of c.points) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });
});
