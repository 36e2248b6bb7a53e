import { expect, it } from "vitest";
import { describeShared } from "../../testing/shared";
import { runCase, suiteCurves } from "../common/testing/suite-curves";
import { paddleocrDialect } from "./index";

describeShared("paddleocr dialect: parity with PaddleOCR's own builder (suite-curves.json.gz)", () => {
  const cases = suiteCurves().cases.filter((c) => c.dialect === "PaddleOCR");
  it("has PaddleOCR cases to check", () => expect(cases.length).toBeGreaterThan(10));
  for (const c of cases) {
    it(`${c.path} (${c.kind}) gives the suite's LR at every iteration`, () => {
      const r = runCase(paddleocrDialect, c);
      expect(r.buildError).toBeUndefined();
      expect(r.chain).toBe(c.chain);
      expect(r.schedule.kind).toBe(c.kind);
      expect(r.schedule.stepping.per).toBe(c.step_unit === "epoch" ? "epoch" : "iteration");
      expect(r.schedule.training).toMatchObject({ epochs: c.epochs_or_iters.value, key: c.epochs_or_iters.key });
      expect(r.firstMismatch).toBeUndefined();
      expect(r.values.length).toBe(c.lr.length);
    });
  }
});
