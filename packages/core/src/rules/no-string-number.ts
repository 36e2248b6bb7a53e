/** Rule: a number written so that PyYAML (YAML 1.1) reads it as a string (`1e-3`), reaching Paddle as a str. */
import type { ConfigScalar } from "../config/types";
import { chainOf } from "./support/chain";
import { constructionErrors, isYaml11StringNumber } from "./support/paddle-errors";
import { replaceSpan, yaml11FloatText } from "./support/yaml-edit";
import type { Finding, RuleContext, RuleMeta } from "./types";
import type { Fix } from "../model/diagnostics";
import { getSchedulerInfo } from "../schedulers";

export const meta: RuleMeta = {
  id: "no-string-number",
  description: "A number PyYAML reads as a string (`1e-3` needs a dot and a signed exponent in YAML 1.1).",
  category: "problem",
  severity: "warning",
  fixable: "safe",
  paddle: "TypeError: The type of learning rate must be float, but received <class 'str'> (and the other type checks a str argument fails).",
  docs: {
    details: `The Paddle suites load configs with PyYAML, which implements YAML 1.1: there a float needs a dot in the mantissa and a sign in the exponent. \`1e-3\` and \`5e4\` are therefore **strings**, while editors, JSON and YAML 1.2 read them as numbers. The string reaches Paddle unchanged: most scheduler classes reject it at construction (an error), others store it and fail later.

Suites that convert strings themselves are not affected, and the rule stays silent there: PaddleClas passes every string through \`ast.literal_eval\`, and PaddleOCR's \`LinearWarmupCosine\` calls \`float()\` on its inputs.`,
    invalid: [
      `lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: 1e-3
  T_max: 1000
`,
    ],
    valid: [
      `lr_scheduler:
  name: CosineAnnealingDecay
  learning_rate: 1.0e-3
  T_max: 1000
`,
    ],
    fix: "Rewrites the literal so YAML 1.1 reads the same number, keeping your digits: `1e-3` → `1.0e-3`, `5E-4` → `5.0E-4`; where Paddle wants an int (`warmup_steps`, `T_max`, ...), `5e3` → `5000`.",
    whenNotToUse: "When the file is only ever read by a YAML 1.2 loader (not by a Paddle suite).",
  },
};

export interface Data {
  node: ConfigScalar;
  key: string;
  className: string;
  /** Paddle rejects the string at construction. */
  rejected: boolean;
  /** The literal to write: a float YAML 1.1 reads back, or plain digits where Paddle wants an int. */
  replacement: string;
}

/** `1e-3` → `1.0e-3`; `5e3` → `5000` where the parameter must be an int (a float would be rejected next). */
export function replacementFor(text: string, yaml12: number, wantsInt: boolean): string | undefined {
  if (wantsInt && Number.isSafeInteger(yaml12)) return String(yaml12);
  return yaml11FloatText(text);
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  const reported = new Set<ConfigScalar>();
  for (const s of ctx.analysis.schedules) {
    const errors = constructionErrors(s);
    // A dialect that already reports the string as a startup error (a plain-number LR) owns it.
    const dialectErrors = s.diagnostics.filter((d) => d.severity === "error");
    for (const link of chainOf(s.spec)) {
      for (const [param, value] of Object.entries(link.spec.args)) {
        const src = s.argSources[`${link.prefix}${param}`];
        if (!src || src.transform !== "identity") continue;
        // What Paddle receives: a str (or a list holding strs). A suite that converted it is fine.
        const nodes: ConfigScalar[] = [];
        if (src.node.kind === "scalar" && value.type === "str") nodes.push(src.node);
        if (src.node.kind === "seq" && value.type === "list") {
          src.node.items.forEach((item, k) => {
            if (item.kind === "scalar" && value.items[k]?.type === "str") nodes.push(item);
          });
        }
        for (const node of nodes) {
          if (!isYaml11StringNumber(node) || reported.has(node)) continue;
          if (dialectErrors.some((d) => d.span.uri === node.span.uri && d.span.start <= node.span.start && node.span.end <= d.span.end)) continue;
          reported.add(node);
          // Paddle raises on the first bad argument only; a str where the class wants a number fails on its own anyway.
          const kind = getSchedulerInfo(link.spec.name)?.params.find((p) => p.name === param)?.kind;
          const numeric = src.node.kind === "scalar" && (kind === "int" || kind === "float" || kind === "number" || kind === "scheduler-or-number");
          const rejected = numeric || errors.some((e) => e.link.prefix === link.prefix && e.error.param === param);
          const wantsInt = src.node.kind === "scalar" && kind === "int";
          const number = node.yaml12?.type === "int" || node.yaml12?.type === "float" ? node.yaml12.value : NaN;
          const replacement = replacementFor(node.text, number, wantsInt) ?? node.text;
          out.push({ span: node.span, schedule: s, severity: rejected ? "error" : undefined, data: { node, key: src.key, className: link.spec.name, rejected, replacement } });
        }
      }
    }
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { node, key, className, rejected, replacement: fixed } = f.data;
  const effect = rejected
    ? `${className} rejects it at construction (TypeError), so training does not start`
    : `${className} receives the string "${node.text}" instead of a number`;
  return `\`${key}: ${node.text}\` is a string for PyYAML (YAML 1.1 needs a dot and a signed exponent): ${effect}. Write \`${fixed}\`.`;
}

export function fix(f: Finding<Data>): Fix[] {
  const { node, replacement } = f.data;
  if (replacement === node.text) return [];
  return [{ title: `Write ${replacement} (a number for PyYAML)`, edits: [replaceSpan(node.span, replacement)], preferred: true }];
}
