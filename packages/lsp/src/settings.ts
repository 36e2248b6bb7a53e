/**
 * Every lrlens setting, declared once: key, type, default, scope and description. The VS Code
 * extension's `contributes.configuration` and docs/settings.md are checked against this table.
 */
import { DEFAULT_LIMITS, type Limits } from "@lrlens/core";

type Scope = "resource" | "window" | "application";

export interface SettingDecl {
  /** Key under the `lrlens` section, e.g. `stepsPerEpoch` → `lrlens.stepsPerEpoch`. */
  key: string;
  type: "number" | "integer" | "boolean" | "string" | "object" | ["integer", "null"];
  default: unknown;
  scope: Scope;
  description: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  /** Read by the extension only (the server ignores it). */
  clientOnly?: boolean;
}

export const SETTINGS: SettingDecl[] = [
  { key: "stepsPerEpoch", type: ["integer", "null"], default: null, scope: "resource", minimum: 1, description: "Training iterations per epoch, used to put epoch-based and step-based parameters on one axis when the config does not say (a `# lrlens: steps-per-epoch=N` comment in the file wins)." },
  { key: "rules", type: "object", default: {}, scope: "resource", description: "Severity per rule id: \"error\", \"warning\", \"information\", \"hint\" or \"off\". A `.lrlens.yaml` at the workspace root may set them too; this setting wins." },
  { key: "hover.enable", type: "boolean", default: true, scope: "resource", description: "Show the LR curve and key numbers when hovering a schedule." },
  { key: "inlayHints.enable", type: "boolean", default: true, scope: "resource", description: "Show the LR after each milestone and the step count an epoch value stands for, inline." },
  { key: "codeLens.enable", type: "boolean", default: true, scope: "resource", description: "Show `peak · final · steps` above each schedule." },
  { key: "maxPoints", type: "integer", default: 512, minimum: 16, maximum: 4096, scope: "resource", description: "Maximum points per curve sent to previews (peaks and discontinuities are always kept)." },
  { key: "diagnostics.debounceMs", type: "integer", default: 120, minimum: 0, maximum: 5000, scope: "window", description: "Delay after the last keystroke before a document is re-linted." },
  { key: "allowOutsideWorkspace", type: "boolean", default: false, scope: "window", description: "Allow `_BASE_`/`_base_` files outside the workspace folders to be read." },
  { key: "limits.maxDocumentChars", type: "integer", default: DEFAULT_LIMITS.maxDocumentChars, minimum: 1000, scope: "window", description: "Documents larger than this are not analysed (a diagnostic says so)." },
  { key: "limits.maxAliasCount", type: "integer", default: DEFAULT_LIMITS.maxAliasCount, minimum: 0, maximum: 1_000_000, scope: "window", description: "Maximum YAML alias expansions per document (protects against alias bombs)." },
  { key: "limits.maxNestingDepth", type: "integer", default: DEFAULT_LIMITS.maxNestingDepth, minimum: 4, scope: "window", description: "Maximum nesting depth of YAML collections." },
  { key: "limits.maxListLength", type: "integer", default: DEFAULT_LIMITS.maxListLength, minimum: 10, scope: "window", description: "Maximum items of one list read into a schedule (milestones, boundaries, values)." },
  { key: "limits.maxInheritanceDepth", type: "integer", default: DEFAULT_LIMITS.maxInheritanceDepth, minimum: 1, scope: "window", description: "Maximum depth of `_BASE_`/`_base_` chains." },
  { key: "limits.maxInheritanceFiles", type: "integer", default: DEFAULT_LIMITS.maxInheritanceFiles, minimum: 1, scope: "window", description: "Maximum number of files in one inheritance chain." },
  { key: "limits.maxDenseSteps", type: "integer", default: DEFAULT_LIMITS.maxDenseSteps, minimum: 1000, scope: "window", description: "Longest schedule evaluated step by step; longer ones are sampled analytically." },
  { key: "limits.maxHorizon", type: "integer", default: DEFAULT_LIMITS.maxHorizon, minimum: 1000, maximum: Number.MAX_SAFE_INTEGER, scope: "window", description: "Longest schedule, in scheduler steps, that is drawn and checked; a longer one is cut there (a diagnostic says so)." },
  { key: "limits.maxLambdaChars", type: "integer", default: DEFAULT_LIMITS.maxLambdaChars, minimum: 10, scope: "window", description: "Maximum length of a lambda expression (`lr_lambda`, `scale_fn`)." },
  { key: "limits.maxLambdaCost", type: "integer", default: DEFAULT_LIMITS.maxLambdaCost, minimum: 10, scope: "window", description: "Maximum evaluation steps of one lambda call." },
  { key: "server.logLevel", type: "string", default: "info", enum: ["error", "warn", "info", "debug"], scope: "window", description: "How much the language server writes to its output channel." },
  { key: "inlinePreview.enable", type: "boolean", default: true, scope: "resource", clientOnly: true, description: "Draw a sparkline of each schedule's curve at the end of its first line." },
  { key: "trace.server", type: "string", default: "off", enum: ["off", "messages", "verbose"], scope: "window", clientOnly: true, description: "Trace the communication between VS Code and the lrlens language server." },
];

