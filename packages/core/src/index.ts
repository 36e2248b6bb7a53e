/**
 * The public API of @lrlens/core (an API boundary: adding an export is an API change).
 * Plain data in editor terms; no I/O, no LSP or VS Code types.
 */
export * from "./model/positions";
export * from "./model/diagnostics";
export * from "./config/types";
export * from "./schedulers/types";
export * from "./dialects/types";
export * from "./analysis/types";
export { LineIndex } from "./text/line-index";
export { pyFloatRepr, pyNumberRepr } from "./text/py-repr";
export { schedulerStepAt, firstIterationOfStep, expandToIterations, effectiveStepsPerEpoch } from "./analysis/iteration";

// Engine, loading, dialects, analysis (implemented in their folders).
export { build, construct, formatSpec, getSchedulerInfo, listSchedulers, registerScheduler } from "./schedulers";
export { compileLambda } from "./expr";
export { parseConfigText } from "./config/parse";
export { loadConfig, type ParseCache } from "./config/load";
export { newSectionCache, parseBySections, type SectionCache } from "./config/sectioned-parse";
export * as configAccess from "./config/access";
export { DIALECTS, detectDialect, getDialect } from "./dialects";
export { resolveStepsPerEpoch, stepsPerEpochDirective } from "./dialects/common/steps-per-epoch";
export { analyzeDocument, horizonOf, FALLBACK_HORIZON } from "./analysis/analyze";
// Rendering and text helpers.
export { renderCurveSvg } from "./render/curve-svg";
export { renderSparkline } from "./render/sparkline";
export { svgDataUri } from "./render/data-uri";
export { escapeHtml, escapeMarkdown, escapeXml } from "./text/escape";
export { formatLr, formatSteps } from "./text/format";
// Lint rules and editor features.
export { lint, RULES, parseProjectConfig } from "./rules";
export type { ProjectConfig, Rule, RuleMeta, Finding, RuleContext } from "./rules/types";
export { applyEdits, applyEditsDetailed, applyAllFixes, defaultFixChoice } from "./text/apply-edits";
export { BUILTIN_IDS } from "./rules/builtin/catalogue";
export * from "./features";
