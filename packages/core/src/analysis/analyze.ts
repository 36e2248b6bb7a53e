/** Analyses one document: load (with inheritance), detect the dialect, extract schedules, build their programs. */
import { loadConfig } from "../config/load";
import { DEFAULT_LIMITS, type Host, type Limits } from "../config/types";
import { detectDialect } from "../dialects";
import type { Schedule } from "../dialects/types";
import type { Diagnostic } from "../model/diagnostics";
import { build } from "../schedulers";
import type { BuildResult } from "../schedulers/types";
import { LineIndex } from "../text/line-index";
import { mayHoldSchedule } from "./relevance";
import { schedulerStepAt } from "./iteration";
import { bigIntFindings, capHorizon } from "./limit-findings";
import type { Analysis, AnalyzedSchedule, AnalyzeOptions } from "./types";

/** Used when neither the config nor the schedule implies a length. */
export const FALLBACK_HORIZON = 1000;

export function resolveLimits(options: AnalyzeOptions): Limits {
  return { ...DEFAULT_LIMITS, ...(options.limits ?? {}) };
}

export function internalError(uri: string, text: string, what: string, e: unknown): Diagnostic {
  const message = e instanceof Error ? e.message : String(e);
  return {
    rule: "internal-error",
    severity: "warning",
    message: `lrlens internal error in ${what}: ${message}. The rest of the analysis still ran; please report this.`,
    uri,
    span: { uri, start: 0, end: 0 },
    range: new LineIndex(text).range(0, 0),
  };
}

/** The horizon in scheduler steps: the training length when the config implies one, else the schedule's own. */
export function horizonOf(s: Schedule, b: BuildResult | undefined): { steps: number; from: string } {
  const t = s.training;
  if (t?.iterations !== undefined && t.iterations > 0) return { steps: schedulerStepAt(s, t.iterations - 1) + 1, from: t.key };
  if (t?.epochs !== undefined && t.epochs > 0) {
    const spe = s.stepsPerEpoch.value ?? 100;
    return { steps: schedulerStepAt(s, t.epochs * spe - 1) + 1, from: t.key };
  }
  const natural = b?.ok ? safe(() => b.program.naturalHorizon()) : undefined;
  if (natural && natural.steps > 0) return natural;
  return { steps: FALLBACK_HORIZON, from: "default" };
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

export function analyzeDocument(uri: string, text: string, host: Host, options: AnalyzeOptions = {}): Analysis {
  const limits = resolveLimits(options);
  const config = loadConfig(uri, text, host, limits, options.parseCache, options.sectionCache);
  const found = detectDialect(config.own, config.root);
  if (!found.dialect) {
    // Not a config we know: no schedules and no alarms (Red Hat YAML already reports syntax errors).
    const diagnostics = found.error ? [internalError(uri, text, `dialect detection (${found.error.dialect})`, found.error.message)] : [];
    // A document refused by a limit (too large, too deep) has no tree to detect a suite in; the refusal
    // must still be visible whenever the text could hold a schedule, never a silent "nothing here".
    if (mayHoldSchedule(text)) diagnostics.push(...config.diagnostics.filter((d) => d.rule === "limit-exceeded"));
    return { uri, text, dialect: undefined, config, schedules: [], diagnostics };
  }
  const dialect = found.dialect;
  const diagnostics: Diagnostic[] = [...config.diagnostics];
  if (found.error) diagnostics.push(internalError(uri, text, `dialect detection (${found.error.dialect})`, found.error.message));
  let schedules: Schedule[] = [];
  try {
    const out = dialect.extract({ config, host, limits, stepsPerEpochSetting: options.stepsPerEpoch });
    schedules = out.schedules;
    diagnostics.push(...out.diagnostics);
  } catch (e) {
    diagnostics.push(internalError(uri, text, `the ${dialect.label} dialect`, e));
  }
  const analyzed: AnalyzedSchedule[] = [];
  for (const s of schedules) {
    let b: BuildResult | undefined;
    try {
      b = s.spec ? build(s.spec, { maxReplaySteps: limits.maxDenseSteps }) : undefined;
    } catch (e) {
      diagnostics.push(internalError(uri, text, `building ${s.path}`, e));
    }
    diagnostics.push(...s.diagnostics);
    const capped = capHorizon(config, s, horizonOf(s, b), limits.maxHorizon);
    if (capped.diagnostic) diagnostics.push(capped.diagnostic);
    diagnostics.push(...bigIntFindings(config, s));
    analyzed.push({ ...s, build: b, horizon: capped.horizon });
  }
  return { uri, text, dialect: dialect.id, config, schedules: analyzed, diagnostics };
}
