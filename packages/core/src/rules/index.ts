/**
 * The rule registry (sorted by id; a test checks it against this folder) and the public entry
 * points: `lint` (the complete diagnostic list of a document) and `parseProjectConfig`.
 */
import type { Analysis, LintOptions } from "../analysis/types";
import type { Diagnostic } from "../model/diagnostics";
import { BUILTIN_IDS } from "./builtin/catalogue";
import { docsUrlFor } from "./engine/docs-url";
import { parseProjectConfigWith } from "./engine/project-config";
import { runRules, type LintRunOptions } from "./engine/run-rules";
import type { ProjectConfig, Rule } from "./types";
import * as noEarlyZeroLr from "./no-early-zero-lr";
import * as noExcessiveWarmup from "./no-excessive-warmup";
import * as noLongCosinePeriod from "./no-long-cosine-period";
import * as noMissingParam from "./no-missing-param";
import * as noNegativeLr from "./no-negative-lr";
import * as noRisingDecay from "./no-rising-decay";
import * as noShortCosinePeriod from "./no-short-cosine-period";
import * as noStepError from "./no-step-error";
import * as noStringNumber from "./no-string-number";
import * as noUnitMix from "./no-unit-mix";
import * as noUnreachableMilestones from "./no-unreachable-milestones";
import * as noUnsortedMilestones from "./no-unsorted-milestones";
import * as noWarmupJump from "./no-warmup-jump";
import * as preferModerateGamma from "./prefer-moderate-gamma";
import * as preferTypicalWarmup from "./prefer-typical-warmup";
import * as validGamma from "./valid-gamma";
import * as validPaddleArgs from "./valid-paddle-args";
import * as validParamType from "./valid-param-type";
import * as validPiecewiseValues from "./valid-piecewise-values";

export type { Finding, ProjectConfig, Rule, RuleContext, RuleMeta } from "./types";
export type { LintRunOptions } from "./engine/run-rules";

function registry(rules: Rule[]): readonly Rule[] {
  for (const r of rules) r.meta.docsUrl = docsUrlFor(r.meta.id);
  return Object.freeze([...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1)));
}

export const RULES: readonly Rule[] = registry([noEarlyZeroLr, noExcessiveWarmup, noLongCosinePeriod, noMissingParam, noNegativeLr, noRisingDecay, noShortCosinePeriod, noStepError, noStringNumber, noUnitMix, noUnreachableMilestones, noUnsortedMilestones, noWarmupJump, preferModerateGamma, preferTypicalWarmup, validGamma, validPaddleArgs, validParamType, validPiecewiseValues]);

/**
 * The complete, final diagnostic list of a document: the analysis' own diagnostics plus every
 * enabled rule's findings, with severities resolved (rule default < `.lrlens.yaml` < `rules`),
 * `# lrlens-disable...` comments applied, docs links and quick-fixes attached, sorted by position.
 */
export function lint(analysis: Analysis, options: LintOptions & { project?: ProjectConfig; timings?: Map<string, number> } = {}): Diagnostic[] {
  return runRules(RULES, analysis, options as LintRunOptions);
}

/** Parses `.lrlens.yaml`; unknown keys and rule ids become warnings (in offsets of `text`, uri `.lrlens.yaml`). */
export function parseProjectConfig(text: string): { config: ProjectConfig; diagnostics: Diagnostic[] } {
  return parseProjectConfigWith(text, [...RULES.map((r) => r.meta.id), ...BUILTIN_IDS]);
}
