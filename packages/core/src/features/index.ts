/**
 * The editor-neutral IDE layer: hover, completion, inlay hints, code lenses, symbols, code
 * actions and curves, as plain data over an `Analysis` (an API boundary: the server converts it).
 */
export type * from "./types";
export { hoverAt } from "./hover";
export { completionsAt } from "./completion";
export { inlayHints } from "./inlay-hints";
export { codeLenses, lensTitle } from "./code-lens";
export { documentSymbols } from "./symbols";
export { quickFixes, fixAll, hasFixAll, minimalEdit, type FixRequest } from "./code-actions";
export { scheduleCurves } from "./curves";
export { curveOf, displayAxis, DEFAULT_MAX_POINTS, type DisplayAxis } from "./curve-data";
export { documentDiagnostics } from "./diagnostics";
export { mayHoldSchedule } from "../analysis/relevance";
