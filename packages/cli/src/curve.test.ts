/** Tests of `lrlens curve` through the built binary: JSON/CSV/SVG output, the seed's DBNet values, exit codes. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, FIXTURES, lrlens, tempFiles } from "./testing/run-cli";

beforeAll(() => buildCli());

const DBNET = "fixtures/paddle/dbnet.yml";

interface CurveJson {
  files: { file: string; schedules: { path: string; dialect: string; scheduler: string; unit: string; steps: number; lr: (number | null)[]; horizon_from: string; error?: string }[]; diagnostics: { rule: string; severity: string }[] }[];
}

function curveJson(args: string[]): CurveJson {
  const r = lrlens(["curve", ...args, "--format", "json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as CurveJson;
}

describe("lrlens curve --format json", () => {
  it("gives the seed article's DBNet values: warmup, hand-over, and the drops 300 and 400 steps after it", () => {
    const js = curveJson([DBNET, "--steps", "2500"]);
    expect(js.files).toHaveLength(1);
    const [f] = js.files;
    expect(f.file).toBe(DBNET);
    const [s] = f.schedules;
    expect(s).toMatchObject({ path: "lr_scheduler", dialect: "paddle", unit: "step", steps: 2500, horizon_from: "--steps" });
    expect(s.scheduler).toMatch(/^LinearWarmup\(.*MultiStepDecay\(/);
    expect(s.lr).toHaveLength(2500);
    // Paddle: start + (end - start) * t / warmup during the ramp, then MultiStepDecay stepped with epoch t - 2000.
    expect(s.lr[0]).toBe(0);
    expect(s.lr[1000]).toBe(0.0035);
    expect(s.lr[1999]).toBe((0.007 * 1999) / 2000);
    expect(s.lr[2000]).toBe(0.007);
    expect(s.lr[2299]).toBe(0.007);
    expect(s.lr[2300]).toBe(0.007 * 0.1);
    expect(s.lr[2400]).toBe(0.007 * 0.1 ** 2);
    expect(s.lr[2499]).toBe(0.007 * 0.1 ** 2);
    // The unit mix is reported, and only as a warning: the curve is what Paddle computes.
    expect(f.diagnostics.map((d) => d.rule)).toContain("no-unit-mix");
  });

  it("prints numbers as JavaScript's shortest round-trip text", () => {
    const r = lrlens(["curve", DBNET, "--steps", "2401"]);
    expect(r.stdout).toContain(",0.0007000000000000001,");
    expect(r.stdout).toContain(",0.00007000000000000002],");
  });

  it("without --steps, takes the horizon from the schedule and says where it came from", () => {
    const [s] = curveJson([DBNET]).files[0].schedules;
    expect(s.steps).toBe(s.lr.length);
    expect(s.steps).toBeGreaterThan(2400);
    expect(s.horizon_from).not.toBe("--steps");
  });

  it("puts a suite config on the iteration axis when steps per epoch is given, holding epoch-stepped values", () => {
    const dir = tempFiles({
      "ocr.yml": "Global:\n  epoch_num: 3\nOptimizer:\n  name: Momentum\n  lr:\n    name: Step\n    learning_rate: 0.1\n    step_size: 1\n    gamma: 0.5\n",
    });
    const js = curveJson([join(dir, "ocr.yml"), "--steps-per-epoch", "4"]);
    const [s] = js.files[0].schedules;
    expect(s).toMatchObject({ dialect: "paddleocr", unit: "iteration", steps: 12, horizon_from: "Global.epoch_num" });
    expect(s.lr).toEqual([0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.025]);
  });

  it("puts an epoch-based suite config on the epoch axis when steps per epoch is unknown", () => {
    const dir = tempFiles({
      "ocr.yml": "Global:\n  epoch_num: 3\nOptimizer:\n  name: Momentum\n  lr:\n    name: Step\n    learning_rate: 0.1\n    step_size: 1\n    gamma: 0.5\n",
    });
    const [s] = curveJson([join(dir, "ocr.yml")]).files[0].schedules;
    expect(s).toMatchObject({ unit: "epoch", steps: 3 });
    expect(s.lr).toEqual([0.1, 0.05, 0.025]);
  });
});

describe("lrlens curve --format csv and svg", () => {
  it("writes a step,lr header and one row per step", () => {
    const r = lrlens(["curve", DBNET, "--steps", "3", "--format", "csv"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("step,lr\n0,0\n1,0.0000035\n2,0.000007\n".replace("0.0000035", String((0.007 * 1) / 2000)).replace("0.000007", String((0.007 * 2) / 2000)));
  });

  it("gives one column per schedule when a file has several", () => {
    const r = lrlens(["curve", "fixtures/cli/two-schedules.yml", "--steps", "4", "--format", "csv"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("step,lr[backbone.lr],lr[head.lr]\n0,0.1,0.3\n1,0.1,0.2\n2,0.05,0.2\n3,0.05,0.1\n");
  });

  it("draws an SVG, sampled, even for a 1e12-step horizon", () => {
    const r = lrlens(["curve", "fixtures/cli/cosine-1e12.yml", "--format", "svg"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trimStart()).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    expect(r.stdout.length).toBeLessThan(200_000);
  });

  it("writes to --out, numbering SVG files when there are several schedules", () => {
    const dir = tempFiles({});
    const out = join(dir, "curve.svg");
    const r = lrlens(["curve", "fixtures/cli/two-schedules.yml", "--format", "svg", "--out", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(existsSync(join(dir, "curve-1.svg")) && existsSync(join(dir, "curve-2.svg"))).toBe(true);
    expect(readFileSync(join(dir, "curve-2.svg"), "utf8")).toContain("<svg");
  });
});

describe("lrlens curve exit codes", () => {
  it("refuses to print 1e12 dense values with one clear line (exit 2) instead of allocating", () => {
    const r = lrlens(["curve", "fixtures/cli/cosine-1e12.yml"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^lrlens: .*more than 5000000 values.*\n$/);
  });

  it("exits 1 for a schedule Paddle rejects, still printing the file's entry", () => {
    const r = lrlens(["curve", join(FIXTURES, "cli", "errors.yml")]);
    expect(r.status).toBe(1);
    const js = JSON.parse(r.stdout) as CurveJson;
    expect(js.files[0].schedules[0].lr).toEqual([]);
    expect(js.files[0].schedules[0].error).toContain("step_size");
    expect(js.files[0].diagnostics.some((d) => d.severity === "error")).toBe(true);
  });

  it("exits 2 with one line and no stack trace for a missing file", () => {
    const r = lrlens(["curve", "no/such/file.yml"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("lrlens: no/such/file.yml: no such file\n");
  });

  it("exits 2 for bad usage", () => {
    for (const args of [["curve", "--steps", "nope", DBNET], ["curve", DBNET, "--format", "xml"], ["curve"], ["frobnicate"]]) {
      const r = lrlens(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n")[0]).toMatch(/^lrlens: /);
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  });

  it("refuses a directory or a device as input", () => {
    expect(lrlens(["curve", "fixtures"]).stderr).toBe("lrlens: fixtures: is a directory\n");
    const dev = lrlens(["curve", "/dev/null"]);
    expect(dev.status).toBe(2);
    expect(dev.stderr).toBe("lrlens: /dev/null: is not a regular file\n");
  });
});
