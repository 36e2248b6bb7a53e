/**
 * Documents to fuzz: generated configs in each suite's shape (so mutations start from something
 * the analysis takes seriously), the real corpus configs when `../shared/corpus` is present, and
 * whole fuzz cases (a source, the edits made to it, whether it is a `_BASE_` of an open child).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { stepArb, type Step } from "./mutate";

const NUMBER = fc.oneof(
  fc.constantFrom("0", "1", "-1", "0.001", "1e-3", "1.0e-3", "0.1", "5E4", "1e308", "-0", ".nan", ".inf", "1000000000000", "9007199254740993", "'0.01'", "null", "true", "[]"),
  fc.integer({ min: -10, max: 500_000 }).map(String),
  fc.double({ min: -2, max: 2, noNaN: true }).map((x) => (Number.isInteger(x) ? `${x}.0` : String(x))),
);
const LIST = fc.oneof(
  fc.array(NUMBER, { maxLength: 6 }).map((xs) => `[${xs.join(", ")}]`),
  fc.array(fc.integer({ min: -5, max: 400 }), { maxLength: 6 }).map((xs) => `[${xs.join(", ")}]`),
);
const CLASSES = ["StepDecay", "MultiStepDecay", "PiecewiseDecay", "CosineAnnealingDecay", "Cosine", "CosineDecay", "Piecewise", "PolynomialDecay", "Poly", "ExponentialDecay", "OneCycleLR", "OneCycleDecay", "CyclicLR", "LinearLR", "NoamDecay", "InverseTimeDecay", "LambdaDecay", "MultiplicativeDecay", "CosineAnnealingWarmRestarts", "ReduceOnPlateau", "LinearWarmup", "TwoStepCosine", "CyclicalCosineDecay", "Nonexistent"];
const SCALAR_PARAMS = ["learning_rate", "gamma", "step_size", "T_max", "eta_min", "decay_steps", "end_lr", "power", "total_steps", "max_learning_rate", "phase_pct", "d_model", "warmup_steps", "warmup_epoch", "start_lr", "T_0", "T_mult", "step_size_up", "base_learning_rate", "warmup_start_lr", "epochs", "last_epoch"];
const LIST_PARAMS = ["milestones", "boundaries", "values", "decay_epochs"];

const params = fc.uniqueArray(fc.oneof(fc.tuple(fc.constantFrom(...SCALAR_PARAMS), NUMBER), fc.tuple(fc.constantFrom(...LIST_PARAMS), LIST), fc.constant(["lr_lambda", "'lambda epoch: 0.95 ** epoch'"] as [string, string])), { maxLength: 7, selector: (t) => t[0] });

const indent = (lines: string[], n: number) => lines.map((l) => " ".repeat(n) + l);

/** One config in the shape of a suite (or Paddle's generic form), with arbitrary values. */
export const generatedConfig: fc.Arbitrary<string> = fc
  .record({ suite: fc.constantFrom("paddle", "paddleocr", "paddleclas", "paddledet", "paddleseg"), cls: fc.constantFrom(...CLASSES), args: params, length: NUMBER, warm: fc.option(fc.tuple(NUMBER, NUMBER), { nil: undefined }) })
  .map(({ suite, cls, args, length, warm }) => {
    const kv = args.map(([k, v]) => `${k}: ${v}`);
    switch (suite) {
      case "paddleocr":
        return ["Global:", `  epoch_num: ${length}`, "Optimizer:", "  name: Adam", "  lr:", `    name: ${cls}`, ...indent(kv, 4), ...(warm ? [`    warmup_epoch: ${warm[0]}`] : []), "Train:", "  loader:", "    batch_size_per_card: 8", ""].join("\n");
      case "paddleclas":
        return ["Global:", `  epochs: ${length}`, "Optimizer:", "  name: Momentum", "  lr:", `    name: ${cls}`, ...indent(kv, 4), ...(warm ? [`    warmup_epoch: ${warm[0]}`, `    warmup_start_lr: ${warm[1]}`] : []), ""].join("\n");
      case "paddledet":
        return [`epoch: ${length}`, "LearningRate:", "  base_lr: 0.01", "  schedulers:", `  - !${cls}`, ...indent(kv, 4), ...(warm ? ["  - !LinearWarmup", `    start_factor: ${warm[1]}`, `    steps: ${warm[0]}`] : []), ""].join("\n");
      case "paddleseg":
        return [`iters: ${length}`, "lr_scheduler:", `  type: ${cls}`, ...indent(kv, 2), ...(warm ? [`  warmup_iters: ${warm[0]}`, `  warmup_start_lr: ${warm[1]}`] : []), ""].join("\n");
      default:
        if (!warm) return ["lr_scheduler:", `  name: ${cls}`, ...indent(kv, 2), ""].join("\n");
        return ["lr_scheduler:", "  name: LinearWarmup", `  warmup_steps: ${warm[0]}`, `  start_lr: ${warm[1]}`, "  end_lr: 0.001", "  learning_rate:", `    name: ${cls}`, ...indent(kv, 4), ""].join("\n");
    }
  });

/** Relative paths of every corpus config (sorted), or [] when the corpus is absent. */
export function corpusFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) walk(join(dir, e.name), rel ? `${rel}/${e.name}` : e.name);
      else if (/\.ya?ml$/.test(e.name)) out.push(rel ? `${rel}/${e.name}` : e.name);
    }
  };
  walk(root, "");
  return out.sort();
}

export function readCorpus(root: string, rel: string): string {
  return readFileSync(join(root, rel), "utf8");
}

/** Where the document of a case comes from. */
export type Source = { kind: "corpus"; index: number } | { kind: "generated"; text: string };

export interface FuzzCase {
  source: Source;
  /** Edits, each followed by a burst of requests. */
  steps: Step[];
  /** When set, the mutated document is the `_BASE_` of an open child config (the requests go to the child). */
  asBase: boolean;
  /** Fractions picking the hover/completion positions and the code action range. */
  probes: number[];
}

/** A fuzz case; corpus sources only when `corpusSize` > 0; `heavy` adds the slow hostile blocks. */
export function caseArb(corpusSize: number, options: { maxSteps?: number; heavy?: boolean } = {}): fc.Arbitrary<FuzzCase> {
  const generated = generatedConfig.map((text): Source => ({ kind: "generated", text }));
  const source: fc.Arbitrary<Source> = corpusSize > 0 ? fc.oneof({ weight: 3, arbitrary: fc.nat(corpusSize - 1).map((index): Source => ({ kind: "corpus", index })) }, { weight: 2, arbitrary: generated }) : generated;
  return fc.record({
    source,
    steps: fc.array(stepArb(!!options.heavy), { minLength: 1, maxLength: options.maxSteps ?? 4 }),
    asBase: fc.nat(5).map((n) => n === 0),
    probes: fc.array(fc.double({ min: -0.05, max: 1.1, noNaN: true }), { minLength: 4, maxLength: 4 }),
  });
}
