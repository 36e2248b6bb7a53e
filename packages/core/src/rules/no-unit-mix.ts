/**
 * Rule: a warmup counted in steps wrapping a decay whose milestones / period look like epochs (the
 * seed article's DBNet: `warmup_steps: 2000` with `milestones: [300, 400]`, stepped per iteration).
 */
import type { AnalyzedSchedule } from "../analysis/types";
import type { ConfigNode } from "../config/types";
import type { Fix } from "../model/diagnostics";
import { editableSource, num, numList } from "./support/chain";
import { warmupOf, type Warmup } from "./support/warmup";
import { replaceSequenceItems, replaceSpan } from "./support/yaml-edit";
import type { Finding, RuleContext, RuleMeta } from "./types";

export const meta: RuleMeta = {
  id: "no-unit-mix",
  description: "Warmup counted in steps while the wrapped decay's milestones or period look like epochs.",
  category: "problem",
  severity: "warning",
  fixable: "unsafe",
  docs: {
    details: `\`LinearWarmup\` and the scheduler it wraps are stepped by the same \`scheduler.step()\` calls, so all their lengths are in the same unit. A config that counts the warmup in iterations (\`warmup_steps: 2000\`) but writes the wrapped decay's milestones, step size or period in epochs (\`milestones: [300, 400]\`) mixes the two: stepped once per iteration, the decay's clock restarts when the warmup ends, and the LR drops 10× just 300 iterations later and 100× at 400 — long before the epochs the numbers meant. This is the example config of PaddlePaddle's own LR scheduler guide (DBNet).

The rule fires when everything the wrapped scheduler does happens within a span shorter than the warmup itself, wherever both lengths are written as the numbers Paddle steps with: the generic form, and PaddleSeg (whose milestones are raw iterations). PaddleOCR and PaddleClas multiply epochs by the steps per epoch themselves, so they cannot mix units this way. The message says where the drops really land.`,
    invalid: [
      `lr_scheduler:
  name: LinearWarmup
  start_lr: 0.0
  end_lr: 0.007
  warmup_steps: 2000
  scheduler:
    name: MultiStepDecay
    learning_rate: 0.007
    milestones: [300, 400]
    gamma: 0.1
`,
    ],
    valid: [
      `lr_scheduler:
  name: LinearWarmup
  start_lr: 0.0
  end_lr: 0.007
  warmup_steps: 2000
  scheduler:
    name: MultiStepDecay
    learning_rate: 0.007
    milestones: [300000, 400000]
    gamma: 0.1
`,
    ],
    fix: "With steps per epoch known (`# lrlens: steps-per-epoch=N`, `--steps-per-epoch`, the editor setting or `.lrlens.yaml`): multiply the wrapped scheduler's lengths by it (preferred), or count the warmup in epochs instead (divide `warmup_steps` by it). Both change the schedule, so `--fix` leaves them to you.",
    whenNotToUse: "When the short decay is intended (a quick drop right after a long warmup).",
  },
};

/** The lengths of a wrapped scheduler that are counted in its own steps. */
const LENGTHS: Record<string, { param: string; list?: boolean }> = {
  MultiStepDecay: { param: "milestones", list: true },
  PiecewiseDecay: { param: "boundaries", list: true },
  StepDecay: { param: "step_size" },
  CosineAnnealingDecay: { param: "T_max" },
  PolynomialDecay: { param: "decay_steps" },
  CosineAnnealingWarmRestarts: { param: "T_0" },
  LinearLR: { param: "total_steps" },
  OneCycleLR: { param: "total_steps" },
};

