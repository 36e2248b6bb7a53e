/** Source positions in editor terms: 0-based lines, UTF-16 columns, and file offsets. */

/** A 0-based line and UTF-16 character, as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * A half-open slice `[start, end)` of one file's text, in UTF-16 offsets.
 * Every node of a loaded config carries one, so a finding can point at the file
 * a value really came from (the leaf config or one of its `_BASE_` files).
 */
export interface Span {
  uri: string;
  start: number;
  end: number;
}
