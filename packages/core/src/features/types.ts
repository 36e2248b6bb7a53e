/**
 * The editor features' results as plain, serialisable data in editor terms (offsets, spans,
 * markdown and SVG strings). Designed for an ideal client; the language server converts them.
 */
import type { Diagnostic, TextEdit } from "../model/diagnostics";
import type { Span } from "../model/positions";
import type { Marker } from "../schedulers/types";

/** What one x unit of a displayed curve is. */
export type CurveUnit = "step" | "iteration" | "epoch";

/** A notable point of a displayed curve, on the displayed x axis, with the LR from that point on. */
export interface CurveMarker {
  x: number;
  kind: Marker["kind"];
  label: string;
  lr: number;
}

/** One schedule's curve as displayed: sampled points on the displayed axis plus the key numbers. */
export interface CurveData {
  unit: CurveUnit;
  /** Displayed length in `unit`s (the training length or the schedule's own horizon). */
  length: number;
  /** Scheduler `step()` calls evaluated (the horizon in scheduler steps). */
  totalSteps: number;
  /** What the horizon came from ("Global.epoch_num", "T_max", "default", ...). */
  horizonFrom: string;
  xs: number[];
  ys: number[];
  markers: CurveMarker[];
  start: number;
  peak: number;
  /** First x where the peak is reached. */
  peakAt: number;
  final: number;
  /** Set when stepping raised before the end (the curve stops there). */
  stepError?: string;
}

/** The options every curve-drawing feature takes. */
export interface CurveOptions {
  /** Maximum points per curve (the `lrlens.maxPoints` setting). */
  maxPoints?: number;
}

export interface HoverOptions extends CurveOptions {
  /** Draw the curve with a hovered parameter's neighbouring values as extra series (default true). */
  neighbours?: boolean;
}

export interface HoverResult {
  markdown: string;
  /** The hovered element in the analysed document. */
  span: Span;
}

export type CompletionKind = "scheduler" | "parameter" | "value";

export interface Completion {
  label: string;
  kind: CompletionKind;
  /** One line shown beside the label (a default, a type, the dialect). */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert; a snippet with `${1:...}` placeholders when `snippet`. */
  insertText: string;
  snippet: boolean;
  /** The slice of the document the item replaces (offsets). */
  replace: { start: number; end: number };
  sortText?: string;
}

export interface InlayHintItem {
  /** Offset the hint is shown at (after a value). */
  offset: number;
  label: string;
  /** "lr": the LR from that point on; "steps": the step count an epoch value stands for. */
  kind: "lr" | "steps";
  tooltip?: string;
}

export interface ScheduleLens {
  /** The line the lens sits above (the schedule block's key in this document). */
  span: Span;
  title: string;
  /** Dotted key path of the schedule, for a "show curve" command. */
  path: string;
}

export interface ScheduleSymbol {
  name: string;
  detail: string;
  kind: "schedule" | "scheduler" | "parameter";
  span: Span;
  selectionSpan: Span;
  children: ScheduleSymbol[];
}

export interface FixAction {
  title: string;
  kind: "quickfix" | "source.fixAll";
  /** The diagnostic the quick fix resolves (absent for fix-all). */
  diagnostic?: Diagnostic;
  /** Edits in offsets of each file's current text; may span several files of the chain. */
  edits: TextEdit[];
  preferred: boolean;
}

/** The `lrlens/curves` data for one schedule (the server converts `span` into a range). */
export interface ScheduleCurve {
  path: string;
  /** The block in the analysed document, or the `_BASE_` entry that brings an inherited block. */
  span: Span;
  dialect: string;
  scheduler: string;
  unit: CurveUnit;
  stepsPerEpoch: { value: number | null; source: string; detail: string };
  points: [number, number][];
  svg: string;
  markers: { step: number; kind: Marker["kind"]; label: string }[];
  totalSteps?: number;
  peak?: number;
  final?: number;
  error?: string;
  definedIn?: string;
}
