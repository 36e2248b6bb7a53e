import { describe, expect, it } from "vitest";
import { closeTo } from "./testing/compare";
import { buildError, curve, live, program, stepped } from "./testing/spec";

/**
 * Exact restart epochs where CPython 3.11 on glibc 2.36 puts `step(epoch)` in the previous cycle
 * (`int(math.log(epoch / T_0 * (T_mult - 1) + 1, T_mult))` rounds below the cycle number), found by
 * running that expression in Python for every exact restart below 1e7 of the (T_0, T_mult) pairs below.
 */
const PYTHON_QUIRK_EPOCHS: Record<string, number[]> = {
  "1,3": [121, 29524, 797161, 7174453],
  "1,10": [111, 111111],
  "2,3": [242, 59048, 1594322],
  "2,10": [222, 222222],
  "3,3": [363, 88572, 2391483],
  "3,10": [333, 333333],
  "5,3": [605, 147620, 3985805],
  "5,10": [555, 555555],
  "7,3": [847, 206668, 5580127],
  "7,10": [777, 777777],
  "10,3": [1210, 295240, 7971610],
  "10,10": [1110, 1111110],
};

describe("CosineAnnealingWarmRestarts", () => {
  it("restarts at the initial LR after T_0, T_0·T_mult, ... steps under step()", () => {
    const lr = curve("CosineAnnealingWarmRestarts(learning_rate=0.5, T_0=1, T_mult=2)", 8).lr;
    expect(closeTo(lr, [0.5, 0.5, 0.25, 0.5, 0.42677669529663687, 0.25, 0.07322330470336313, 0.5])).toBeUndefined();
    expect(Array.from(curve("CosineAnnealingWarmRestarts(learning_rate=0.1, T_0=10, T_mult=2)", 400).lr)).toEqual(
      stepped("CosineAnnealingWarmRestarts(learning_rate=0.1, T_0=10, T_mult=2)", 400),
    );
  });

  it("reproduces the float-log quirk of step(epoch) as a rule, at every exact restart Python gets wrong and only there", () => {
    for (const t0 of [1, 2, 3, 5, 7, 10]) {
      for (const m of [2, 3, 4, 5, 6, 7, 10]) {
        const quirks = PYTHON_QUIRK_EPOCHS[`${t0},${m}`] ?? [];
        const s = live(`CosineAnnealingWarmRestarts(learning_rate=1.0, T_0=${t0}, T_mult=${m})`);
        let ti = t0 * m;
        for (let restart = t0; restart < 1e7; restart += ti, ti *= m) {
          s.step(restart);
          expect(s.lastLr, `T_0=${t0} T_mult=${m} epoch ${restart}`).toBe(quirks.includes(restart) ? 0 : 1);
        }
      }
    }
  });

  it("shows the quirk inside LinearWarmup, which drives the inner schedule with step(epoch)", () => {
    const p = program("LinearWarmup(learning_rate=CosineAnnealingWarmRestarts(learning_rate=1.0, T_0=1, T_mult=3), warmup_steps=2, start_lr=0.0, end_lr=1.0)");
    expect(p.valueAt(2 + 121)).toBe(0);
    expect(p.valueAt(2 + 40)).toBe(1);
  });

  it("continues from the T_cur/T_i that step(epoch) derived when step() follows", () => {
    const s = live("CosineAnnealingWarmRestarts(learning_rate=0.1, T_0=3, T_mult=2)");
    s.step(10);
    expect(s.lastLr).toBeCloseTo(0.09829629131445342, 15);
    s.step();
    expect(s.lastEpoch).toBe(11);
    expect(s.lastLr).toBeCloseTo(0.09330127018922195, 15);
  });

  it("does not save T_cur/T_i: a schedule restored from its state_dict diverges, as in Paddle", () => {
    const a = live("CosineAnnealingWarmRestarts(learning_rate=0.1, T_0=3, T_mult=2)");
    for (let k = 0; k < 5; k++) a.step();
    const b = live("CosineAnnealingWarmRestarts(learning_rate=0.1, T_0=3, T_mult=2)");
    b.setStateDict(a.stateDict());
    a.step();
    b.step();
    expect(closeTo([a.lastLr, b.lastLr], [0.05, 0.075])).toBeUndefined();
  });

  it("aliases past pi after a resume with last_epoch, like Paddle's single subtraction per step", () => {
    const want = stepped("CosineAnnealingWarmRestarts(learning_rate=0.1, T_0=4, last_epoch=20)", 12);
    expect(Array.from(curve("CosineAnnealingWarmRestarts(learning_rate=0.1, T_0=4, last_epoch=20)", 12).lr)).toEqual(want);
    expect(Array.from(curve("CosineAnnealingWarmRestarts(learning_rate=0.1, T_0=3, T_mult=2, last_epoch=20)", 40).lr)).toEqual(
      stepped("CosineAnnealingWarmRestarts(learning_rate=0.1, T_0=3, T_mult=2, last_epoch=20)", 40),
    );
    expect(new Set(curve("CosineAnnealingWarmRestarts(learning_rate=0.1, T_0=1, last_epoch=5)", 5).lr).size).toBe(1);
  });

  it("rejects a non-int or non-positive T_0 and T_mult < 1, and negative epochs", () => {
    expect(buildError("CosineAnnealingWarmRestarts(learning_rate=0.1, T_0=1.5)")).toMatchObject({ param: "T_0", message: "Expected positive integer T_0, but got 1.5" });
    expect(buildError("CosineAnnealingWarmRestarts(learning_rate=0.1, T_0=10, T_mult=0)")).toMatchObject({ param: "T_mult" });
    expect(live("CosineAnnealingWarmRestarts(learning_rate=0.1, T_0=10)").step(-1)).toMatchObject({ message: "Expected non-negative epoch, but got -1" });
  });

  it("marks each restart and samples 1e12 steps analytically", () => {
    const p = program("CosineAnnealingWarmRestarts(learning_rate=0.1, T_0=10, T_mult=2)");
    expect(p.markers(75).map((m) => m.step)).toEqual([10, 30, 70]);
    expect(p.naturalHorizon()).toEqual({ steps: 70, from: "3 restart cycles (T_0·(1 + T_mult + T_mult²))" });
    const s = p.sample(1e12, 512);
    expect(s.exact).toBe(true);
    expect(Math.max(...s.lr)).toBe(0.1);
  });
});
