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