export type Severity = "error" | "warning" | "information" | "hint";

export interface Settings {
  stepsPerEpoch: number | undefined;
  rules: Record<string, Severity | "off">;
  hoverEnable: boolean;
  inlayHintsEnable: boolean;
  codeLensEnable: boolean;
  maxPoints: number;
  debounceMs: number;
  allowOutsideWorkspace: boolean;
  limits: Limits;
  logLevel: "error" | "warn" | "info" | "debug";
}

function lookup(raw: unknown, dotted: string): unknown {
  let cur: unknown = raw;
  for (const part of dotted.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    // Clients send either nested objects or flat dotted keys; accept both.
    const obj = cur as Record<string, unknown>;
    if (dotted in obj && cur === raw) return obj[dotted];
    cur = obj[part];
  }
  return cur;
}

function int(raw: unknown, d: SettingDecl): number {
  const v = typeof raw === "number" && Number.isFinite(raw) ? Math.floor(raw) : (d.default as number);
  return Math.min(d.maximum ?? Number.MAX_SAFE_INTEGER, Math.max(d.minimum ?? Number.MIN_SAFE_INTEGER, v));
}

const SEVERITIES = new Set(["error", "warning", "information", "hint", "off"]);

/** Applies defaults and clamps; never throws, whatever the client sends (or `null` when it has no configuration support). */
export function parseSettings(raw: unknown): Settings {
  const decl = (key: string) => SETTINGS.find((s) => s.key === key)!;
  const get = (key: string) => lookup(raw, key);
  const bool = (key: string) => {
    const v = get(key);
    return typeof v === "boolean" ? v : (decl(key).default as boolean);
  };
  const spe = get("stepsPerEpoch");
  const rulesRaw = get("rules");
  const rules: Record<string, Severity | "off"> = {};
  if (rulesRaw && typeof rulesRaw === "object") {
    for (const [id, sev] of Object.entries(rulesRaw as Record<string, unknown>)) {
      const s = typeof sev === "string" ? sev.toLowerCase().replace(/^info$/, "information").replace(/^warn$/, "warning") : "";
      if (SEVERITIES.has(s)) rules[id] = s as Severity | "off";
    }
  }
  const limits = { ...DEFAULT_LIMITS };
  for (const k of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const d = SETTINGS.find((s) => s.key === `limits.${k}`);
    if (d) limits[k] = int(get(`limits.${k}`), d);
  }
  const logLevel = get("server.logLevel");
  return {
    stepsPerEpoch: typeof spe === "number" && Number.isFinite(spe) && spe >= 1 ? Math.floor(spe) : undefined,
    rules,
    hoverEnable: bool("hover.enable"),
    inlayHintsEnable: bool("inlayHints.enable"),
    codeLensEnable: bool("codeLens.enable"),
    maxPoints: int(get("maxPoints"), decl("maxPoints")),
    debounceMs: int(get("diagnostics.debounceMs"), decl("diagnostics.debounceMs")),
    allowOutsideWorkspace: bool("allowOutsideWorkspace"),
    limits,
    logLevel: logLevel === "error" || logLevel === "warn" || logLevel === "debug" ? logLevel : "info",
  };
}
