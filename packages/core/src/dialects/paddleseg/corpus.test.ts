import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { analyzeDocument } from "../../analysis/analyze";
import { entryOf } from "../../config/access";
import { describeShared } from "../../testing/shared";
import { chainOf, corpusConfigs, corpusFile, diskHost, loadPath, run, suiteCurves } from "../paddledet/testing/suite";
import { PADDLE_LR_CLASSES } from "./paddle-classes";
import { paddledetDialect } from "../paddledet/index";
import { paddlesegDialect } from "./index";

const REPO = "PaddlePaddle/PaddleSeg";

describeShared("PaddleSeg: the whole corpus", () => {
  const files = corpusConfigs("PaddleSeg");
  const skipped = new Set(suiteCurves().skipped.filter((s) => s.repo === REPO).map((s) => s.path));
  const host = diskHost();
  // Each file is loaded and analysed once for all the checks below (loading dominates the time).
  let analysed: { rel: string; analysis: ReturnType<typeof analyzeDocument> }[] | undefined;
  const analyses = () =>
    (analysed ??= files.map((rel) => {
      const path = corpusFile(REPO, rel);
      return { rel, analysis: analyzeDocument(pathToFileURL(path).href, readFileSync(path, "utf8"), host) };
    }));

  it("has the upstream configs and the configs the suite refuses", () => {
    expect(files.length).toBeGreaterThan(250);
    expect(skipped.size).toBeGreaterThan(0);
    for (const p of skipped) expect(files).toContain(p);
  });

  it("recognises every config with an lr_scheduler and iters, builds its scheduler and computes its whole curve", () => {
    let trained = 0;
    for (const { rel, analysis } of analyses()) {
      const root = analysis.config.root;
      if (entryOf(root, "lr_scheduler") === undefined || entryOf(root, "iters") === undefined) continue;
      trained++;
      expect(analysis.dialect, rel).toBe("paddleseg");
      const s = analysis.schedules[0];
      expect(s?.spec, rel).toBeDefined();
      expect(PADDLE_LR_CLASSES, rel).toContain(chainOf(s.spec!).split(">").pop());
      expect(s.build?.ok, rel).toBe(true);
      if (!s.build?.ok) continue;
      const curve = s.build.program.curve(s.training!.iterations!);
      expect(curve.error, rel).toBeUndefined();
      expect(curve.lr.length, rel).toBe(s.training!.iterations!);
      expect(curve.lr.every((x) => Number.isFinite(x) && x >= 0), rel).toBe(true);
    }
    expect(trained).toBeGreaterThan(250);
  });

  it("gives an error exactly to the configs PaddleSeg refuses, in the dialect and in the whole analysis", () => {
    const wrong: string[] = [];
    for (const { rel, analysis } of analyses()) {
      const dialectErrors = run(paddlesegDialect, analysis.config, { host }).errors;
      const errors = analysis.diagnostics.filter((d) => d.severity === "error");
      const refused = skipped.has(rel);
      if ((dialectErrors.length > 0) !== refused || (errors.length > 0) !== refused) wrong.push(`${rel}: ${[...dialectErrors, ...errors].map((d) => d.message).join(" | ") || "no error"}`);
    }
    expect(wrong).toEqual([]);
  });

  it("claims no config of the PaddleOCR and PaddleClas corpora (PaddleDetection's and PaddleSeg's detectors alike)", () => {
    const claimed: string[] = [];
    for (const repo of ["PaddleOCR", "PaddleClas"]) {
      for (const rel of corpusConfigs(repo)) {
        const config = loadPath(corpusFile(repo, rel), host);
        if (paddlesegDialect.detect(config.own, config.root) > 0) claimed.push(`paddleseg: ${repo}/${rel}`);
        if (paddledetDialect.detect(config.own, config.root) > 0) claimed.push(`paddledet: ${repo}/${rel}`);
      }
    }
    expect(claimed).toEqual([]);
  });
});
