/**
 * Keys of `Optimizer.lr` that PaddleOCR's class swallows with `**kwargs` (or overrides) without
 * effect: information when harmless, a warning when the value would have changed the curve.
 */
import type { PyValue } from "../../schedulers/types";
import type { BlockArg } from "../common/block";
import type { DiagnosticInput } from "../common/diagnostic";
import { didYouMean, didYouMeanSuffix } from "../common/did-you-mean";
import { pyNumber, pyShow } from "../common/py-arith";
import { OCR_CLASSES } from "./builders";

/** Keys that shape a learning-rate curve somewhere: silently dropping one is almost surely a mistake. */
const SHAPING = new Set(["learning_rate", "warmup_epoch", "warmup_steps", "warmup_start_lr", "start_lr", "end_lr", "eta_min", "min_lr", "gamma", "milestones", "decay_epochs", "values", "step_size", "power", "factor", "T_max", "cycle", "max_lr", "by_epoch"]);

function sameNumber(a: PyValue | undefined, b: PyValue | undefined): boolean {
  const x = pyNumber(a);
  const y = pyNumber(b);
  return x !== undefined && y !== undefined && x.value === y.value;
}

export function ignoredKeyFindings(className: string, unknown: string[], args: Map<string, BlockArg>): (DiagnosticInput & { key: string })[] {
  const out: (DiagnosticInput & { key: string })[] = [];
  const accepted = OCR_CLASSES[className].params.map((p) => p.name).filter((n) => n !== "epochs" && n !== "step_each_epoch");
  const keys = [...unknown];
  // DecayLearningRate reads end_lr but then sets `self.end_lr = 0`.
  if (className === "DecayLearningRate" && args.has("end_lr")) keys.push("end_lr");
  for (const key of keys) {
    const a = args.get(key);
    if (!a) continue;
    const span = { uri: a.entry.keySpan.uri, start: a.entry.keySpan.start, end: a.entry.value.span.uri === a.entry.keySpan.uri ? a.entry.value.span.end : a.entry.keySpan.end };
    let severity: "warning" | "information" = SHAPING.has(key) ? "warning" : "information";
    let why = `PaddleOCR's \`${className}\` takes only ${accepted.map((n) => `\`${n}\``).join(", ")}; other keys are swallowed by **kwargs.`;
    if (className === "DecayLearningRate" && key === "end_lr") {
      if (sameNumber(a.value, { type: "int", value: 0 })) continue;
      why = "DecayLearningRate always decays to 0 (`self.end_lr = 0`), whatever the file says.";
      severity = "warning";
    }
    if (className === "Piecewise" && key === "learning_rate") {
      const values = args.get("values")?.value;
      const first = values?.type === "list" ? values.items[0] : undefined;
      why = `Piecewise starts at values[0]${first ? ` (${pyShow(first)})` : ""}.`;
      if (sameNumber(a.value, first)) severity = "information";
    }
    const candidates = severity === "warning" ? didYouMean(key, accepted.filter((n) => n !== key)) : [];
    out.push({
      key,
      rule: "ignored-key",
      severity,
      message: `\`${key}: ${pyShow(a.value)}\` has no effect: ${why}${didYouMeanSuffix(candidates)}`,
      span,
    });
  }
  return out;
}
