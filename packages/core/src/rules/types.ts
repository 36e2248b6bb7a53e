/**
 * The lint rule contract: a rule's metadata (the single source its docs are generated from), its
 * detection (`check`), its wording (`message`) and its editing (`fix`), kept apart so each can be
 * tested on its own.
 */
import type { Analysis, AnalyzedSchedule } from "../analysis/types";
import type { Fix, Severity } from "../model/diagnostics";
import type { Span } from "../model/positions";

export type RuleCategory = "problem" | "suggestion";

export interface RuleDocs {
  /** What the rule finds and why it matters (markdown, one or more paragraphs). */
  details: string;
  /** YAML configs on which exactly this rule fires. */
  invalid: string[];
  /** YAML configs on which it does not. */
  valid: string[];
  /** What the quick-fix changes (markdown); omitted for rules without a fix. */
  fix?: string;
  /** When turning the rule off is reasonable. */
  whenNotToUse: string;
}

export interface RuleMeta {
  /** kebab-case: `no-unsorted-milestones`, `valid-gamma`, ... */
  id: string;
  /** One line, shown in SARIF and completion lists. */
  description: string;
  category: RuleCategory;
  /** The default severity (a finding may raise it to "error" where Paddle itself rejects the config). */
  severity: Severity;
  /**
   * "safe": the fix keeps what the author evidently meant and `lrlens check --fix` applies it;
   * "unsafe": it changes the schedule and is only offered in the editor; false: no fix.
   */
  fixable: "safe" | "unsafe" | false;
  /** The check or error of Paddle (or the suite) the rule mirrors, where there is one. */
  paddle?: string;
  docs: RuleDocs;
  /** Link to `docs/rules/<id>.md`; filled in by the registry from one constant. */
  docsUrl?: string;
}

/** One thing a rule found: where, about which schedule, and the data its message and fix are built from. */
export interface Finding<D = unknown> {
  span: Span;
  data: D;
  schedule?: AnalyzedSchedule;
  /**
   * Severity of this instance when the user has not configured one; used where the same mistake
   * is rejected by Paddle in one place (error) and silently accepted in another (the rule default).
   */
  severity?: Severity;
  related?: { span: Span; message: string }[];
}

export interface RuleContext {
  readonly analysis: Analysis;
  /** The text of a file of the analysed chain (the document or one of its bases). */
  textOf(uri: string): string;
  /** Whether another rule is enabled, for errors that a more specific rule reports instead. */
  isEnabled(ruleId: string): boolean;
}

export interface Rule<D = any> {
  meta: RuleMeta;
  check(ctx: RuleContext): Finding<D>[];
  message(finding: Finding<D>): string;
  /** Quick-fixes for a finding; edits change only the intended span. */
  fix?(finding: Finding<D>, ctx: RuleContext): Fix[];
}

/** `.lrlens.yaml`: per-rule severities and a default steps per epoch for the workspace. */
export interface ProjectConfig {
  rules: Record<string, Severity | "off">;
  stepsPerEpoch?: number;
}
