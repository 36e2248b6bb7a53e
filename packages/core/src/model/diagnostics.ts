/** Diagnostics and fixes as plain, serialisable data (no LSP types). */
import type { Range, Span } from "./positions";

export type Severity = "error" | "warning" | "information" | "hint";

/** A text replacement in one file, in offsets of that file's current text. */
export interface TextEdit {
  uri: string;
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** Shown in the editor's quick-fix menu, e.g. "Sort milestones". */
  title: string;
  edits: TextEdit[];
  /** The fix to apply on "fix all" / `--fix` when a diagnostic offers several. */
  preferred?: boolean;
}

export interface RelatedInfo {
  uri: string;
  span: Span;
  range: Range;
  message: string;
}

export interface Diagnostic {
  /** Rule id (`no-unsorted-milestones`), or a built-in id (`yaml-syntax`, `internal-error`, `limit-exceeded`, ...). */
  rule: string;
  severity: Severity;
  message: string;
  /** Where the diagnostic is shown. Always a file of the analysed chain; usually the analysed document itself. */
  uri: string;
  span: Span;
  range: Range;
  related?: RelatedInfo[];
  fixes?: Fix[];
  /** Link to `docs/rules/<id>.md`. */
  docsUrl?: string;
}
