/** Applies text edits and quick-fixes to a document: non-overlapping edits back to front, and "fix all" until nothing changes. */
import type { Diagnostic, Fix, TextEdit } from "../model/diagnostics";

export interface EditOutcome {
  text: string;
  /** The edits that were applied, in the order given. */
  applied: TextEdit[];
  /** Edits dropped because they overlap an earlier edit of the list (or fall outside the text). */
  skipped: TextEdit[];
}

/** Two edits conflict when their ranges overlap, or when both insert at the same offset (their order would be arbitrary). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** Like `applyEdits`, but also says which edits were applied and which were skipped. */
export function applyEditsDetailed(text: string, edits: readonly TextEdit[]): EditOutcome {
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  for (const e of edits) {
    const valid = Number.isInteger(e.start) && Number.isInteger(e.end) && 0 <= e.start && e.start <= e.end && e.end <= text.length;
    if (!valid || applied.some((a) => overlaps(a, e))) skipped.push(e);
    else applied.push(e);
  }
  // Back to front, so every offset still refers to the original text when its edit is applied.
  const ordered = [...applied].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of ordered) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return { text: out, applied, skipped };
}

/**
 * Applies edits given in offsets of `text`. Edits must not overlap: an edit that overlaps one
 * earlier in the list is skipped (the first one wins), as are edits outside the text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return applyEditsDetailed(text, edits).text;
}

export interface FixAllOptions {
  /** The document's URI: only edits to this file are applied (fixes touching other files are left alone). */
  uri: string;
  /** At most this many lint → fix rounds (a fix can unlock another one). Default 10. */
  maxPasses?: number;
  /** Picks the fix to apply for a diagnostic; default: the preferred fix, else the only one. */
  select?: (d: Diagnostic) => Fix | undefined;
  /** The diagnostics of `text` when the caller already has them (an editor's snapshot): saves one whole analysis, which on a large document is most of the cost. */
  initial?: readonly Diagnostic[];
}

export interface FixAllResult {
  text: string;
  /** Number of fixes applied over all passes. */
  fixed: number;
  passes: number;
  /** The diagnostics of the final text. */
  remaining: Diagnostic[];
}

export function defaultFixChoice(d: Diagnostic): Fix | undefined {
  const fixes = d.fixes ?? [];
  return fixes.find((f) => f.preferred) ?? (fixes.length === 1 ? fixes[0] : undefined);
}

/**
 * "Fix all": lints, applies every chosen fix that does not conflict with another (a fix's edits
 * go in together or not at all), and repeats on the new text until no fix applies or `maxPasses`
 * is reached. Running it again on its own output changes nothing.
 */
export function applyAllFixes(lintText: (text: string) => Diagnostic[], text: string, options: FixAllOptions): FixAllResult {
  const maxPasses = Math.max(1, options.maxPasses ?? 10);
  const select = options.select ?? defaultFixChoice;
  let current = text;
  let fixed = 0;
  let passes = 0;
  let diagnostics = options.initial ? [...options.initial] : lintText(current);
  while (passes < maxPasses) {
    const accepted: TextEdit[] = [];
    let count = 0;
    for (const d of diagnostics) {
      const fix = select(d);
      if (!fix || fix.edits.length === 0 || fix.edits.some((e) => e.uri !== options.uri)) continue;
      const { skipped } = applyEditsDetailed(current, [...accepted, ...fix.edits]);
      if (skipped.length > 0) continue;
      accepted.push(...fix.edits);
      count++;
    }
    if (count === 0) break;
    const next = applyEdits(current, accepted);
    passes++;
    if (next === current) break;
    current = next;
    fixed += count;
    diagnostics = lintText(current);
  }
  return { text: current, fixed, passes, remaining: diagnostics };
}
