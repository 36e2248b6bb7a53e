/** Rule: LinearWarmup's `end_lr` differs from the LR the wrapped scheduler starts at, so the LR jumps at the hand-over. */
import type { Fix } from "../model/diagnostics";
import { editableSource, num, paramSpan } from "./support/chain";
import { evaluate, valueAtStep } from "./support/evaluate";
import { warmupOf, type Warmup } from "./support/warmup";
import { replaceSpan, yamlNumber } from "./support/yaml-edit";
import type { Finding, RuleContext, RuleMeta } from "./types";
import type { AnalyzedSchedule } from "../analysis/types";

export const meta: RuleMeta = {
  id: "no-warmup-jump",
  description: "LinearWarmup's end_lr is not the LR the wrapped scheduler starts at.",
  category: "problem",
  severity: "warning",
  fixable: "unsafe",
  paddle: "LinearWarmup ignores end_lr once the warmup ends: it returns the wrapped scheduler's value (at its own epoch 0), whatever end_lr was.",
  docs: {
    details: `\`LinearWarmup\` ramps from \`start_lr\` towards \`end_lr\`, then hands over to the wrapped scheduler, which starts from its own first value (its \`learning_rate\` for most classes). Paddle does not connect the two: when they differ, the LR jumps at the hand-over, up or down, e.g. a ramp to 0.01 followed by a cosine that starts at 0.1 multiplies the LR by ten in one step. Wrapping OneCycleLR (which starts at max/25) or NoamDecay (which starts at 0) drops it instead.`,
    invalid: [
      `lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: CosineAnnealingDecay
    learning_rate: 0.1
    T_max: 10000
  warmup_steps: 2000
  start_lr: 0.0
  end_lr: 0.01
`,
    ],
    valid: [
      `lr_scheduler:
  name: LinearWarmup
  learning_rate:
    name: CosineAnnealingDecay
    learning_rate: 0.1
    T_max: 10000
  warmup_steps: 2000
  start_lr: 0.0
  end_lr: 0.1
`,
    ],
    fix: "Sets `end_lr` to the wrapped scheduler's first LR (preferred), or the wrapped scheduler's `learning_rate` to `end_lr` where that is its first LR. Both change the schedule, so `--fix` leaves them to you.",
    whenNotToUse: "When the jump is intended (a warmup to a lower LR followed by a restart).",
  },
};

/** Classes whose first LR is their `learning_rate` argument, so setting it moves the hand-over value. */
const STARTS_AT_LEARNING_RATE = new Set([
  "CosineAnnealingDecay",
  "MultiStepDecay",
  "StepDecay",
  "ExponentialDecay",
  "NaturalExpDecay",
  "InverseTimeDecay",
  "PolynomialDecay",
  "MultiplicativeDecay",
  "CosineAnnealingWarmRestarts",
]);

export interface Data {
  endLr: number;
  innerStart: number;
  at: number;
  innerName: string;
  warmup: Warmup;
}

function innerName(w: Warmup): string {
  return w.inner?.spec.name ?? "the learning_rate number";
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    const w = warmupOf(s);
    if (!w || w.link.spec.name !== "LinearWarmup" || w.endLr === undefined) continue;
    const e = evaluate(s);
    if (!e || e.error || w.steps >= e.n) continue;
    const innerStart = w.inner ? valueAtStep(e, w.steps) : num(w.link.spec.args.learning_rate);
    if (innerStart === undefined || !Number.isFinite(innerStart)) continue;
    const scale = Math.max(Math.abs(innerStart), Math.abs(w.endLr));
    if (Math.abs(innerStart - w.endLr) <= 1e-9 * scale) continue;
    out.push({ span: paramSpan(s, w.link, "end_lr"), schedule: s, data: { endLr: w.endLr, innerStart, at: w.steps, innerName: innerName(w), warmup: w } });
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { endLr, innerStart, at, innerName } = f.data;
  const ratio = endLr > 0 ? innerStart / endLr : Infinity;
  const jump = Number.isFinite(ratio) ? `${ratio >= 1 ? "up" : "down"} ×${Number(ratio.toPrecision(3))}` : "";
  return `The warmup ramps towards end_lr ${endLr}, but ${innerName} starts at ${innerStart}: the LR jumps ${jump ? `${jump} ` : ""}at step ${at}, when the warmup hands over. Make end_lr the wrapped scheduler's first LR.`;
}

function approxEqual(a: number | undefined, b: number): boolean {
  return a !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

export function fix(f: Finding<Data>, ctx: RuleContext): Fix[] {
  const s = f.schedule as AnalyzedSchedule;
  const { warmup, innerStart, endLr } = f.data;
  const fixes: Fix[] = [];
  const end = editableSource(s, warmup.link, "end_lr");
  if (end && end.node.kind === "scalar") {
    const isInt = end.node.value.type === "int" && Number.isInteger(innerStart);
    fixes.push({ title: `Set end_lr to ${innerStart}`, edits: [replaceSpan(end.node.span, yamlNumber(innerStart, isInt))], preferred: true });
  }
  const inner = warmup.inner;
  const lr = inner && STARTS_AT_LEARNING_RATE.has(inner.spec.name) ? editableSource(s, inner, "learning_rate") : undefined;
  // Only when the wrapped scheduler really starts at its learning_rate: a milestone at 0 (MultiStepDecay)
  // starts it at learning_rate × gamma, and copying end_lr there would leave the jump in place.
  const startsAtLr = inner && approxEqual(num(inner.spec.args.learning_rate), innerStart);
  if (inner && lr && lr.node.kind === "scalar" && lr !== end && startsAtLr) {
    // Keep end_lr's own spelling when copying it.
    const text = end ? ctx.textOf(end.node.span.uri).slice(end.node.span.start, end.node.span.end) : yamlNumber(endLr, false);
    fixes.push({ title: `Set ${inner.spec.name}'s learning_rate to ${endLr}`, edits: [replaceSpan(lr.node.span, text)] });
  }
  return fixes;
}
