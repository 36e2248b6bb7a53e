import { describe, expect, it } from "vitest";
import { resolveStepsPerEpoch, stepsPerEpochDirective } from "./steps-per-epoch";

const span = { uri: "file:///a.yml", start: 0, end: 10 };

describe("resolveStepsPerEpoch", () => {
  it("prefers the value the suite itself reads from the config over every other source", () => {
    const r = resolveStepsPerEpoch({ config: { value: 1024, detail: "Global.iter_per_epoch" }, comment: { value: 7, detail: "c" }, setting: 100 });
    expect(r).toMatchObject({ value: 1024, source: "config" });
  });
  it("falls back from comment to setting to dataset to unknown", () => {
    expect(resolveStepsPerEpoch({ comment: { value: 7, detail: "c" }, setting: 100 }).source).toBe("comment");
    expect(resolveStepsPerEpoch({ setting: 100, dataset: () => ({ value: 5, detail: "d" }) })).toMatchObject({ value: 100, source: "setting" });
    expect(resolveStepsPerEpoch({ dataset: () => ({ value: 5, detail: "d" }) })).toMatchObject({ value: 5, source: "dataset" });
    expect(resolveStepsPerEpoch({})).toMatchObject({ value: undefined, source: "unknown" });
  });
  it("does not compute the dataset inference when a higher source applies", () => {
    let called = false;
    resolveStepsPerEpoch({ setting: 3, dataset: () => ((called = true), undefined) });
    expect(called).toBe(false);
  });
  it("ignores zero, negative and non-finite candidates", () => {
    expect(resolveStepsPerEpoch({ setting: 0, dataset: () => ({ value: Infinity, detail: "d" }) }).source).toBe("unknown");
  });
});

describe("stepsPerEpochDirective", () => {
  it("reads `# lrlens: steps-per-epoch=N` in any spacing and case", () => {
    expect(stepsPerEpochDirective({ comments: [{ text: "#  lrlens: Steps-Per-Epoch = 1_254 ", span }] })?.value).toBe(1254);
  });
  it("ignores other comments and invalid values", () => {
    expect(stepsPerEpochDirective({ comments: [{ text: "# steps-per-epoch=5", span }, { text: "# lrlens: steps-per-epoch=0", span }] })).toBeUndefined();
  });
});
