import { describe, expect, it } from "vitest";
import { buildError, live, program } from "./testing/spec";

describe("ReduceOnPlateau", () => {
  it("does not step at construction and cuts the LR on the (patience+1)-th non-improving metric", () => {
    const s = live("ReduceOnPlateau(learning_rate=0.1, factor=0.5, patience=2)");
    expect([s.lastEpoch, s.lastLr]).toEqual([0, 0.1]);
    const lrs = [1.0, 1.0, 1.0, 1.0, 1.0].map((m) => (s.stepMetrics(m), s.lastLr));
    expect(lrs).toEqual([0.1, 0.1, 0.1, 0.05, 0.05]);
    expect(s.stateDict()).toEqual({ cooldown_counter: 0, best: 1, num_bad_epochs: 1, last_epoch: 5, last_lr: 0.05 });
  });

  it("ignores the metric entirely during cooldown", () => {
    const s = live("ReduceOnPlateau(learning_rate=1.0, factor=0.5, patience=0, cooldown=2)");
    for (const m of [5, 5, 1, 0.5]) s.stepMetrics(m);
    expect(s.stateDict()).toMatchObject({ best: 5, last_lr: 0.5, cooldown_counter: 0 });
    s.stepMetrics(0.4);
    expect(s.stateDict()).toMatchObject({ best: 0.4, last_lr: 0.5 });
  });

  it("lowercases mode and threshold_mode and rejects unknown ones", () => {
    expect(live("ReduceOnPlateau(learning_rate=0.01, mode='MAX', threshold_mode='ABS')").lastLr).toBe(0.01);
    expect(buildError("ReduceOnPlateau(learning_rate=0.1, mode='avg')")).toMatchObject({ param: "mode", message: "mode: avg is unknown!" });
    expect(buildError("ReduceOnPlateau(learning_rate=0.1, mode=None)")).toMatchObject({ errorType: "AttributeError", raisedBy: "python" });
  });

  it("has no last_epoch parameter", () => {
    expect(buildError("ReduceOnPlateau(learning_rate=0.1, last_epoch=3)")).toMatchObject({
      param: "last_epoch",
      message: "ReduceOnPlateau.__init__() got an unexpected keyword argument 'last_epoch'",
    });
  });

  it("checks the metric's type like Paddle (numpy ints are rejected, one-element arrays accepted)", () => {
    const s = live("ReduceOnPlateau(learning_rate=0.1)");
    expect(s.stepMetricsPy?.({ type: "other", pyType: "numpy.int64", value: 3 })).toMatchObject({ errorType: "TypeError" });
    expect(s.stepMetricsPy?.({ type: "other", pyType: "numpy.ndarray", size: 1, value: 3 })).toBeUndefined();
    expect(s.step()).toMatchObject({ message: "ReduceOnPlateau.step() missing 1 required positional argument: 'metrics'" });
  });

  it("draws a flat curve without metrics and restores its five state keys", () => {
    const p = program("ReduceOnPlateau(learning_rate=0.1)");
    expect(Array.from(p.curve(3).lr)).toEqual([0.1, 0.1, 0.1]);
    expect(p.naturalHorizon()).toBeUndefined();
    const a = live("ReduceOnPlateau(learning_rate=1.0, factor=0.5, patience=1)");
    for (const m of [3, 3, 3, 2]) a.stepMetrics(m);
    const b = live("ReduceOnPlateau(learning_rate=1.0, factor=0.5, patience=1)");
    expect(b.setStateDict(a.stateDict())).toBeUndefined();
    for (const m of [2, 2, 2]) {
      a.stepMetrics(m);
      b.stepMetrics(m);
    }
    expect(b.stateDict()).toEqual(a.stateDict());
  });
});
