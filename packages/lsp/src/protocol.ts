/**
 * lrlens' custom LSP messages, types only (the VS Code extension imports them as types).
 * Documented in docs/lsp-extensions.md; a test fails when this file changes without that doc.
 */

/** `lrlens/curves` request: every schedule of a document with its sampled curve and SVG. */
export const CURVES_REQUEST = "lrlens/curves";

export interface CurvesParams {
  textDocument: { uri: string };
  /** Maximum points per schedule (default: the `lrlens.maxPoints` setting, 512). */
  maxPoints?: number;
}

export interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

export interface CurveMarker {
  /** On the curve's x axis (same unit as `points`). */
  step: number;
  kind: "warmup-end" | "milestone" | "boundary" | "period" | "restart" | "phase" | "end";
  label: string;
}

export interface CurveSchedule {
  /** Dotted key path of the schedule block, e.g. "lr_scheduler" or "Optimizer.lr". */
  path: string;
  /** The block's range in the requested document (for an inherited block: the `_BASE_` entry that brings it). */
  range: LspRange;
  dialect: string;
  /** The equivalent `paddle.optimizer.lr` constructor chain. */
  scheduler: string;
  /** What one x unit of `points` is. */
  unit: "step" | "iteration" | "epoch";
  stepsPerEpoch: { value: number | null; source: string };
  /** `[step, lr]` pairs, downsampled keeping ends, discontinuities and peaks. */
  points: [number, number][];
  /** The curve as an SVG document (the same picture the hover shows). */
  svg: string;
  /** Extensions beyond the shape (all optional for clients). */
  totalSteps?: number;
  markers?: CurveMarker[];
  peak?: number;
  final?: number;
  /** Set when the schedule cannot be evaluated (construction error); `points` is then empty. */
  error?: string;
  /** URI of the file that defines the block when it is inherited. */
  definedIn?: string;
}

export interface CurvesResult {
  schedules: CurveSchedule[];
}
