/**
 * Keeps lrlens and Red Hat YAML from reporting the same problem twice. Both see YAML syntax errors;
 * when Red Hat YAML is installed and validating, it owns them and lrlens keeps only what is about
 * LR schedules.
 */

/** Rule ids of lrlens diagnostics that repeat what a YAML validator already says. */
export const YAML_VALIDATOR_OVERLAP = new Set(["yaml-syntax"]);

type Code = string | number | { value: string | number } | undefined;

export function diagnosticCode(code: Code): string | undefined {
  if (code === undefined) return undefined;
  return typeof code === "object" ? String(code.value) : String(code);
}

/** Drops the overlapping diagnostics when another YAML validator is active; otherwise returns the list unchanged. */
export function withoutDuplicateYamlDiagnostics<T extends { code?: Code }>(diagnostics: readonly T[], yamlValidatorActive: boolean): T[] {
  if (!yamlValidatorActive) return [...diagnostics];
  return diagnostics.filter((d) => !YAML_VALIDATOR_OVERLAP.has(diagnosticCode(d.code) ?? ""));
}
