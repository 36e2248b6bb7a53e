/**
 * Every limit of `Limits`, hit by a hostile document through the public API (`analyzeDocument` +
 * `lint`): the hit is a visible `limit-exceeded` diagnostic (never a silent cut), the rest of the
 * file still works, and the limit can be lowered and raised through `AnalyzeOptions.limits`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeDocument, DEFAULT_LIMITS, hoverAt, lint, scheduleCurves, type Diagnostic, type Host, type Limits } from "../index";
import { REPO_ROOT } from "../testing/shared";

const URI = "file:///w/x.yml";
const NO_FILES: Host = { readFile: () => undefined };
const hostile = (name: string) => readFileSync(join(REPO_ROOT, "fixtures/hostile", name), "utf8");

function check(text: string, limits: Partial<Limits> = {}, host: Host = NO_FILES) {
  const analysis = analyzeDocument(URI, text, host, { limits });
  const diagnostics = lint(analysis);
  return { analysis, diagnostics, limitHits: diagnostics.filter((d) => d.rule === "limit-exceeded") };
}

const messages = (ds: Diagnostic[]) => ds.map((d) => d.message);
const STEP_DECAY = "lr_scheduler:\n  name: StepDecay\n  learning_rate: 0.1\n  step_size: 10\n  gamma: 0.5\n";
/** StepDecay(0.1, step_size=10, gamma=0.5) over its natural 80 steps: Paddle's last value is 0.1 × 0.5^7. */
const STEP_DECAY_FINAL = 0.1 * 0.5 ** 7;

describe("maxDocumentChars", () => {
  it("refuses a document over 2,000,000 characters with a warning on its first line, not silence", () => {
    const { analysis, limitHits } = check(STEP_DECAY + `# ${"x".repeat(DEFAULT_LIMITS.maxDocumentChars)}\n`);
    expect(messages(limitHits)).toEqual([expect.stringMatching(/^Document too large to analyse: 2000\d{3} characters \(maxDocumentChars = 2000000\)\.$/)]);
    expect(limitHits[0].range.start.line).toBe(0);
    expect(analysis.schedules).toEqual([]);
  });

  it("follows the limit when a user lowers or raises it", () => {
    const text = hostile("nesting-70.yml");
    expect(messages(check(text, { maxDocumentChars: 1000 }).limitHits)).toEqual([`Document too large to analyse: ${text.length} characters (maxDocumentChars = 1000).`]);
    const big = STEP_DECAY + `# ${"x".repeat(2_100_000)}\n`;
    const raised = check(big, { maxDocumentChars: 3_000_000 });
    expect(raised.limitHits).toEqual([]);
    expect(raised.analysis.schedules.map((s) => s.path)).toEqual(["lr_scheduler"]);
  });
});

describe("maxAliasCount", () => {
  it("stops the billion-laughs document at 100 alias expansions and still draws the schedule beside it", () => {
    const { analysis, limitHits } = check(hostile("alias-bomb.yml"));
    expect(messages(limitHits)).toEqual([expect.stringMatching(/^Alias expansion limit reached \(maxAliasCount = 100\)/)]);
    const [curve] = scheduleCurves(analysis);
    expect(curve.final).toBe(STEP_DECAY_FINAL);
  });

  it("follows a lowered limit", () => {
    const text = `a: &a [1, 2]\nb: [*a, *a, *a]\n${STEP_DECAY}`;
    expect(check(text).limitHits).toEqual([]);
    expect(messages(check(text, { maxAliasCount: 2 }).limitHits)).toEqual([expect.stringContaining("maxAliasCount = 2")]);
  });
});

describe("maxNestingDepth", () => {
  it("reads a collection nested 70 deep as null with a warning, and the schedule beside it still works", () => {
    const { analysis, limitHits } = check(hostile("nesting-70.yml"));
    expect(messages(limitHits)).toEqual(["Nesting deeper than maxNestingDepth = 64: this collection (depth 65) and anything as deep are read as null."]);
    expect(scheduleCurves(analysis)[0].final).toBe(STEP_DECAY_FINAL);
    expect(check(hostile("nesting-70.yml"), { maxNestingDepth: 100 }).limitHits).toEqual([]);
  });

  it("refuses 50,000 open brackets outright, where the YAML parser would overflow its stack", () => {
    const { analysis, limitHits } = check(`${STEP_DECAY}x: ${"[".repeat(50_000)}\n`);
    expect(messages(limitHits)).toEqual([expect.stringMatching(/^Document nests deeper than \d+ levels here \(maxNestingDepth = 64\): not analysed\.$/)]);
    expect(analysis.schedules).toEqual([]);
  });
});

