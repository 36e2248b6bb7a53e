import { describe, expect, it } from "vitest";
import { documentSymbols } from "./symbols";
import { analyzeFixture } from "./testing/fixtures";

describe("documentSymbols", () => {
  it("outlines the DBNet schedule with its scheduler name and parameters in document order", () => {
    const a = analyzeFixture("paddle/dbnet.yml");
    const [s] = documentSymbols(a);
    expect(s.name).toBe("lr_scheduler");
    expect(s.kind).toBe("schedule");
    expect(a.text.slice(s.selectionSpan.start, s.selectionSpan.end)).toBe("lr_scheduler");
    const names = s.children.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["start_lr", "end_lr", "warmup_steps", "milestones", "gamma"]));
    const starts = s.children.map((c) => c.span.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    for (const c of s.children) expect(c.span.start).toBeGreaterThanOrEqual(s.span.start);
  });

  it("lists an inherited schedule at the _BASE_ entry", () => {
    const a = analyzeFixture("paddledet/faster_rcnn_12e.yml");
    const [s] = documentSymbols(a);
    expect(s.name).toBe("LearningRate (inherited)");
    expect(a.text.slice(s.span.start, s.span.end)).toContain("optimizer_12e.yml");
  });

  it("has nothing for a plain YAML file", () => {
    expect(documentSymbols(analyzeFixture("plain/workflow.yml"))).toEqual([]);
  });
});
