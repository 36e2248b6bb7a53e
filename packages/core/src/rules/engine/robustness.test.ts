/** Property tests: whatever values a schedule holds, linting never throws, no rule crashes, and every fix applies cleanly and converges. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyAllFixes } from "../../text/apply-edits";
import { parseProjectConfig } from "../index";
import { lintText, TEST_URI } from "../testing/rule-tester";

/** Scalars a config may hold, including the awkward ones (YAML 1.1 strings, zero, negatives, huge, non-numbers). */
const scalar = fc.oneof(
  fc.constantFrom("0", "1", "-1", "0.0", "1e-3", "5E4", "1.0e-3", "-0.5", "2.5", "1e308", "1000000000000", ".inf", ".nan", "null", "true", "'x'", '"3"', "[]", "[1, 2]", "[3, 1, 2]", "[300, 300]"),
  fc.integer({ min: -5, max: 100_000 }).map(String),
  fc.double({ min: -2, max: 2, noNaN: true }).map((x) => (Number.isInteger(x) ? `${x}.0` : String(x))),
);

const CLASSES = ["StepDecay", "MultiStepDecay", "PiecewiseDecay", "CosineAnnealingDecay", "PolynomialDecay", "ExponentialDecay", "OneCycleLR", "CyclicLR", "LinearLR", "NoamDecay", "InverseTimeDecay"];
const PARAMS = ["learning_rate", "gamma", "step_size", "milestones", "boundaries", "values", "T_max", "eta_min", "decay_steps", "end_lr", "power", "total_steps", "max_learning_rate", "phase_pct", "d_model", "warmup_steps"];

const block = fc.record({
  name: fc.constantFrom(...CLASSES),
  args: fc.uniqueArray(fc.tuple(fc.constantFrom(...PARAMS), scalar), { maxLength: 6, selector: (t) => t[0] }),
  warmup: fc.option(fc.tuple(scalar, scalar, scalar), { nil: undefined }),
  suite: fc.constantFrom("paddle", "paddleseg", "paddleocr"),
});

function render(b: { name: string; args: [string, string][]; warmup?: [string, string, string]; suite: string }): string {
  const args = b.args.map(([k, v]) => `${k}: ${v}`);
  if (b.suite === "paddleseg") return ["iters: 5000", "lr_scheduler:", `  type: ${b.name}`, ...args.map((a) => `  ${a}`), ...(b.warmup ? [`  warmup_iters: ${b.warmup[0]}`, `  warmup_start_lr: ${b.warmup[1]}`] : []), ""].join("\n");
  if (b.suite === "paddleocr") return ["Global:", "  epoch_num: 20", "Optimizer:", "  name: Adam", "  lr:", "    name: MultiStepDecay", ...args.map((a) => `    ${a}`), ...(b.warmup ? [`    warmup_epoch: ${b.warmup[0]}`] : []), ""].join("\n");
  const inner = [`name: ${b.name}`, ...args];
  if (!b.warmup) return ["lr_scheduler:", ...inner.map((a) => `  ${a}`), ""].join("\n");
  return ["lr_scheduler:", "  name: LinearWarmup", `  warmup_steps: ${b.warmup[0]}`, `  start_lr: ${b.warmup[1]}`, `  end_lr: ${b.warmup[2]}`, "  learning_rate:", ...inner.map((a) => `    ${a}`), ""].join("\n");
}

describe("lint on arbitrary schedule values", () => {
  it("never throws, never reports an internal error, and fix-all converges to text that lints the same way twice", () => {
    fc.assert(
      fc.property(block, (b) => {
        const text = render(b);
        const ds = lintText(text);
        expect(ds.filter((d) => d.rule === "internal-error").map((d) => d.message)).toEqual([]);
        for (const d of ds) {
          expect(d.span.start).toBeLessThanOrEqual(d.span.end);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
          for (const f of d.fixes ?? []) for (const e of f.edits) expect(e.start <= e.end && e.end <= text.length).toBe(true);
        }
        const once = applyAllFixes((t) => lintText(t), text, { uri: TEST_URI });
        const twice = applyAllFixes((t) => lintText(t), once.text, { uri: TEST_URI });
        expect(twice.text).toBe(once.text);
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });
});

describe("parseProjectConfig on arbitrary text", () => {
  it("never throws and only reports within the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = parseProjectConfig(text);
        for (const d of r.diagnostics) expect(d.span.end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