describe("maxListLength", () => {
  const milestones = (n: number) => `lr_scheduler:\n  name: MultiStepDecay\n  learning_rate: 0.1\n  milestones: [${Array.from({ length: n }, (_, i) => i + 1).join(", ")}]\n`;

  it("reads 100,000 milestones whole and says so when a list has one more", () => {
    expect(check(milestones(100_000)).limitHits).toEqual([]);
    expect(messages(check(milestones(100_001)).limitHits)).toEqual(["This sequence has 100001 items; only the first 100000 are read (maxListLength = 100000)."]);
  });

  it("follows a lowered limit", () => {
    const { analysis, limitHits } = check(milestones(11), { maxListLength: 10 });
    expect(messages(limitHits)).toEqual(["This sequence has 11 items; only the first 10 are read (maxListLength = 10)."]);
    expect(analysis.schedules[0].spec?.args.milestones).toMatchObject({ type: "list", items: { length: 10 } });
  });
});

describe("maxInheritanceDepth and maxInheritanceFiles", () => {
  /** `file:///w/c0.yml` inherits c1, which inherits c2, ... up to c{n}, which holds the schedule. */
  function chain(n: number): Host {
    return {
      readFile(uri) {
        const i = Number(/c(\d+)\.yml$/.exec(uri)?.[1]);
        if (!(i >= 1 && i <= n)) return undefined;
        return i === n ? "LearningRate:\n  base_lr: 0.01\n  schedulers:\n  - !PiecewiseDecay\n    milestones: [8, 11]\n    use_warmup: false\nepoch: 12\n" : `_BASE_: ['c${i + 1}.yml']\n`;
      },
    };
  }
  const leaf = "_BASE_: ['c1.yml']\narchitecture: FasterRCNN\n";

  it("stops a 40-file chain at depth 32 with a warning on the leaf's _BASE_ entry", () => {
    const { limitHits } = check(leaf, {}, chain(40));
    expect(messages(limitHits)).toEqual([expect.stringMatching(/^Inheritance chain deeper than maxInheritanceDepth = 32: `c33\.yml` and its bases are not read\./)]);
    expect(limitHits[0].uri).toBe(URI);
    expect(limitHits[0].range.start.line).toBe(0);
  });

  it("reads the same chain whole once the depth is raised, and stops it at a lowered file count", () => {
    const raised = check(leaf, { maxInheritanceDepth: 50, maxInheritanceFiles: 100 }, chain(40));
    expect(raised.limitHits).toEqual([]);
    expect(raised.analysis.schedules.map((s) => s.path)).toEqual(["LearningRate"]);
    expect(messages(check(leaf, { maxInheritanceFiles: 5 }, chain(40)).limitHits)).toEqual([expect.stringContaining("more than maxInheritanceFiles = 5 files")]);
  });
});

describe("maxHorizon", () => {
  it("draws a 10^12-step cosine through its closed form, hover included, without a limit hit", () => {
    const text = hostile("horizon-1e12.yml");
    const { analysis, limitHits } = check(text);
    expect(limitHits).toEqual([]);
    const [curve] = scheduleCurves(analysis);
    expect(curve.totalSteps).toBe(1e12 + 1);
    // Paddle's closed form at T_max/2: eta_min + (0.1 - 0)·(1 + cos(π/2))/2 = 0.05.
    const mid = curve.points.reduce((best, p) => (Math.abs(p[0] - 5e11) < Math.abs(best[0] - 5e11) ? p : best));
    expect(mid[1]).toBeCloseTo(0.05 * (1 + Math.cos((Math.PI * mid[0]) / 1e12)), 12);
    expect(hoverAt(analysis, text.indexOf("T_max"))?.markdown).toContain("data:image/svg+xml;base64,");
  });

  it("cuts a 10^18-step schedule at 10^15 steps and says so on the key that set the length", () => {
    const text = hostile("horizon-1e18.yml");
    const { analysis, limitHits } = check(text);
    const cut = limitHits.find((d) => d.severity === "warning");
    expect(cut?.message).toBe("This schedule runs 1.000e+18 steps (from T_max), beyond maxHorizon = 1e+15: lrlens draws and checks only the first 1e+15 steps.");
    expect(text.slice(cut!.span.start, cut!.span.end)).toBe("T_max");
    expect(analysis.schedules[0].horizon.steps).toBe(1e15);
  });

  it("follows a lowered limit", () => {
    const { analysis, limitHits } = check(hostile("horizon-1e12.yml"), { maxHorizon: 1e6 });
    expect(messages(limitHits)).toEqual([expect.stringContaining("beyond maxHorizon = 1e+6")]);
    expect(analysis.schedules[0].horizon.steps).toBe(1e6);
  });
});

