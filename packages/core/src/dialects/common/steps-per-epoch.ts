/** Resolves steps per epoch from its possible sources in a fixed order, and reads the `# lrlens: steps-per-epoch=N` directive. */
import type { ParsedFile } from "../../config/types";
import type { Span } from "../../model/positions";
import type { StepsPerEpoch } from "../types";

export interface StepsPerEpochCandidates {
  /** The suite itself reads it from the config (it then wins: that is what training will do). */
  config?: { value: number; detail: string; span?: Span };
  comment?: { value: number; detail: string; span?: Span };
  setting?: number;
  /** A lazily computed dataset inference: only called when nothing above applies. */
  dataset?: () => { value: number; detail: string; span?: Span } | undefined;
}

const DIRECTIVE = /^#\s*lrlens\s*:\s*steps[-_]per[-_]epoch\s*=\s*([0-9][0-9_]*)\s*$/i;

/** The `# lrlens: steps-per-epoch=N` comment of a file, if it has a valid one (N ≥ 1). */
export function stepsPerEpochDirective(file: Pick<ParsedFile, "comments">): { value: number; detail: string; span: Span } | undefined {
  for (const c of file.comments) {
    const m = DIRECTIVE.exec(c.text.trim());
    if (!m) continue;
    const value = Number(m[1].replace(/_/g, ""));
    if (Number.isSafeInteger(value) && value >= 1) return { value, detail: `# lrlens: steps-per-epoch=${value}`, span: c.span };
  }
  return undefined;
}

function valid(n: number | undefined): n is number {
  return n !== undefined && Number.isFinite(n) && n >= 1;
}

/** Order: config (what the suite really uses) > comment > setting > dataset > unknown. */
export function resolveStepsPerEpoch(c: StepsPerEpochCandidates): StepsPerEpoch {
  if (c.config && valid(c.config.value)) return { value: Math.floor(c.config.value), source: "config", detail: c.config.detail, span: c.config.span };
  if (c.comment && valid(c.comment.value)) return { value: c.comment.value, source: "comment", detail: c.comment.detail, span: c.comment.span };
  if (valid(c.setting)) return { value: Math.floor(c.setting), source: "setting", detail: "lrlens.stepsPerEpoch setting / --steps-per-epoch" };
  const d = c.dataset?.();
  if (d && valid(d.value)) return { value: Math.floor(d.value), source: "dataset", detail: d.detail, span: d.span };
  return { value: undefined, source: "unknown", detail: "steps per epoch unknown: set `# lrlens: steps-per-epoch=N` or --steps-per-epoch" };
}
