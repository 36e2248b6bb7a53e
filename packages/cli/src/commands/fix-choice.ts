/** Which fixes `lrlens check --fix` applies: only those of rules whose fixes are safe, and only the one a rule prefers. */
import { defaultFixChoice, RULES, type Diagnostic, type Fix } from "@lrlens/core";

const SAFE_FIX_RULES = new Set(RULES.filter((r) => r.meta.fixable === "safe").map((r) => r.meta.id));

export function pickFix(d: Diagnostic): Fix | undefined {
  return SAFE_FIX_RULES.has(d.rule) ? defaultFixChoice(d) : undefined;
}

/** Whether `--fix` applies this diagnostic's fix. */
export function autoFixable(d: Diagnostic): boolean {
  return pickFix(d) !== undefined;
}
