/**
 * `# lrlens-disable-next-line`, `# lrlens-disable-line`, `# lrlens-disable` / `# lrlens-enable`
 * comments, applied the way ESLint applies its own: a list of rule ids (comma separated) or none
 * for all rules, an optional `-- reason` after them, and blocks that run until re-enabled.
 */
import type { Diagnostic } from "../../model/diagnostics";
import { LineIndex } from "../../text/line-index";

type Kind = "disable" | "enable" | "disable-line" | "disable-next-line";

export interface Directive {
  kind: Kind;
  /** Empty = every rule. */
  rules: string[];
  /** Offset of the comment in its file. */
  offset: number;
  /** 0-based line of the comment. */
  line: number;
}

const DIRECTIVE = /^#?\s*lrlens-(disable-next-line|disable-line|disable|enable)(?=\s|$)(.*)$/;

/** Reads the directives among a file's comments (comment text with or without its `#`). */
export function parseDirectives(comments: readonly { text: string; span: { start: number } }[], index: LineIndex): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.text.trim());
    if (!m) continue;
    const body = m[2].split(/\s--\s|\s--$/)[0];
    const rules = body
      .split(",")
      .map((r) => r.trim())
      .filter((r) => r.length > 0);
    out.push({ kind: m[1] as Kind, rules, offset: c.span.start, line: index.position(c.span.start).line });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

const covers = (d: Directive, rule: string) => d.rules.length === 0 || d.rules.includes(rule);

/** Whether a diagnostic starting at `offset` on `line` is silenced by the file's directives. */
export function isSuppressed(directives: readonly Directive[], rule: string, offset: number, line: number): boolean {
  let disabled = false;
  for (const d of directives) {
    if (d.kind === "disable-next-line" && d.line + 1 === line && covers(d, rule)) return true;
    if (d.kind === "disable-line" && d.line === line && covers(d, rule)) return true;
    if (d.offset > offset) continue;
    // Blocks: the latest disable/enable before the diagnostic that names this rule (or all) decides.
    if (d.kind === "disable" && covers(d, rule)) disabled = true;
    else if (d.kind === "enable" && covers(d, rule)) disabled = false;
  }
  return disabled;
}

/** Drops the diagnostics silenced by the comments of the file each one points into. */
export function applySuppressions(
  diagnostics: Diagnostic[],
  commentsOf: (uri: string) => { comments: readonly { text: string; span: { start: number } }[]; text: string } | undefined,
): Diagnostic[] {
  const cache = new Map<string, Directive[]>();
  const directivesFor = (uri: string): Directive[] => {
    let ds = cache.get(uri);
    if (!ds) {
      const file = commentsOf(uri);
      ds = file ? parseDirectives(file.comments, new LineIndex(file.text)) : [];
      cache.set(uri, ds);
    }
    return ds;
  };
  return diagnostics.filter((d) => {
    const ds = directivesFor(d.uri);
    return ds.length === 0 || !isSuppressed(ds, d.rule, d.span.start, d.range.start.line);
  });
}
