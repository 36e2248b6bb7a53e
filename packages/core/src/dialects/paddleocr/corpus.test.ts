import { expect, it } from "vitest";
import { describeShared } from "../../testing/shared";
import { paddleDialect } from "../paddle";
import { paddleclasDialect } from "../paddleclas";
import { sweepCorpus } from "../common/testing/corpus-sweep";
import { suiteCurves } from "../common/testing/suite-curves";
import { paddleocrDialect } from "./index";

describeShared("paddleocr dialect: every PaddleOCR config of the corpus", () => {
  const swept = sweepCorpus("PaddleOCR", [paddleocrDialect, paddleclasDialect, paddleDialect]);
  const curves = suiteCurves();
  const cases = curves.cases.filter((c) => c.dialect === "PaddleOCR");
  const skippedList = curves.skipped.filter((s) => s.repo.endsWith("/PaddleOCR"));
  // "skipped" also lists configs without a deterministic curve (ReduceOnPlateau by metric): those are not rejected.
  const skipped = new Set(skippedList.filter((s) => /raised/.test(s.reason)).map((s) => s.path));
  const metricDriven = skippedList.filter((s) => !/raised/.test(s.reason)).map((s) => s.path);
  const byPath = new Map(swept.map((s) => [s.path, s]));

  it("loads and extracts every file without crashing", () => {
    expect(swept.length).toBeGreaterThan(150);
    expect(swept.filter((s) => s.crash).map((s) => `${s.path}: ${s.crash}`)).toEqual([]);
  });

  it("recognises every config with an Optimizer.lr as PaddleOCR and computes its curve", () => {
    const training = swept.filter((s) => s.dialect === paddleocrDialect && s.schedules.length > 0);
    expect(training.length).toBeGreaterThan(150);
    const notDrawn = training.filter((s) => !skipped.has(s.path) && s.curves !== s.schedules.length).map((s) => s.path);
    expect(notDrawn).toEqual([]);
  });

  it("recognises every suite-curves case with the class chain PaddleOCR builds", () => {
    const wrong = cases.filter((c) => byPath.get(c.path)?.dialect !== paddleocrDialect || byPath.get(c.path)?.chains[0] !== c.chain).map((c) => `${c.path}: ${byPath.get(c.path)?.chains[0]} vs ${c.chain}`);
    expect(wrong).toEqual([]);
  });

  it("gives no error except to the configs PaddleOCR itself rejects, which get one", () => {
    const unexpected = swept.filter((s) => s.errors.length > 0 && !skipped.has(s.path)).map((s) => `${s.path}: ${s.errors.join(" | ")}`);
    expect(unexpected).toEqual([]);
    const missed = [...skipped].filter((p) => (byPath.get(p)?.errors.length ?? 0) === 0);
    expect(missed).toEqual([]);
  });

  it("draws metric-driven schedules as their starting LR with a note instead of an error", () => {
    for (const p of metricDriven) {
      const s = byPath.get(p)!;
      expect(s.errors).toEqual([]);
      expect(s.schedules[0].facts.noDeterministicCurve).toBe(true);
      expect(s.schedules[0].diagnostics.map((d) => d.rule)).toContain("metric-driven-schedule");
    }
  });

  it("leaves files that are not PaddleOCR training configs alone (no PaddleOCR schedule, no error)", () => {
    const others = swept.filter((s) => s.dialect !== paddleocrDialect);
    expect(others.flatMap((s) => s.errors)).toEqual([]);
  });
});