export interface Data {
  warmup: Warmup;
  warmupKey: string;
  className: string;
  param: string;
  key: string;
  values: number[];
  gamma?: number;
  spe?: number;
  node: ConfigNode;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    const w = warmupOf(s);
    const inner = w?.inner;
    if (!w || !inner || w.link.spec.name !== "LinearWarmup") continue;
    const length = LENGTHS[inner.spec.name];
    if (!length) continue;
    const arg = inner.spec.args[length.param];
    const values = length.list ? numList(arg) : num(arg) !== undefined ? [num(arg) as number] : undefined;
    if (!values || values.length === 0 || values.some((v) => !(v > 0))) continue;
    if (Math.max(...values) >= w.steps) continue;
    const src = s.argSources[`${inner.prefix}${length.param}`];
    // Both written in the YAML as the numbers Paddle steps with (the generic form, PaddleSeg); suites
    // that scale epochs themselves (PaddleOCR, PaddleClas) cannot mix units this way.
    if (!src || src.transform !== "identity" || (w.source && w.source.transform !== "identity")) continue;
    out.push({
      span: src.node.span,
      schedule: s,
      data: {
        warmup: w,
        warmupKey: w.source?.key ?? "warmup_steps",
        className: inner.spec.name,
        param: length.param,
        key: src.key,
        values,
        gamma: num(inner.spec.args.gamma) ?? (inner.spec.name === "MultiStepDecay" || inner.spec.name === "StepDecay" ? 0.1 : undefined),
        spe: s.stepsPerEpoch.value,
        node: src.node,
      },
    });
  }
  return out;
}

const show = (xs: readonly number[]) => (xs.length === 1 ? String(xs[0]) : `[${xs.join(", ")}]`);

/** Where the wrapped scheduler's events really land, in steps. */
function landing(d: Data): string {
  const W = d.warmup.steps;
  const last = Math.max(...d.values);
  if (d.className === "MultiStepDecay" || d.className === "PiecewiseDecay") {
    const drops = [...d.values].sort((a, b) => a - b).map((m, i) => {
      const factor = d.gamma !== undefined && d.className === "MultiStepDecay" ? ` to ${Number((d.gamma ** (i + 1)).toPrecision(3))}×` : "";
      return `step ${W + m}${factor}`;
    });
    return `the LR changes at ${drops.join(" and ")}, only ${last} steps after the warmup ends`;
  }
  if (d.className === "StepDecay") return `the LR is multiplied by ${d.gamma ?? 0.1} every ${last} steps from step ${W} on (first at step ${W + last})`;
  if (d.className === "CosineAnnealingDecay") return `the cosine reaches its minimum at step ${W + last}, ${last} steps after the warmup, and then climbs back up`;
  return `it is over by step ${W + last}, ${last} steps after the warmup ends`;
}

export function message(f: Finding<Data>): string {
  const d = f.data;
  const hint = d.spe === undefined ? " Set `# lrlens: steps-per-epoch=N` (or --steps-per-epoch) to get a fix." : "";
  return `\`${d.warmupKey}: ${d.warmup.steps}\` counts steps, but \`${d.key}\` ${show(d.values)} look${d.values.length === 1 ? "s" : ""} like epochs: stepped once per iteration like the warmup, ${landing(d)}. Scale \`${d.key}\` by the steps per epoch, or count the warmup in epochs.${hint}`;
}

export function fix(f: Finding<Data>, ctx: RuleContext): Fix[] {
  const d = f.data;
  const s = f.schedule as AnalyzedSchedule;
  if (d.spe === undefined) return [];
  const spe = d.spe;
  const fixes: Fix[] = [];
  const inner = d.warmup.inner!;
  const src = editableSource(s, inner, d.param);
  if (src) {
    const scaled = d.values.map((v) => String(v * spe));
    const edits = src.node.kind === "seq" ? replaceSequenceItems(ctx.textOf(src.node.span.uri), src.node, scaled) : src.node.kind === "scalar" ? [replaceSpan(src.node.span, scaled[0])] : undefined;
    if (edits && d.values.every((v) => Number.isSafeInteger(v * spe))) fixes.push({ title: `Scale ${d.key} to steps (× ${spe} steps per epoch)`, edits, preferred: true });
  }
  // Counting the warmup in epochs means stepping per epoch: a choice only the generic form's own trainer can make.
  const warm = s.stepping.per === "step" ? editableSource(s, d.warmup.link, "warmup_steps") : undefined;
  if (warm && warm.node.kind === "scalar") {
    const epochs = Math.max(1, Math.round(d.warmup.steps / spe));
    fixes.push({ title: `Count the warmup in epochs (warmup_steps: ${epochs}, ÷ ${spe} steps per epoch)`, edits: [replaceSpan(warm.node.span, String(epochs))] });
  }
  return fixes;
}
