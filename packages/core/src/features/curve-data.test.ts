import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSharedJson, describeShared } from "../testing/shared";
import { curveOf, displayAxis } from "./curve-data";
import { analyzeFile, analyzeFixture, CORPUS } from "./testing/fixtures";
import type { CurveData } from "./types";

function curve(rel: string, maxPoints = 512): CurveData {
  const a = analyzeFixture(rel);
  expect(a.schedules.length, rel).toBeGreaterThan(0);
  const c = curveOf(a.schedules[0], maxPoints);
  if ("error" in c) throw new Error(c.error);
  return c;
}

/** The displayed LR at x: the last point drawn there (an earlier one is the hold before a drop). */
function valueAtX(c: CurveData, x: number): number | undefined {
  let v: number | undefined;
  for (let i = 0; i < c.xs.length; i++) if (c.xs[i] === x) v = c.ys[i];
  return v;
}

describe("curveOf", () => {
  it("draws the seed's DBNet schedule per step with Paddle's numbers: warmup to 0.007, drops at 2300 and 2400", () => {
    const c = curve("paddle/dbnet.yml");
    expect(c.unit).toBe("step");
    expect(c.xs[0]).toBe(0);
    expect(c.ys[0]).toBe(0);
    expect(c.peak).toBe(0.007);
    expect(c.peakAt).toBe(2000);
    expect(valueAtX(c, 2300)).toBeCloseTo(0.007 * 0.1, 17);
    expect(valueAtX(c, 2400)).toBeCloseTo(0.007 * 0.1 ** 2, 18);
    expect(c.final).toBeCloseTo(0.007 * 0.1 ** 2, 18);
    const markers = c.markers.map((m) => `${m.kind}@${m.x}`);
    expect(markers).toEqual(expect.arrayContaining(["warmup-end@2000", "milestone@2300", "milestone@2400"]));
    expect(c.markers.find((m) => m.x === 2300)?.lr).toBeCloseTo(0.0007, 17);
  });

  it("keeps about the point budget, in ascending x", () => {
    const c = curve("paddle/cosine.yml", 64);
    expect(c.xs.length).toBeLessThanOrEqual(64 + 8);
    expect(c.xs).toEqual([...c.xs].sort((a, b) => a - b));
  });

  it("puts a suite config with known steps per epoch on the iteration axis over the whole training", () => {
    const a = analyzeFixture("paddleocr/det_cosine.yml");
    const s = a.schedules[0];
    expect(s.stepsPerEpoch).toMatchObject({ value: 50, source: "comment" });
    const axis = displayAxis(s);
    expect(axis.unit).toBe("iteration");
    expect(axis.length).toBe(100 * 50);
    const c = curveOf(s) as CurveData;
    // PaddleOCR: warmup round(2 × 50) = 100 steps from 0 to the base LR, then the cosine.
    expect(c.peak).toBe(0.001);
    expect(c.peakAt).toBe(100);
  });

  it("draws an epoch-based config on the epoch axis when steps per epoch is unknown", () => {
    const text = "Global:\n  epoch_num: 20\nOptimizer:\n  name: Adam\n  lr:\n    name: Cosine\n    learning_rate: 0.01\n";
    const s = analyzeFixture("paddleocr/unknown-spe.yml", {}, text).schedules[0];
    expect(s.stepsPerEpoch.source).toBe("unknown");
    const axis = displayAxis(s);
    expect(axis.unit).toBe("epoch");
    expect(axis.length).toBe(20);
    const c = curveOf(s) as CurveData;
    expect(c.xs[c.xs.length - 1]).toBeLessThanOrEqual(20);
  });

  it("samples a 1e12-step horizon analytically instead of walking it", () => {
    const text = "lr_scheduler:\n  name: CosineAnnealingDecay\n  learning_rate: 0.1\n  T_max: 1000000000000\n";
    const s = analyzeFixture("paddle/huge.yml", {}, text).schedules[0];
    expect(s.horizon.steps).toBeGreaterThanOrEqual(1e12);
    const c = curveOf(s, 256) as CurveData;
    expect(c.xs.length).toBeLessThanOrEqual(258);
    expect(c.xs[c.xs.length - 1]).toBe(s.horizon.steps - 1);
    expect(c.peak).toBe(0.1);
  });

  it("says why there is no curve when Paddle would reject the schedule", () => {
    const text = "lr_scheduler:\n  name: StepDecay\n  learning_rate: 0.1\n  step_size: 0\n";
    const c = curveOf(analyzeFixture("paddle/bad-step.yml", {}, text).schedules[0]);
    expect(c).toHaveProperty("error");
    expect((c as { error: string }).error).toMatch(/step_size/);
  });
});

interface SuiteCase {
  repo: string;
  path: string;
  steps_per_epoch: number;
  total_steps: number;
  lr: number[];
  indices?: number[];
}

const REPO_DIR: Record<string, string> = {
  "PaddlePaddle/PaddleOCR": "PaddleOCR",
  "PaddlePaddle/PaddleClas": "PaddleClas",
  "PaddlePaddle/PaddleDetection": "PaddleDetection",
  "PaddlePaddle/PaddleSeg": "PaddleSeg",
};

describeShared("curveOf on the suites' own curves", () => {
  const { cases } = readSharedJson<{ cases: SuiteCase[] }>("reference/suite-curves.json.gz");

  it.each(cases.map((c) => [c.path, c] as const))("%s: every drawn point is the LR the suite's loop uses at that iteration", (_, c) => {
    const a = analyzeFile(join(CORPUS, REPO_DIR[c.repo], c.path), { stepsPerEpoch: c.steps_per_epoch });
    const s = a.schedules[0];
    expect(s, "a schedule").toBeDefined();
    const drawn = curveOf(s, 512);
    if ("error" in drawn) throw new Error(drawn.error);
    expect(drawn.unit).toBe("iteration");
    expect(drawn.length).toBe(c.total_steps);
    const at = new Map<number, number>();
    c.lr.forEach((v, i) => at.set(c.indices ? c.indices[i] : i, v));
    const peak = c.lr.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    let compared = 0;
    for (let i = 0; i < drawn.xs.length; i++) {
      const x = drawn.xs[i];
      if (drawn.xs[i + 1] === x || x >= c.total_steps) continue;
      const want = at.get(x);
      if (want === undefined) continue;
      expect(Math.abs(drawn.ys[i] - want), `x=${x}`).toBeLessThanOrEqual(1e-13 * peak);
      compared++;
    }
    expect(compared).toBeGreaterThan(1);
  });
});
