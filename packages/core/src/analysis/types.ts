/** The result of analysing one document: its loaded config, its schedules with their programs, and diagnostics. */
import type { ParseCache } from "../config/load";
import type { SectionCache } from "../config/sectioned-parse";
import type { Host, Limits, LoadedConfig } from "../config/types";
import type { DialectId, Schedule } from "../dialects/types";
import type { Diagnostic, Severity } from "../model/diagnostics";
import type { BuildResult } from "../schedulers/types";

export interface AnalyzeOptions {
  /** Explicit steps per epoch (CLI `--steps-per-epoch`, editor setting). */
  stepsPerEpoch?: number;
  limits?: Partial<Limits>;
  /** Parsed files shared across analyses (bases reused by many configs); see `config/load.ts`. */
  parseCache?: ParseCache;
  /** The document's own sections from its previous analysis (an editor's keystrokes); see `config/sectioned-parse.ts`. */
  sectionCache?: SectionCache;
}

export interface AnalyzedSchedule extends Schedule {
  /** `build(spec)`: a program, or Paddle's construction errors. Undefined when there is no spec. */
  build: BuildResult | undefined;
  /** The length to draw / lint over, in scheduler steps, and what it came from ("Global.epoch_num", "T_max", ...). */
  horizon: { steps: number; from: string };
}

export interface Analysis {
  uri: string;
  text: string;
  /** The recognised dialect; undefined means "not a config we know": no schedules and no alarms. */
  dialect: DialectId | undefined;
  config: LoadedConfig;
  schedules: AnalyzedSchedule[];
  /** Load, dialect and construction diagnostics (lint adds rule diagnostics on top). */
  diagnostics: Diagnostic[];
}

export interface LintOptions {
  /** Per-rule severity override, or "off". */
  rules?: Record<string, Severity | "off">;
}

export type { Host };
