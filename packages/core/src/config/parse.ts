/**
 * Parses one YAML config into a ConfigNode tree as the suites' PyYAML reads it, with spans, comments
 * and diagnostics. It never throws: syntax errors and limit hits become diagnostics, and whatever tree
 * could be built is still returned (half-typed files are the normal case in an editor).
 */
import { Composer, type Document, Parser, type CST } from "yaml";
import type { Diagnostic } from "../model/diagnostics";
import { type CstFacts, collectCstFacts } from "./cst-facts";
import { customTagsFor } from "./custom-tags";
import { DiagnosticCollector } from "./file-diagnostics";
import { DEFAULT_LIMITS, type ConfigNode, type Limits, type ParsedFile } from "./types";
import { joinFlowLines, prescanText } from "./text-prescan";
import { YamlToConfig } from "./yaml-to-config";

/**
 * `yaml`'s composer recurses once per nesting level and overflows the JS stack (or worse, runs out of
 * memory) somewhere past a thousand levels; documents estimated deeper than this are not composed.
 */
export const YAML_SAFE_NESTING = 400;

/** The depth beyond which a document is refused outright (deeper than `maxNestingDepth`, where nodes are only cut off). */
export function refuseDepth(limits: Limits): number {
  return Math.min(Math.max(limits.maxNestingDepth * 2, 128), YAML_SAFE_NESTING);
}

function lineEnd(text: string, from: number): number {
  const nl = text.slice(from, from + 500).search(/[\r\n]/);
  return nl < 0 ? Math.min(text.length, from + 500) : from + nl;
}

function emptyFile(uri: string, text: string, diagnostics: Diagnostic[], comments: ParsedFile["comments"] = []): ParsedFile {
  return { uri, text, root: undefined, comments, diagnostics };
}

/** Comments seen by `yaml`, plus those the flow-line joining hid from it, in document order. */
function commentsOf(uri: string, facts: CstFacts, hidden: { start: number; end: number }[], text: string): ParsedFile["comments"] {
  const all = [...facts.comments, ...hidden.map((c) => ({ text: text.slice(c.start, c.end), start: c.start, end: c.end }))];
  if (hidden.length > 0) all.sort((a, b) => a.start - b.start);
  return all.map((c) => ({ text: c.text, span: { uri, start: c.start, end: c.end } }));
}

/** At most this many YAML problems are listed per file: past the first few, more add noise, not help. */
export const MAX_YAML_PROBLEMS = 100;

/** Reports `yaml`'s errors and warnings (with the ranges `yaml` gives) as `yaml-syntax` diagnostics. */
function reportYamlProblems(doc: Document.Parsed, out: DiagnosticCollector): void {
  const problems = [...doc.errors.map((e) => ({ e, error: true })), ...doc.warnings.map((e) => ({ e, error: false }))];
  for (const { e, error } of problems.slice(0, MAX_YAML_PROBLEMS)) {
    // PyYAML accepts a comment right after a quoted scalar or a flow collection (`a: ''# note`).
    if (error && e.code === "MISSING_CHAR" && e.message.startsWith("Comments must be separated")) {
      out.add("yaml-syntax", "warning", `${e.message} (PyYAML accepts this, stricter YAML tools do not).`, e.pos[0], e.pos[1]);
    } else out.add("yaml-syntax", error ? "error" : "warning", e.message, e.pos[0], e.pos[1]);
  }
  if (problems.length > MAX_YAML_PROBLEMS) {
    const last = problems[MAX_YAML_PROBLEMS].e;
    out.add("yaml-syntax", doc.errors.length > 0 ? "error" : "warning", `${problems.length - MAX_YAML_PROBLEMS} more YAML problems after these ${MAX_YAML_PROBLEMS} are not listed.`, last.pos[0], last.pos[1]);
  }
}

/**
 * Runs `f` with JavaScript stack traces off: `yaml` reports each syntax problem as an Error, and
 * capturing a stack for each of the thousands a damaged large file holds took most of its parse.
 */
function withoutStackTraces<T>(f: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return f();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function parseConfigText(uri: string, text: string, limits?: Partial<Limits>): ParsedFile {
  const lim: Limits = { ...DEFAULT_LIMITS, ...(limits ?? {}) };
  const out = new DiagnosticCollector(uri, text);
  let comments: ParsedFile["comments"] = [];
  let root: ConfigNode | undefined;
  try {
    if (text.length > lim.maxDocumentChars) {
      out.add("limit-exceeded", "warning", `Document too large to analyse: ${text.length} characters (maxDocumentChars = ${lim.maxDocumentChars}).`, 0, lineEnd(text, 0));
      return emptyFile(uri, text, out.items);
    }
    const cap = refuseDepth(lim);
    const scan = prescanText(text, cap);
    if (scan.tooDeepAt !== undefined) {
      const at = scan.tooDeepAt;
      out.add("limit-exceeded", "warning", `Document nests deeper than ${cap} levels here (maxNestingDepth = ${lim.maxNestingDepth}): not analysed.`, at, at + 1);
      return emptyFile(uri, text, out.items);
    }
    // PyYAML ignores indentation inside flow collections; `yaml` does not. Same offsets, same meaning.
    const yamlText = joinFlowLines(text, scan);
    const tokens: CST.Token[] = withoutStackTraces(() => Array.from(new Parser().parse(yamlText)));
    const facts = collectCstFacts(tokens, cap);
    comments = commentsOf(uri, facts, scan.flowComments, text);
    if (facts.tooDeepAt !== undefined) {
      const at = facts.tooDeepAt;
      out.add("limit-exceeded", "warning", `Document nests deeper than ${cap} levels here (maxNestingDepth = ${lim.maxNestingDepth}): not analysed.`, at, at + 1);
      return emptyFile(uri, text, out.items, comments);
    }
    const composer = new Composer({ schema: "failsafe", customTags: customTagsFor(facts.tags.map((t) => t.name)), uniqueKeys: false });
    const docs = withoutStackTraces(() => Array.from(composer.compose(tokens, true, yamlText.length)));
    const doc = docs[0];
    if (doc) {
      reportYamlProblems(doc, out);
      root = new YamlToConfig({ uri, text, limits: lim, tags: facts.tags, anchors: facts.anchors, diagnostics: out }).convertDocument(doc.contents);
    }
    if (docs.length > 1) {
      const start = docs[1].range[0];
      out.add("yaml-syntax", "error", "A config must be a single YAML document: PyYAML stops at this second document (expected a single document in the stream).", start, lineEnd(text, start));
    }
  } catch (e) {
    // A bug of ours or of `yaml` must not take the editor down: report it and keep what was built.
    const message = e instanceof Error ? e.message : String(e);
    out.add("internal-error", "warning", `lrlens could not finish reading this YAML (${message}); please report it.`, 0, lineEnd(text, 0));
  }
  return { uri, text, root, comments, diagnostics: out.items };
}
