/**
 * Parses a workspace's `.lrlens.yaml` (`rules: {id: severity}`, `stepsPerEpoch: N`). Finding and
 * reading the file is the caller's job (CLI, server); unknown keys and rules become warnings.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node, type Pair } from "yaml";
import type { Diagnostic, Severity } from "../../model/diagnostics";
import { didYouMean, didYouMeanSuffix } from "../../dialects/common/did-you-mean";
import type { ProjectConfig } from "../types";

const SEVERITIES: Record<string, Severity | "off"> = {
  error: "error",
  warning: "warning",
  warn: "warning",
  information: "information",
  info: "information",
  hint: "hint",
  off: "off",
};

/** The rule ids (and built-in diagnostic ids) a severity may be set for. */
export type KnownIds = readonly string[];

export function parseSeverity(value: unknown): Severity | "off" | undefined {
  if (value === false) return "off"; // `off` is a boolean to YAML 1.1 readers; accept it either way.
  return typeof value === "string" ? SEVERITIES[value.trim().toLowerCase()] : undefined;
}

export function parseProjectConfigWith(text: string, known: KnownIds, uri = ".lrlens.yaml"): { config: ProjectConfig; diagnostics: Diagnostic[] } {
  const config: ProjectConfig = { rules: {} };
  const diagnostics: Diagnostic[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const report = (severity: Severity, rule: string, message: string, range: [number, number] | undefined) => {
    // yaml may report an error just past the end of the text; keep spans inside it.
    const clamp = (o: number) => Math.max(0, Math.min(o, text.length));
    const [start, end] = (range ?? [0, 0]).map(clamp);
    const pos = (o: number) => {
      const p = lines.linePos(o);
      return { line: p.line - 1, character: p.col - 1 };
    };
    diagnostics.push({ rule, severity, message, uri, span: { uri, start, end }, range: { start: pos(start), end: pos(end) } });
  };
  const rangeOf = (n: Node | null | undefined): [number, number] | undefined => (n?.range ? [n.range[0], n.range[1]] : undefined);

  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    report("error", "project-config", `.lrlens.yaml is not valid YAML (${e.message.split("\n")[0]}); its settings are not used.`, [e.pos[0], e.pos[1]]);
    return { config, diagnostics };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ""))) return { config, diagnostics };
  if (!isMap(root)) {
    report("error", "project-config", ".lrlens.yaml must be a mapping with `rules:` and/or `stepsPerEpoch:`.", rangeOf(root));
    return { config, diagnostics };
  }
  for (const pair of root.items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (key === "rules") readRules(pair.value);
    else if (key === "stepsPerEpoch") {
      const v = isScalar(pair.value) ? pair.value.value : undefined;
      if (typeof v === "number" && Number.isSafeInteger(v) && v >= 1) config.stepsPerEpoch = v;
      else report("warning", "project-config", `stepsPerEpoch must be a whole number ≥ 1 (iterations per epoch); got ${JSON.stringify(v ?? null)}. It is ignored.`, rangeOf(pair.value));
    } else {
      const hint = didYouMeanSuffix(didYouMean(key, ["rules", "stepsPerEpoch"]));
      report("warning", "project-config", `Unknown key \`${key}\` in .lrlens.yaml (known: rules, stepsPerEpoch); it is ignored.${hint}`, rangeOf(pair.key));
    }
  }
  return { config, diagnostics };

  function readRules(node: Node | null) {
    if (!isMap(node)) {
      report("warning", "project-config", "`rules` must be a mapping of rule id to severity (error, warning, information, hint, off).", rangeOf(node));
      return;
    }
    for (const pair of node.items as Pair<Node, Node>[]) {
      const id = isScalar(pair.key) ? String(pair.key.value) : "";
      const sev = parseSeverity(isScalar(pair.value) ? pair.value.value : undefined);
      if (!known.includes(id)) {
        const hint = didYouMeanSuffix(didYouMean(id, known));
        report("warning", "project-config", `Unknown rule \`${id}\` in .lrlens.yaml; it is ignored.${hint}`, rangeOf(pair.key));
        continue;
      }
      if (!sev) {
        report("warning", "project-config", `Severity of \`${id}\` must be one of error, warning, information, hint, off; the rule keeps its default.`, rangeOf(pair.value));
        continue;
      }
      config.rules[id] = sev;
    }
  }
}
