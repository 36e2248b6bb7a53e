import { expect, it } from "vitest";
import { build } from "../../schedulers";
import { describeShared, sharedPath } from "../../testing/shared";
import { detectDialect } from "../index";
import { context, loadFile, yamlFiles } from "../common/testing/harness";
import { paddleDialect } from "./index";

describeShared("paddle dialect: the generic form over every config of the four suites", () => {
  it("reads every file without throwing, and raises nothing above a note where it is the dialect the registry picks", () => {
    const files = yamlFiles(sharedPath("corpus"));
    expect(files.length).toBeGreaterThan(1700);
    const problems: string[] = [];
    let chosen = 0;
    for (const file of files) {
      const config = loadFile(file);
      let r: ReturnType<typeof paddleDialect.extract>;
      try {
        r = paddleDialect.extract(context(config, { stepsPerEpoch: 100 }));
      } catch (e) {
        problems.push(`${file}: threw ${String(e)}`);
        continue;
      }
      if (detectDialect(config.own, config.root).dialect !== paddleDialect) continue;
      chosen++;
      for (const s of r.schedules) {
        // Files of other projects (the generic form is their fallback) get notes at most.
        for (const d of s.diagnostics) if (d.severity === "error" || d.severity === "warning") problems.push(`${file}: ${d.message}`);
        const b = s.spec ? build(s.spec) : undefined;
        if (b && !b.ok) problems.push(`${file}: ${b.errors[0].message}`);
      }
    }
    expect(problems).toEqual([]);
    // Every corpus file belongs to a suite or to another project's trainer: the generic form is only the fallback.
    expect(chosen).toBeLessThan(20);
  });
});
