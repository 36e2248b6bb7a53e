import { describe, expect, it } from "vitest";
import { buildCurveCsv, exportFileName } from "./csv";
import { dbnetPoints } from "./testing/schedules";

describe("buildCurveCsv", () => {
  it("writes a step,lr header and one row per point with round-trip numbers", () => {
    const csv = buildCurveCsv({ unit: "step", points: dbnetPoints() });
    const rows = csv.trimEnd().split("\n");
    expect(rows[0]).toBe("step,lr");
    expect(rows).toHaveLength(dbnetPoints().length + 1);
    expect(rows).toContain("2300,0.0007000000000000001");
    for (const row of rows.slice(1)) {
      const [step, lr] = row.split(",").map(Number);
      expect(dbnetPoints().some(([s, v]) => s === step && v === lr)).toBe(true);
    }
    expect(csv.endsWith("\n")).toBe(true);
  });
  it("names the x column after the curve's unit", () => {
    expect(buildCurveCsv({ unit: "epoch", points: [[0, 0.1]] })).toBe("epoch,lr\n0,0.1\n");
    expect(buildCurveCsv({ unit: "iteration", points: [[0, 0.1]] })).toBe("iteration,lr\n0,0.1\n");
  });
  it("spells missing and infinite learning rates as pandas reads them", () => {
    expect(buildCurveCsv({ unit: "step", points: [[0, null as never], [1, Infinity], [2, -Infinity]] })).toBe("step,lr\n0,nan\n1,inf\n2,-inf\n");
  });
});

describe("exportFileName", () => {
  it("combines the config and schedule names into a safe file name", () => {
    expect(exportFileName("det_r50_db.yml", "Optimizer.lr", "png")).toBe("det_r50_db-Optimizer.lr.png");
    expect(exportFileName("a b.yaml", "../../etc/passwd<script>", "csv")).toBe("a-b-etc-passwd-script.csv");
    expect(exportFileName(".yml", "", "csv")).toBe("config-schedule.csv");
  });
});
