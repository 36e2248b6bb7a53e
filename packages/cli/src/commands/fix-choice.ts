/** Which fixes `lrlens check --fix` applies: only those of rules whose fixes are safe, and only the one a rule prefers. */
import { RULES, type Diagnostic, type Fix } from "@lrlens/core";

const SAFE_FIX_RULES = new Set(RULES.filter((r) => r.meta.fixable === "safe").map((r) => r.meta.id));

export function pickFix(d: Diagnostic): Fix | undefined {
  if (!SAFE_FIX_RULES.has(d.rule)) return undefined;
  const fixes = d.fixes ?? [];
  return fixes.find((f) => f.preferred) ?? (fixes.length === 1 ? fixes[0] : undefined);
}

/** Whether `--fix` applies this diagnostic's fix. */
export function autoFixable(d: Diagnostic): boolean {
  return pickFix(d) !== undefined;
}
