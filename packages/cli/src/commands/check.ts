/**
 * `lrlens check <files|dirs|globs...>`: lints every config (ESLint-like), optionally fixes it in
 * place, and prints the results as stylish text, JSON or SARIF. Returns the exit code.
 */
import { resolve } from "node:path";
import type { Severity } from "@lrlens/core";
import type { Colors } from "../colors";
import { expandArguments } from "../files";
import { formatJson } from "../format/json";
import { formatSarif } from "../format/sarif";
import { formatStylish } from "../format/stylish";
import { displayPath } from "../host";
import type { Io } from "../io";
import { checkInWorkers, workerCount } from "../parallel/pool";
import { countSeverities, type CheckReport, type FileReport } from "../report";
import { formatTimings } from "../timing";
import { UsageError } from "../usage";
import { FileChecker, type CheckerOptions, type FileOutcome } from "./check-file";
import { autoFixable, pickFix } from "./fix-choice";

export { autoFixable } from "./fix-choice";

export interface CheckOptions {
  format: "stylish" | "json" | "sarif";
  fix: boolean;
  stepsPerEpoch?: number;
  maxWarnings: number;
  rules: Record<string, Severity | "off">;
  allowRead?: string[];
  /** Worker threads: a number, `auto` (one per core for large runs) or `off`. */
  concurrency?: number | "auto" | "off";
  colors: Colors;
  version: string;
}

/**
 * The outcomes of every file, in the order given. Worker threads only when the bundle can start
 * them (`io.workerScript`), the run is large, nothing is written (`--fix` stays in order, since a
 * fixed file may be another's base) and no timing table is asked for.
 */
async function checkAll(files: { path: string; display: string }[], options: CheckOptions, io: Io, timings?: Map<string, number>): Promise<FileOutcome[]> {
  const checkerOptions: CheckerOptions = { fix: options.fix, stepsPerEpoch: options.stepsPerEpoch, rules: options.rules, allowRead: options.allowRead, cwd: io.cwd };
  const workers = io.workerScript && !options.fix && !timings ? workerCount(options.concurrency ?? "auto", files.length) : 0;
  if (workers > 0) {
    try {
      return await checkInWorkers(io.workerScript as string, workers, checkerOptions, files);
    } catch (e) {
      // Workers are an optimisation: if they cannot run here, the same work runs in this thread.
      io.stderr(`lrlens: worker threads failed (${e instanceof Error ? e.message : String(e)}); checking in one thread.\n`);
    }
  }
  const checker = new FileChecker(checkerOptions, pickFix, timings);
  const outcomes: FileOutcome[] = [];
  for (const f of files) {
    const outcome = checker.check(f);
    outcomes.push(outcome);
    // Stop at the first unreadable file, before fixing any later one.
    if (outcome.unreadable) break;
  }
  return outcomes;
}

export async function runCheck(args: string[], options: CheckOptions, io: Io): Promise<number> {
  const { files, problems } = expandArguments(args, io.cwd);
  if (problems.length > 0) throw new UsageError(problems[0]);
  const timings = io.env.LRLENS_TIMING ? new Map<string, number>() : undefined;
  const outcomes = await checkAll(files, options, io, timings);
  const reports: FileReport[] = [];
  const extra = new Map<string, FileReport>();
  const seen = new Set<string>();

  for (const o of outcomes) {
    if (o.unreadable) throw new UsageError(`${o.display}: ${o.unreadable}`);
    if (o.project && !extra.has(o.project.path)) extra.set(o.project.path, { file: o.project.display, diagnostics: o.project.diagnostics });
    const report: FileReport = { file: o.display, diagnostics: [] };
    if (o.fixed) report.fixed = true;
    // Each diagnostic is listed under the file it points into (a `_BASE_` file for inherited
    // values), once, even when several linted files inherit it.
    for (const d of o.diagnostics) {
      const key = `${d.uri}|${d.span.start}|${d.span.end}|${d.rule}|${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (d.uri === o.uri) report.diagnostics.push(d);
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
