/** Rule: a value of the wrong Python type where the intended value is obvious (`step_size: 5.0`, `T_max: "10"`, `phase_pct: 0`). */
import type { Fix } from "../model/diagnostics";
import { paramSpan } from "./support/chain";
import { constructionErrors, convertibleType, specificRuleFor } from "./support/paddle-errors";
import { replaceSpan } from "./support/yaml-edit";
import type { Finding, RuleContext, RuleMeta } from "./types";
import type { Span } from "../model/positions";

export const meta: RuleMeta = {
  id: "valid-param-type",
  description: "A number written with the wrong Python type (a float where Paddle checks for an int, a quoted number, ...).",
  category: "problem",
  severity: "error",
  fixable: "safe",
  paddle: "isinstance checks in lr.py, e.g. TypeError: The type of 'step_size' must be 'int', but received <class 'float'>; AssertionError: 'T_max' must be a positive integer.",
  docs: {
    details: `Paddle checks the Python type of several arguments, not just their value: \`step_size\`, \`T_max\`, \`decay_steps\`, \`warmup_steps\`, \`total_steps\` and \`step_size_up\` must be ints (\`10.0\` is rejected), \`phase_pct\` and CyclicLR's \`exp_gamma\` must be floats (\`0\` and \`1\` are rejected), and a quoted number is a string. YAML decides the type from how the value is written, so the fix is in the spelling.`,
    invalid: [
      `lr_scheduler:
  name: StepDecay
  learning_rate: 0.1
  step_size: 30.0
  gamma: 0.5
`,
      `lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: 0.1
  T_max: "1000"
`,
    ],
    valid: [
      `lr_scheduler:
  name: StepDecay
  learning_rate: 0.1
  step_size: 30
  gamma: 0.5
`,
    ],
    fix: "Rewrites the value with the type Paddle wants: `30.0` → `30`, `\"1000\"` → `1000`, `0` → `0.0`.",
    whenNotToUse: "Never: Paddle rejects these values at startup.",
  },
};

export interface Data {
  className: string;
  key: string;
  written: string;
  text: string;
  kind: "int" | "float";
  paddleMessage: string;
  valueSpan: Span;
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    for (const e of constructionErrors(s)) {
      if (specificRuleFor(e) !== meta.id || !e.node || e.node.kind !== "scalar" || !e.error.param) continue;
      const want = convertibleType(e);
      if (!want) continue;
      const src = s.argSources[`${e.link.prefix}${e.error.param}`];
      const written = ctx.textOf(e.node.span.uri).slice(e.node.span.start, e.node.span.end);
      out.push({
        span: paramSpan(s, e.link, e.error.param),
        schedule: s,
        data: { className: e.link.spec.name, key: src?.key ?? e.error.param, written, text: want.text, kind: want.kind, paddleMessage: e.error.message.trim(), valueSpan: e.node.span },
      });
    }
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { className, key, written, text, kind, paddleMessage } = f.data;
  return `\`${key}: ${written}\` has the wrong type: ${className} wants ${kind === "int" ? "an int" : "a float"} and raises "${paddleMessage}" at construction. Write \`${text}\`.`;
}

export function fix(f: Finding<Data>): Fix[] {
  if (f.data.valueSpan.uri !== f.span.uri) return [];
  return [{ title: `Write ${f.data.text}`, edits: [replaceSpan(f.data.valueSpan, f.data.text)], preferred: true }];
}
