/** The results of `lrlens check` as plain data, shared by every output format. */
import type { Diagnostic } from "@lrlens/core";

export interface FileReport {
  /** The path as given on the command line (or relative to the cwd for walked and globbed files). */
  file: string;
  diagnostics: Diagnostic[];
  /** `--fix` rewrote this file. */
  fixed?: boolean;
}

export interface CheckReport {
  files: FileReport[];
  /** Whether `--fix` would fix this diagnostic (it has a fix of a rule whose fixes are safe). */
  autoFixable(d: Diagnostic): boolean;
}

/** The three severities the CLI shows: a user-configured "hint" is shown as information. */
export function shownSeverity(d: Diagnostic): "error" | "warning" | "information" {
  return d.severity === "hint" ? "information" : d.severity;
}

export function countSeverities(files: readonly FileReport[]): { errors: number; warnings: number; information: number } {
  const c = { errors: 0, warnings: 0, information: 0 };
  for (const f of files)
    for (const d of f.diagnostics) {
      const s = shownSeverity(d);
      if (s === "error") c.errors++;
      else if (s === "warning") c.warnings++;
      else c.information++;
    }
  return c;
}
