/**
 * Code actions from the lint diagnostics' fixes: a quick fix per fix of each diagnostic at the
 * cursor (matched by rule id and range, never by message text), and "fix all" = every preferred
 * fix, repeated until nothing changes, as one minimal edit (so applying it twice changes nothing).
 */
import type { Diagnostic, TextEdit } from "../model/diagnostics";
import { applyAllFixes } from "../text/apply-edits";
import type { FixAction } from "./types";

export interface FixRequest {
  /** The analysed document. */
  uri: string;
  /** Requested slice of the document (offsets); diagnostics overlapping it offer their fixes. */
  start: number;
  end: number;
  /** Findings the client pointed at (rule id + span), in addition to the slice. */
  findings?: { rule: string; start: number; end: number }[];
}

function overlaps(d: Diagnostic, start: number, end: number): boolean {
  return d.span.start <= end && start <= d.span.end;
}

/** Quick fixes for the current diagnostics of a document at a slice (or named by the client). */
export function quickFixes(diagnostics: readonly Diagnostic[], req: FixRequest): FixAction[] {
  const out: FixAction[] = [];
  for (const d of diagnostics) {
    if (d.uri !== req.uri || !d.fixes?.length) continue;
    const named = req.findings?.some((f) => f.rule === d.rule && f.start === d.span.start && f.end === d.span.end);
    if (!named && !overlaps(d, req.start, req.end)) continue;
    const onlyOne = d.fixes.length === 1;
    for (const fix of d.fixes) {
      if (fix.edits.length === 0) continue;
      out.push({ title: fix.title, kind: "quickfix", diagnostic: d, edits: fix.edits, preferred: !!fix.preferred || onlyOne });
    }
  }
  return out;
}

/** Whether "fix all" has anything to do: some diagnostic of the document has a preferred (or only) fix in it. */
export function hasFixAll(diagnostics: readonly Diagnostic[], uri: string): boolean {
  return diagnostics.some((d) => d.uri === uri && (d.fixes ?? []).some((f, _, all) => (f.preferred || all.length === 1) && f.edits.length > 0 && f.edits.every((e) => e.uri === uri)));
}

/**
 * "Fix all" for a document: applies every preferred fix, re-lints with `relint` and repeats (a fix
 * can unlock another), then returns the change as a single edit covering only what differs.
 * `initial` (the diagnostics of `text`, when known) spares re-linting the text as it is.
 * Undefined when nothing changes.
 */
export function fixAll(uri: string, text: string, relint: (text: string) => Diagnostic[], maxPasses = 10, initial?: readonly Diagnostic[]): FixAction | undefined {
  const result = applyAllFixes(relint, text, { uri, maxPasses, initial });
  if (result.text === text) return undefined;
  return { title: `Fix all lrlens problems (${result.fixed})`, kind: "source.fixAll", edits: [minimalEdit(uri, text, result.text)], preferred: false };
}

/** One edit replacing only the differing middle of `before` with that of `after`. */
export function minimalEdit(uri: string, before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  // Never split a surrogate pair: an edit must start and end on whole characters.
  if (start > 0 && isLowSurrogate(before.charCodeAt(start))) start--;
  if (endB < before.length && isLowSurrogate(before.charCodeAt(endB))) {
    endB++;
    endA++;
  }
  return { uri, start, end: endB, newText: after.slice(start, endA) };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
