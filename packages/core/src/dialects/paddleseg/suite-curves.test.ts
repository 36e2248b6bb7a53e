import { expect, it } from "vitest";
import { describeShared } from "../../testing/shared";
import { checkSuiteCase, suiteCurves } from "../paddledet/testing/suite";
import { paddlesegDialect } from "./index";

describeShared("PaddleSeg: every suite-curves case", () => {
  const cases = suiteCurves().cases.filter((c) => c.dialect === "PaddleSeg");

  it("has PaddleSeg cases to check", () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  for (const c of cases) {
    it(`${c.path} (${c.kind}) gives the suite's learning rate at every iteration`, () => {
      const s = checkSuiteCase(paddlesegDialect, c);
      expect(s.stepping).toEqual({ per: "iteration", every: 1 });
      expect(s.training).toMatchObject({ iterations: c.total_steps, key: "iters" });
    });
  }
});
