/**
 * `lrlens curve <file...>`: the learning rate of every schedule in the given configs, as JSON
 * (one value per step/iteration/epoch), CSV or SVG. Returns the exit code.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { analyzeDocument, DEFAULT_LIMITS, formatSpec, lint, type AnalyzedSchedule, type Diagnostic } from "@lrlens/core";
import { toJsonDiagnostic, type JsonDiagnostic } from "../format/json";
import { createNodeHost, pathToUri, readTextFile } from "../host";
import type { Io } from "../io";
import { UsageError } from "../usage";
import { autoFixable } from "./check";
import { defaultLength, unitOf, valuesOn, type Unit } from "./curve-values";
import { formatCsv } from "../format/csv";
import { scheduleSvgs } from "../format/svg";

export interface CurveOptions {
  steps?: number;
  stepsPerEpoch?: number;
  format: "json" | "csv" | "svg";
  out?: string;
  allowRead?: string[];
}

export interface CurveSchedule {
  path: string;
  dialect: string;
  scheduler: string;
  unit: Unit;
  steps: number;
  lr: (number | null)[];
  horizon_from: string;
  steps_per_epoch: { value: number | null; source: string };
  error?: string;
}

export interface CurveFile {
  file: string;
  schedules: CurveSchedule[];
  diagnostics: JsonDiagnostic[];
}

/** What a schedule's constructor chain is called in the output ("?" when the block could not be read as one). */
function schedulerText(s: AnalyzedSchedule): string {
  if (!s.spec) return s.name ?? s.kind;
  try {
    return formatSpec(s.spec);
  } catch {
    return s.spec.name;
  }
}

export function runCurve(files: string[], options: CurveOptions, io: Io): number {
  if (files.length === 0) throw new UsageError("curve needs at least one config file");
  const host = createNodeHost({ roots: options.allowRead });
  const out: CurveFile[] = [];
  const svgs: string[] = [];
  let failed = false;
  for (const file of files) {
    const abs = resolve(io.cwd, file);
    const read = readTextFile(abs);
    if (!read.ok) throw new UsageError(`${file}: ${read.reason}`);
    const uri = pathToUri(abs);
    const analysis = analyzeDocument(uri, read.text, host, { stepsPerEpoch: options.stepsPerEpoch });
    const diagnostics: Diagnostic[] = lint(analysis);
    if (diagnostics.some((d) => d.severity === "error")) failed = true;
    const schedules: CurveSchedule[] = [];
    if (options.format === "svg") {
      const lengths = options.steps !== undefined ? analysis.schedules.map((s) => ({ unit: unitOf(s), n: options.steps as number })) : undefined;
      svgs.push(...scheduleSvgs(analysis, lengths).filter((svg) => svg !== ""));
    }
    for (const s of analysis.schedules) {
      const unit = unitOf(s);
      const n = options.steps ?? defaultLength(s, unit);
      const entry: CurveSchedule = {
        path: s.path,
        dialect: s.dialect,
        scheduler: schedulerText(s),
        unit,
        steps: n,
        lr: [],
        horizon_from: options.steps !== undefined ? "--steps" : s.horizon.from,
        steps_per_epoch: { value: s.stepsPerEpoch.value ?? null, source: s.stepsPerEpoch.source },
      };
      schedules.push(entry);
      const program = s.build?.ok ? s.build.program : undefined;
      if (!program) {
        failed = true;
        entry.error = s.build && !s.build.ok ? s.build.errors.map((e) => `${e.param ? `${e.param}: ` : ""}${e.message.trim()}`).join("; ") : "the schedule could not be built";
        continue;
      }
      if (options.format === "svg") continue;
      if (n > DEFAULT_LIMITS.maxDenseSteps) {
        const why = options.steps !== undefined ? `--steps ${n}` : `the horizon of ${file} (${n} from ${s.horizon.from})`;
        throw new UsageError(`${why} is more than ${DEFAULT_LIMITS.maxDenseSteps} values to print; pass a smaller --steps, or use --format svg (sampled)`);
      }
      const values = valuesOn(s, program, unit, n);
      entry.lr = values.lr.map((x) => (Number.isFinite(x) ? x : null));
      if (values.error) {
        entry.error = values.error;
        failed = true;
      }
    }
    out.push({ file, schedules, diagnostics: diagnostics.map((d) => toJsonDiagnostic(d, autoFixable(d))) });
  }

  let text: string;
  if (options.format === "json") text = `${JSON.stringify({ files: out })}\n`;
  else if (options.format === "csv") text = formatCsv(out);
  else {
    if (svgs.length === 0) {
      if (!failed) throw new UsageError("no learning-rate schedule found in the given file(s)");
      io.stderr("lrlens: no schedule could be drawn (see `lrlens check` for why)\n");
      return 1;
    }
    if (svgs.length > 1 && !options.out) throw new UsageError(`--format svg draws one schedule; these files have ${svgs.length}: give one file, or --out FILE to write FILE-1.svg, FILE-2.svg, ...`);
    text = svgs[0];
  }
  if (options.out) {
    const target = resolve(io.cwd, options.out);
    if (options.format === "svg" && svgs.length > 1) svgs.forEach((svg, k) => writeOut(numbered(target, k + 1), svg));
    else writeOut(target, text);
  } else io.stdout(text);
  return failed ? 1 : 0;
}

function numbered(out: string, k: number): string {
  const m = /^(.*?)(\.svg)?$/i.exec(out) as RegExpExecArray;
  return `${m[1]}-${k}${m[2] ?? ".svg"}`;
}

function writeOut(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
