import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { analyzeDocument } from "../../analysis/analyze";
import { entryOf } from "../../config/access";
import { describeShared } from "../../testing/shared";
import { paddledetDialect } from "./index";
import { chainOf, corpusConfigs, corpusFile, diskHost, run, suiteCurves } from "./testing/suite";

const REPO = "PaddlePaddle/PaddleDetection";

describeShared("PaddleDetection: the whole corpus", () => {
  const files = corpusConfigs("PaddleDetection");
  const skipped = new Set(suiteCurves().skipped.filter((s) => s.repo === REPO).map((s) => s.path));
  const host = diskHost();
  // Each file is loaded and analysed once for all the checks below (loading dominates the time).
  let analysed: { rel: string; analysis: ReturnType<typeof analyzeDocument> }[] | undefined;
  const analyses = () =>
    (analysed ??= files.map((rel) => {
      const path = corpusFile(REPO, rel);
      return { rel, analysis: analyzeDocument(pathToFileURL(path).href, readFileSync(path, "utf8"), host, { stepsPerEpoch: 100 }) };
    }));

  it("has the upstream configs and the configs the suite refuses", () => {
    expect(files.length).toBeGreaterThan(700);
    expect(skipped.size).toBeGreaterThan(0);
    for (const p of skipped) expect(files).toContain(p);
  });

  it("recognises every config the suite trains with, builds its scheduler and computes its whole curve", () => {
    let trained = 0;
    for (const { rel, analysis } of analyses()) {
      const root = analysis.config.root;
      // What Trainer.train runs: a merged config with `epoch` and a LearningRate (or, with an architecture, the default one).
      const trains = entryOf(root, "epoch") !== undefined && (entryOf(root, "LearningRate") !== undefined || entryOf(root, "architecture") !== undefined);
      if (!trains) continue;
      trained++;
      expect(analysis.dialect, rel).toBe("paddledet");
      expect(analysis.schedules, rel).toHaveLength(1);
      const s = analysis.schedules[0];
      expect(["PiecewiseDecay", "CosineAnnealingDecay"], rel).toContain(chainOf(s.spec!));
      expect(s.build?.ok, rel).toBe(true);
      if (!s.build?.ok) continue;
      const iterations = s.training!.epochs! * 100;
      const curve = s.build.program.curve(iterations);
      expect(curve.error, rel).toBeUndefined();
      expect(curve.lr.length, rel).toBe(iterations);
      expect(curve.lr.every((x) => Number.isFinite(x) && x >= 0), rel).toBe(true);
    }
    expect(trained).toBeGreaterThan(500);
  });

  it("gives an error exactly to the configs PaddleDetection refuses, in the dialect and in the whole analysis", () => {
    const wrong: string[] = [];
    for (const { rel, analysis } of analyses()) {
      const dialectErrors = run(paddledetDialect, analysis.config, { host }).errors;
      const errors = analysis.diagnostics.filter((d) => d.severity === "error");
      const refused = skipped.has(rel);
      if ((dialectErrors.length > 0) !== refused || (errors.length > 0) !== refused) wrong.push(`${rel}: ${[...dialectErrors, ...errors].map((d) => d.message).join(" | ") || "no error"}`);
    }
    expect(wrong).toEqual([]);
  });
});