describe("numbers at the edges of a double", () => {
  it("keeps 1e308 exact: the curve starts at 1e308 and halves seven times", () => {
    const { analysis, diagnostics } = check(hostile("number-1e308.yml"));
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const [curve] = scheduleCurves(analysis);
    expect([curve.peak, curve.final]).toEqual([1e308, 1e308 * 0.5 ** 7]);
  });

  it.each([
    ["number-overflow.yml", "Infinity"],
    ["number-inf.yml", "Infinity"],
    ["number-nan.yml", "NaN"],
  ])("%s: reports the broken learning rate as an error instead of drawing a curve", (file, word) => {
    const { analysis, diagnostics } = check(hostile(file));
    expect(diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([expect.stringContaining(`The learning rate becomes ${word} at step 0`)]);
    expect(scheduleCurves(analysis)[0].points).toEqual([]);
  });

  it("keeps -0.0 as Paddle's negative zero: a flat zero curve, never a stray positive value", () => {
    const { analysis } = check(hostile("number-neg-zero.yml"));
    const [curve] = scheduleCurves(analysis);
    expect(curve.points.every(([, y]) => Object.is(y, -0))).toBe(true);
  });

  it("says when an int beyond 2^53 is computed as the nearest double", () => {
    const { limitHits } = check(hostile("number-big-int.yml"));
    expect(limitHits.filter((d) => d.severity === "information").map((d) => d.message)).toEqual([
      "`milestones` = 9007199254740993 is beyond 2^53, the largest integer a double holds exactly: lrlens computes with 9007199254740992 instead (Python would keep the exact int), so the curve is exact only to double precision.",
    ]);
  });
});

describe("maxLambdaChars and maxLambdaCost", () => {
  it("refuses a 2,221-character lambda with the limit in the message, and evaluates it once the limit is raised", () => {
    const text = hostile("lambda-long.yml");
    expect(check(text).diagnostics.filter((d) => d.rule === "invalid-lambda").map((d) => d.message)).toEqual(["`lr_lambda` is not a lambda lrlens can evaluate: lambda text is 2221 characters long; the limit is 2000."]);
    const raised = check(text, { maxLambdaChars: 5000 });
    expect(raised.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // 0.5 ** max(e, ...) at step 3 is 0.5^3, times the base LR.
    expect(raised.analysis.schedules[0].build?.ok && raised.analysis.schedules[0].build.program.valueAt(3)).toBe(0.1 * 0.125);
  });

  it("refuses a lambda of more operations than a lowered maxLambdaCost, before evaluating it", () => {
    const text = hostile("lambda-costly.yml");
    expect(check(text).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(check(text, { maxLambdaCost: 100 }).diagnostics.filter((d) => d.rule === "invalid-lambda").map((d) => d.message)).toEqual(["`lr_lambda` is not a lambda lrlens can evaluate: expression is too large (more than 100 operations)."]);
  });

  it("bounds a tower of powers instead of computing 10^10^10^10", () => {
    const { diagnostics } = check(hostile("lambda-overflow.yml"));
    expect(diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([expect.stringContaining("OverflowError: integer result too large (more than 4096 bits)")]);
  });
});

describe("maxDenseSteps", () => {
  // MultiplicativeDecay has no closed form: the LR after k steps is k lambda calls away.
  const MULTIPLICATIVE = "lr_scheduler:\n  name: MultiplicativeDecay\n  learning_rate: 0.1\n  lr_lambda: 'lambda epoch: 0.999'\n";

  it("caps the step-by-step replay behind a value far along a schedule without a closed form, and can be raised", () => {
    const program = (limits: Partial<Limits>) => {
      const s = check(MULTIPLICATIVE, limits).analysis.schedules[0];
      if (!s.build?.ok) throw new Error("the schedule must build");
      return s.build.program;
    };
    // Paddle: 0.1 × 0.999^k (each step multiplies the last LR by the lambda's value).
    expect(program({}).valueAt(5000)).toBeCloseTo(0.1 * 0.999 ** 5000, 15);
    expect(program({ maxDenseSteps: 1000 }).valueAt(5000)).toBeNaN();
    expect(program({ maxDenseSteps: 1000 }).valueAt(999)).toBeCloseTo(0.1 * 0.999 ** 999, 15);
  });
});
