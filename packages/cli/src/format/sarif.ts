/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers, with the rules'
 * metadata (short description, help URI, default level) in `tool.driver.rules`.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { RULES, type Diagnostic } from "@lrlens/core";
import { shownSeverity, type CheckReport } from "../report";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://github.com/lrlens/lrlens";

type Level = "error" | "warning" | "note";

function level(severity: "error" | "warning" | "information" | "hint"): Level {
  return severity === "error" ? "error" : severity === "warning" ? "warning" : "note";
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: Level };
  properties?: Record<string, unknown>;
}

/** Camel-cased rule name, as SARIF viewers show `name` ("no-unit-mix" → "NoUnitMix"). */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, ch: string) => ch.toUpperCase());
}

/** Diagnostics that are not lint rules (YAML syntax, dialect findings, ...) still get a descriptor, so every result has a ruleIndex. */
function builtinRule(d: Diagnostic): SarifRule {
  return {
    id: d.rule,
    name: ruleName(d.rule),
    shortDescription: { text: `lrlens built-in check \`${d.rule}\`` },
    ...(d.docsUrl ? { helpUri: d.docsUrl } : {}),
    defaultConfiguration: { level: level(d.severity) },
  };
}

export function formatSarif(report: CheckReport, cwd: string, version: string): string {
  const rules: SarifRule[] = RULES.map((r) => ({
    id: r.meta.id,
    name: ruleName(r.meta.id),
    shortDescription: { text: r.meta.description },
    fullDescription: { text: r.meta.docs.details.split(/\n\s*\n/)[0].replace(/\s+/g, " ").trim() },
    ...(r.meta.docsUrl ? { helpUri: r.meta.docsUrl } : {}),
    defaultConfiguration: { level: level(r.meta.severity) },
    properties: { category: r.meta.category, fixable: r.meta.fixable, tags: [r.meta.category] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const root = resolve(cwd);
  const results = [];
  for (const f of report.files) {
    const abs = resolve(root, f.file);
    const rel = relative(root, abs);
    const inside = rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
    const artifactLocation = inside ? { uri: rel.split(sep).map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" } : { uri: pathToFileURL(abs).href };
    for (const d of f.diagnostics) {
      let ruleIndex = index.get(d.rule);
      if (ruleIndex === undefined) {
        ruleIndex = rules.push(builtinRule(d)) - 1;
        index.set(d.rule, ruleIndex);
      }
      results.push({
        ruleId: d.rule,
        ruleIndex,
        level: level(shownSeverity(d)),
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          },
        ],
        ...(report.autoFixable(d) ? { properties: { fixable: true } } : {}),
      });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "lrlens", version, semanticVersion: version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(root).href.replace(/\/?$/, "/") } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
