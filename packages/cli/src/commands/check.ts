/**
 * `lrlens check <files|dirs|globs...>`: lints every config (ESLint-like), optionally fixes it in
 * place, and prints the results as stylish text, JSON or SARIF. Returns the exit code.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { analyzeDocument, lint, RULES, type Diagnostic, type ParseCache, type Severity } from "@lrlens/core";
import { applyAllFixes } from "../core-internal";
import type { Colors } from "../colors";
import { expandArguments } from "../files";
import { formatJson } from "../format/json";
import { formatSarif } from "../format/sarif";
import { formatStylish } from "../format/stylish";
import { createNodeHost, displayPath, pathToUri, readTextFile } from "../host";
import type { Io } from "../io";
import { ProjectConfigs } from "../project";
import { countSeverities, type CheckReport, type FileReport } from "../report";
import { formatTimings } from "../timing";
import { UsageError } from "../usage";

export interface CheckOptions {
  format: "stylish" | "json" | "sarif";
  fix: boolean;
  stepsPerEpoch?: number;
  maxWarnings: number;
  rules: Record<string, Severity | "off">;
  allowRead?: string[];
  colors: Colors;
  version: string;
}

const SAFE_FIX_RULES = new Set(RULES.filter((r) => r.meta.fixable === "safe").map((r) => r.meta.id));

/** Whether `--fix` applies this diagnostic's fix: a rule with safe fixes, and a fix it would pick. */
export function autoFixable(d: Diagnostic): boolean {
  return SAFE_FIX_RULES.has(d.rule) && pickFix(d) !== undefined;
}

function pickFix(d: Diagnostic) {
  if (!SAFE_FIX_RULES.has(d.rule)) return undefined;
  const fixes = d.fixes ?? [];
  return fixes.find((f) => f.preferred) ?? (fixes.length === 1 ? fixes[0] : undefined);
}

export function runCheck(args: string[], options: CheckOptions, io: Io): number {
  const { files, problems } = expandArguments(args, io.cwd);
  if (problems.length > 0) throw new UsageError(problems[0]);
  const projects = new ProjectConfigs(io.cwd);
  const host = createNodeHost({ roots: options.allowRead, memo: true });
  const timings = io.env.LRLENS_TIMING ? new Map<string, number>() : undefined;
  // One parse per file for the whole run: the bases of a suite are shared by hundreds of configs.
  const parseCache: ParseCache = new Map();
  const reports: FileReport[] = [];
  const extra = new Map<string, FileReport>();
  const seen = new Set<string>();
  const shownProjects = new Set<string>();

  for (const f of files) {
    const read = readTextFile(f.path);
    if (!read.ok) throw new UsageError(`${f.display}: ${read.reason}`);
    const project = projects.forFile(f.path);
    if (project.path && project.diagnostics.length > 0 && !shownProjects.has(project.path)) {
      shownProjects.add(project.path);
      extra.set(project.path, { file: displayPath(project.path, io.cwd), diagnostics: project.diagnostics });
    }
    const uri = pathToUri(f.path);
    const stepsPerEpoch = options.stepsPerEpoch ?? project.config?.stepsPerEpoch;
    const lintText = (text: string): Diagnostic[] =>
      lint(analyzeDocument(uri, text, host, { stepsPerEpoch, parseCache }), { rules: options.rules, project: project.config, timings });

    let diagnostics: Diagnostic[];
    const report: FileReport = { file: f.display, diagnostics: [] };
    if (options.fix) {
      const result = applyAllFixes(lintText, read.text, { uri, select: pickFix });
      if (result.text !== read.text) {
        writeFileSync(f.path, result.text);
        host.forget(uri);
        report.fixed = true;
      }
      diagnostics = result.remaining;
    } else {
      diagnostics = lintText(read.text);
    }
    // Each diagnostic is listed under the file it points into (a `_BASE_` file for inherited
    // values), once, even when several linted files inherit it.
    for (const d of diagnostics) {
      const key = `${d.uri}|${d.span.start}|${d.span.end}|${d.rule}|${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (d.uri === uri) report.diagnostics.push(d);
      else {
        let other = extra.get(d.uri);
        if (!other) extra.set(d.uri, (other = { file: displayPath(d.uri, io.cwd), diagnostics: [] }));
        other.diagnostics.push(d);
      }
    }
    reports.push(report);
  }
  for (const r of extra.values()) {
    const given = reports.find((x) => resolve(io.cwd, x.file) === resolve(io.cwd, r.file));
    if (given) given.diagnostics.push(...r.diagnostics);
    else reports.push(r);
  }
  for (const r of reports) r.diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));

  const report: CheckReport = { files: reports, autoFixable };
  const out = options.format === "json" ? formatJson(report) : options.format === "sarif" ? formatSarif(report, io.cwd, options.version) : formatStylish(report, options.colors);
  io.stdout(out);
  if (timings) io.stderr(formatTimings(timings));
  const n = countSeverities(reports);
  const tooManyWarnings = options.maxWarnings >= 0 && n.warnings > options.maxWarnings;
  if (tooManyWarnings && options.format === "stylish") io.stderr(`lrlens found too many warnings (maximum: ${options.maxWarnings}).\n`);
  return n.errors > 0 || tooManyWarnings ? 1 : 0;
}
