/**
 * Reads expected diagnostics written inside YAML fixtures as caret comments, the way rust-analyzer's
 * fixtures mark them: a comment line `#   ^^^^ warning duplicate-key` under a line puts the expected
 * range under the carets of the line above (the nearest line that is not itself an annotation).
 * Carets glued to the `#` (`#^^^^^ error rule`) start at column 0, which a caret cannot sit under.
 */
import type { Severity } from "../../model/diagnostics";
import type { Range } from "../../model/positions";

export interface CaretExpectation {
  rule: string;
  severity: Severity;
  range: Range;
}

const ANNOTATION = /^(\s*)#(\s*)(\^+)\s+(error|warning|information|hint)\s+([a-z0-9-]+)\s*$/;

export function caretExpectations(text: string): CaretExpectation[] {
  const lines = text.split(/\r?\n/);
  const out: CaretExpectation[] = [];
  let target = -1;
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    if (!m) {
      target = i;
      return;
    }
    const start = m[2] === "" ? 0 : m[1].length + 1 + m[2].length;
    out.push({
      rule: m[5],
      severity: m[4] as Severity,
      range: { start: { line: target, character: start }, end: { line: target, character: start + m[3].length } },
    });
  });
  return out;
}
