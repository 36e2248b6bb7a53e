/**
 * Runs the rules over one analysis and assembles the document's final diagnostic list: the
 * analysis' own diagnostics plus every rule's findings, each rule in its own guard, with
 * severities resolved, comment directives applied, docs links attached and a stable order.
 */
import type { Analysis, LintOptions } from "../../analysis/types";
import type { Diagnostic, Fix, Severity } from "../../model/diagnostics";
import type { Span } from "../../model/positions";
import { LineIndex } from "../../text/line-index";
import type { Finding, ProjectConfig, Rule, RuleContext } from "../types";
import { BUILTIN_IDS } from "../builtin/catalogue";
import { builtinFixes } from "../builtin/fixers";
import { docsUrlFor } from "./docs-url";
import { applySuppressions } from "./suppressions";

export interface LintRunOptions extends LintOptions {
  /** Severities from `.lrlens.yaml` (weaker than `rules`, stronger than rule defaults). */
  project?: ProjectConfig;
  /** When given, each rule's run time in milliseconds is added here (`LRLENS_TIMING=1`). */
  timings?: Map<string, number>;
}

/** `options.rules` > `.lrlens.yaml` > the finding's own severity > the rule default. */
export function configuredSeverity(id: string, options: LintRunOptions): Severity | "off" | undefined {
  return options.rules?.[id] ?? options.project?.rules[id];
}

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}

export function runRules(rules: readonly Rule[], analysis: Analysis, options: LintRunOptions = {}): Diagnostic[] {
  const indexes = new Map<string, LineIndex>();
  const textOf = (uri: string): string => (uri === analysis.uri ? analysis.text : (analysis.config.files.get(uri)?.text ?? ""));
  const indexOf = (uri: string): LineIndex => {
    let index = indexes.get(uri);
    if (!index) indexes.set(uri, (index = new LineIndex(textOf(uri))));
    return index;
  };
  const ruleIds = new Set(rules.map((r) => r.meta.id));
  const ctx: RuleContext = {
    analysis,
    textOf,
    isEnabled: (id) => ruleIds.has(id) && configuredSeverity(id, options) !== "off",
  };
  /** A span that points nowhere known is shown at the top of the document rather than lost. */
  const place = (span: Span): Span => (span.uri === analysis.uri || analysis.config.files.has(span.uri) ? span : { uri: analysis.uri, start: 0, end: 0 });
  const toDiagnostic = (rule: string, severity: Severity, message: string, span: Span): Diagnostic => {
    const s = place(span);
    return { rule, severity, message, uri: s.uri, span: s, range: indexOf(s.uri).range(s.start, s.end) };
  };

  const out: Diagnostic[] = [];
  for (const d of analysis.diagnostics) {
    const configured = configuredSeverity(d.rule, options);
    if (configured === "off") continue;
    const copy: Diagnostic = configured ? { ...d, severity: configured } : { ...d };
    if (!copy.fixes?.length) {
      const fixes = builtinFixes(analysis, copy);
      if (fixes.length > 0) copy.fixes = fixes;
    }
    out.push(copy);
  }
  for (const rule of rules) {
    const id = rule.meta.id;
    const configured = configuredSeverity(id, options);
    if (configured === "off") continue;
    const t0 = options.timings ? now() : 0;
    try {
      for (const finding of rule.check(ctx)) out.push(render(rule, finding, configured));
    } catch (e) {
      out.push(internalError(id, e));
    } finally {
      if (options.timings) options.timings.set(id, (options.timings.get(id) ?? 0) + (now() - t0));
    }
  }

  const kept = applySuppressions(out, (uri) => {
    const file = uri === analysis.uri ? analysis.config.own : analysis.config.files.get(uri);
    return file ? { comments: file.comments, text: textOf(uri) } : undefined;
  });
  for (const d of kept) if (!d.docsUrl && (ruleIds.has(d.rule) || BUILTIN_IDS.includes(d.rule))) d.docsUrl = docsUrlFor(d.rule);
  return kept.sort((a, b) => compareDiagnostics(a, b, analysis.uri));

  function render(rule: Rule, finding: Finding, configured: Severity | undefined): Diagnostic {
    const severity = configured ?? finding.severity ?? rule.meta.severity;
    const d = toDiagnostic(rule.meta.id, severity, rule.message(finding), finding.span);
    if (finding.related?.length) {
      d.related = finding.related.map((r) => {
        const s = place(r.span);
        return { uri: s.uri, span: s, range: indexOf(s.uri).range(s.start, s.end), message: r.message };
      });
    }
    if (rule.fix) {
      // A fixer bug loses the fix, never the diagnostic.
      let fixes: Fix[] = [];
      try {
        fixes = rule.fix(finding, ctx).filter((f) => f.edits.length > 0);
      } catch {
        fixes = [];
      }
      if (fixes.length > 0) d.fixes = fixes;
    }
    d.docsUrl = docsUrlFor(rule.meta.id);
    return d;
  }

  function internalError(id: string, e: unknown): Diagnostic {
    const why = e instanceof Error ? e.message : String(e);
    const d = toDiagnostic("internal-error", "warning", `Rule \`${id}\` crashed on this file (${why}); the other rules still ran. Please report this.`, { uri: analysis.uri, start: 0, end: 0 });
    d.docsUrl = docsUrlFor("internal-error");
    return d;
  }
}

/** The analysed document first, then other files; by position, then rule id and message for a stable order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic, ownUri: string): number {
  if (a.uri !== b.uri) {
    if (a.uri === ownUri) return -1;
    if (b.uri === ownUri) return 1;
    return a.uri < b.uri ? -1 : 1;
  }
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
