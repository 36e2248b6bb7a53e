import { describe, expect, it } from "vitest";
import { dbnetPoints, dbnetSchedule } from "../testing/schedules";
import { buildChart, logTicks, markerLines, nearestIndex, niceTicks, readoutText, type Layout } from "./chart-model";

const layout: Layout = { width: 600, height: 260, left: 70, right: 16, top: 12, bottom: 40 };

describe("niceTicks", () => {
  it("picks round steps of 1, 2 or 5 × 10^k", () => {
    expect(niceTicks(0, 2500, 5)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(niceTicks(0, 0.007, 4)).toEqual([0, 0.002, 0.004, 0.006]);
    expect(niceTicks(3, 3, 4)).toEqual([3]);
    expect(niceTicks(NaN, 1, 4)).toEqual([]);
  });
});

describe("logTicks", () => {
  it("marks each decade, and 2 and 5 multiples on short ranges", () => {
    expect(logTicks(1e-5, 1e-2)).toEqual([1e-5, 1e-4, 1e-3, 1e-2]);
    expect(logTicks(1e-3, 1e-2)).toEqual([0.001, 0.002, 0.005, 0.01]);
    expect(logTicks(0, 1)).toEqual([]);
  });
});

describe("buildChart", () => {
  it("maps steps left to right and the LR bottom to top, from zero", () => {
    const chart = buildChart(dbnetPoints(), layout, false)!;
    expect(chart.x.toPx(0)).toBe(70);
    expect(chart.x.toPx(2499)).toBe(584);
    expect(chart.y.toPx(0)).toBe(220);
    expect(chart.y.toPx(0.007)).toBeLessThan(chart.y.toPx(0.0007));
    expect(chart.runs).toHaveLength(1);
    expect(chart.hidden).toBe(0);
  });
  it("spreads the 0.007 → 7e-05 drops over equal heights on a log scale, hiding the zero at step 0", () => {
    const chart = buildChart(dbnetPoints(), layout, true)!;
    const a = chart.y.toPx(0.007), b = chart.y.toPx(0.0007), c = chart.y.toPx(0.00007);
    expect(b - a).toBeCloseTo(c - b, 9);
    expect(chart.hidden).toBe(1);
    expect(chart.y.lo).toBeCloseTo(1e-5, 15);
    expect(chart.y.hi).toBeCloseTo(1e-2, 15);
  });
  it("returns nothing when no value can be drawn", () => {
    expect(buildChart([[0, 0], [10, -1]], layout, true)).toBeUndefined();
    expect(buildChart([], layout, false)).toBeUndefined();
  });
  it("gives a constant schedule a visible band", () => {
    const chart = buildChart([[0, 0.1], [100, 0.1]], layout, false)!;
    expect(chart.y.toPx(0.1)).toBeGreaterThan(layout.top - 1);
    expect(chart.y.toPx(0.1)).toBeLessThan(220);
  });
  it("inverts its x mapping for the crosshair", () => {
    const chart = buildChart(dbnetPoints(), layout, false)!;
    expect(chart.x.fromPx(chart.x.toPx(1234))).toBeCloseTo(1234, 9);
  });
});

describe("nearestIndex", () => {
  it("finds the sample nearest to the pointer's x", () => {
    const pts = dbnetPoints();
    expect(pts[nearestIndex(pts, 2310)][0]).toBe(2300);
    expect(pts[nearestIndex(pts, 2398)][0]).toBe(2399);
    expect(pts[nearestIndex(pts, -50)][0]).toBe(0);
    expect(pts[nearestIndex(pts, 1e9)][0]).toBe(2499);
    expect(nearestIndex([], 3)).toBe(-1);
  });
});

describe("readoutText", () => {
  it("shows step, epoch and LR when steps per epoch is known", () => {
    expect(readoutText([2300, 0.0007000000000000001], "step", 100)).toBe("step 2,300 · epoch 23 · lr 0.0007");
    expect(readoutText([2350, 0.0007], "iteration", 100)).toBe("iteration 2,350 · epoch 23.50 · lr 0.0007");
  });
  it("shows the step an epoch starts at for epoch curves", () => {
    expect(readoutText([30, 0.01], "epoch", 500)).toBe("epoch 30 · step 15,000 · lr 0.01");
  });
  it("leaves the other unit out when steps per epoch is unknown", () => {
    expect(readoutText([30, 0.01], "epoch", null)).toBe("epoch 30 · lr 0.01");
  });
});

describe("markerLines", () => {
  it("places markers on the x axis and draws warmup end last, on top", () => {
    const chart = buildChart(dbnetPoints(), layout, false)!;
    const lines = markerLines(dbnetSchedule().markers, chart.x);
    expect(lines.map((l) => l.kind)).toEqual(["milestone", "milestone", "warmup-end"]);
    expect(lines[2].px).toBeCloseTo(chart.x.toPx(2000), 9);
  });
  it("ignores markers outside the curve", () => {
    const chart = buildChart(dbnetPoints(), layout, false)!;
    expect(markerLines([{ step: 99_999, kind: "milestone", label: "never" }], chart.x)).toEqual([]);
  });
});
