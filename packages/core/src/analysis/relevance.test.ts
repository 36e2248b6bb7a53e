import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeShared } from "../testing/shared";
import { mayHoldSchedule } from "./relevance";
import { analyzeFile, corpusFiles, CORPUS, FIXTURES } from "../features/testing/fixtures";

describe("mayHoldSchedule", () => {
  it("lets every fixture config through and keeps plain YAML out", () => {
    for (const rel of ["paddle/dbnet.yml", "paddleocr/det_cosine.yml", "paddleclas/resnet_multistep.yml", "paddledet/faster_rcnn_12e.yml", "paddleseg/pp_liteseg_lite.yml", "hostile/escaping.yml"]) {
      expect(mayHoldSchedule(readFileSync(join(FIXTURES, rel), "utf8")), rel).toBe(true);
    }
    expect(mayHoldSchedule(readFileSync(join(FIXTURES, "plain/workflow.yml"), "utf8"))).toBe(false);
    expect(mayHoldSchedule("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - image: nginx\n")).toBe(false);
    expect(mayHoldSchedule("url: http://example.com\ncontrol: 1\n")).toBe(false);
  });

  it("lets a generic-form block under any key through", () => {
    expect(mayHoldSchedule("train:\n  sched:\n    type: paddle.optimizer.lr.StepDecay\n")).toBe(true);
    expect(mayHoldSchedule("lr: 0.1\n")).toBe(true);
  });
});

describeShared("mayHoldSchedule over the corpus", () => {
  it("never keeps out a corpus config in which a dialect finds a schedule", () => {
    const missed: string[] = [];
    let withSchedules = 0;
    for (const suite of ["PaddleOCR", "PaddleClas", "PaddleDetection", "PaddleSeg"]) {
      for (const rel of corpusFiles(suite)) {
        const path = join(CORPUS, suite, rel);
        const a = analyzeFile(path);
        if (a.schedules.length === 0) continue;
        withSchedules++;
        if (!mayHoldSchedule(a.text)) missed.push(`${suite}/${rel}`);
      }
    }
    expect(missed).toEqual([]);
    expect(withSchedules).toBeGreaterThan(500);
  });
});
