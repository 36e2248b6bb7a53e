import { expect, it } from "vitest";
import { describeShared } from "../../testing/shared";
import { paddledetDialect } from "./index";
import { checkSuiteCase, suiteCurves } from "./testing/suite";

describeShared("PaddleDetection: every suite-curves case", () => {
  const cases = suiteCurves().cases.filter((c) => c.dialect === "PaddleDetection");

  it("has PaddleDetection cases to check", () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  for (const c of cases) {
    it(`${c.path} (${c.kind}) gives the suite's learning rate at every iteration`, () => {
      checkSuiteCase(paddledetDialect, c);
    });
  }
});
