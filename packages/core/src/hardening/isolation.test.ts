/**
 * Crash isolation: a throwing rule, dialect (detector or extractor) or renderer becomes one
 * `internal-error` report naming the culprit, and everything else still works. Faults are injected
 * through test-only seams that user input cannot reach: `runRules` with a given rule list, a spy on
 * a registered dialect object, and a module mock of the SVG renderer.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { analyzeDocument, DIALECTS, hoverAt, lint, RULES, scheduleCurves, type Host, type Rule } from "../index";
import { runRules } from "../rules/engine/run-rules";

/** Set by a test to make the next renders throw; the real renderer otherwise. */
const renderer = vi.hoisted(() => ({ broken: false }));
vi.mock("../render/curve-svg", async (importOriginal) => {
  const real = await importOriginal<typeof import("../render/curve-svg")>();
  return {
    ...real,
    renderCurveSvg: (...args: Parameters<typeof real.renderCurveSvg>) => {
      if (renderer.broken) throw new RangeError("injected renderer fault");
      return real.renderCurveSvg(...args);
    },
  };
});

afterEach(() => {
  vi.restoreAllMocks();
  renderer.broken = false;
});

const NO_FILES: Host = { readFile: () => undefined };
/** Unsorted milestones: a rule fires (and Paddle refuses to build it). */
const TEXT = "lr_scheduler:\n  name: MultiStepDecay\n  learning_rate: 0.1\n  milestones: [400, 300]\n  gamma: 0.5\n";
const analyze = () => analyzeDocument("file:///w/x.yml", TEXT, NO_FILES);
const internal = (ds: { rule: string; message: string }[]) => ds.filter((d) => d.rule === "internal-error").map((d) => d.message);

describe("a throwing rule", () => {
  it("becomes one internal-error naming the rule, and every other rule still reports", () => {
    const boom: Rule = { meta: { ...RULES[0].meta, id: "no-boom" }, check: () => { throw new TypeError("injected rule fault"); }, message: () => "" };
    const healthy = lint(analyze()).map((d) => d.rule);
    expect(healthy).toContain("no-unsorted-milestones");
    const ds = runRules([boom, ...RULES], analyze(), {});
    expect(internal(ds)).toEqual([expect.stringMatching(/^Rule `no-boom` crashed on this file \(.*injected rule fault\); the other rules still ran\./)]);
    expect(ds.filter((d) => d.rule !== "internal-error").map((d) => d.rule)).toEqual(healthy);
  });
});

describe("a throwing dialect", () => {
  const paddle = DIALECTS.find((d) => d.id === "paddle")!;

  it("an extractor fault becomes one internal-error naming the dialect; loading diagnostics survive and nothing throws", () => {
    vi.spyOn(paddle, "extract").mockImplementation(() => {
      throw new Error("injected extract fault");
    });
    const a = analyzeDocument("file:///w/x.yml", `a: &a [1]\nb: [*a, *a, *a]\n${TEXT}`, NO_FILES, { limits: { maxAliasCount: 2 } });
    const ds = lint(a);
    expect(internal(ds)).toEqual([expect.stringMatching(/^lrlens internal error in the paddle\.optimizer\.lr dialect: injected extract fault\./)]);
    expect(ds.map((d) => d.rule)).toContain("limit-exceeded");
    expect(hoverAt(a, TEXT.indexOf("milestones"))).toBeUndefined();
  });

  it("a detector fault in another suite is reported, and the file is still read by the dialect that matches", () => {
    const seg = DIALECTS.find((d) => d.id === "paddleseg")!;
    vi.spyOn(seg, "detect").mockImplementation(() => {
      throw new Error("injected detect fault");
    });
    const a = analyze();
    expect(a.dialect).toBe("paddle");
    const ds = lint(a);
    expect(internal(ds)).toEqual([expect.stringMatching(/^lrlens internal error in dialect detection \(paddleseg\): injected detect fault\./)]);
    expect(ds.map((d) => d.rule)).toContain("no-unsorted-milestones");
  });
});

describe("a throwing renderer", () => {
  it("leaves the curve's numbers and says the renderer failed, in the curves and in the hover", () => {
    const text = TEXT.replace("[400, 300]", "[300, 400]");
    const healthy = scheduleCurves(analyzeDocument("file:///w/x.yml", text, NO_FILES))[0];
    expect(healthy.svg).toMatch(/^<svg/);
    renderer.broken = true;
    const a = analyzeDocument("file:///w/x.yml", text, NO_FILES);
    const [curve] = scheduleCurves(a);
    expect(curve.svg).toBe("");
    expect(curve.error).toBe("lrlens internal error in the SVG renderer: injected renderer fault. The numbers are still right; please report this.");
    expect(curve.points).toEqual(healthy.points);
    const md = hoverAt(a, text.indexOf("gamma"))!.markdown;
    expect(md).not.toContain("data:image");
    expect(md).toContain("SVG renderer");
    expect(md).toMatch(/\| Final \| /);
  });
});
