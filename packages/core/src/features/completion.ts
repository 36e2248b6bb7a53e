/**
 * Completion in schedule blocks: scheduler names valid for the dialect (with a snippet of their
 * required parameters), parameter names of the scheduler at the cursor (with docs and defaults,
 * leaving out those already written), and enum values such as `mode` or `anneal_strategy`.
 */
import type { Analysis } from "../analysis/types";
import { getDialect } from "../dialects";
import type { DialectId, VocabularyEntry } from "../dialects/types";
import { listSchedulers } from "../schedulers";
import type { ParamInfo } from "../schedulers/types";
import { pyFloatRepr } from "../text/py-repr";
import { NAME_KEYS } from "./locate";
import type { Completion } from "./types";
import { cursorContext, type CursorContext } from "./yaml-context";

/** Keys under which a mapping is a schedule even before a dialect recognises the file. */
const SCHEDULE_KEYS = new Set(["lr", "lr_scheduler", "scheduler", "learning_rate", "LearningRate", "schedulers", "lr_schedule"]);
const QUALIFIED = /^paddle\.optimizer\.lr\./;

export function completionsAt(analysis: Analysis, offset: number): Completion[] {
  const ctx = cursorContext(analysis.text, offset);
  if (!ctx) return [];
  const dialect = analysis.dialect ?? guessDialect(ctx, analysis.text);
  const vocab = vocabularyOf(dialect);
  const inSchedule = isScheduleMapping(analysis, ctx);
  if (!inSchedule) return [];
  if (ctx.mode === "tag") return dialect === "paddledet" ? schedulerItems(vocab, ctx, dialect, "tag") : [];
  if (ctx.mode === "value" && ctx.key && NAME_KEYS.has(ctx.key)) return schedulerItems(vocab, ctx, dialect, "value");
  const current = currentScheduler(ctx);
  const entry = current ? vocab.find((v) => v.name === current) : undefined;
  if (ctx.mode === "value") {
    const param = entry?.params.find((p) => p.name === ctx.key);
    return param ? valueItems(param, ctx) : [];
  }
  if (!entry) return current || ctx.tag ? [] : [nameKeyItem(dialect, ctx)];
  return entry.params
    .filter((p) => !ctx.siblings.has(p.name))
    .map((p) => ({
      label: p.name,
      kind: "parameter" as const,
      detail: p.required ? `required ${p.kind}` : `${p.kind}, default ${yamlValueText(p) ?? "none"}`,
      documentation: paramDoc(p),
      insertText: `${p.name}: \${1:${snippetEscape(placeholder(p))}}`,
      snippet: true,
      replace: ctx.replace,
      sortText: `${p.required ? "0" : "1"}_${p.name}`,
    }));
}

function guessDialect(ctx: CursorContext, text: string): DialectId {
  const top = ctx.path[0];
  if (top === "LearningRate") return "paddledet";
  if (top === "Optimizer") return /^\s*epoch_num\s*:/m.test(text) ? "paddleocr" : "paddleclas";
  if (top === "lr_scheduler" && (ctx.siblings.has("type") || /^iters\s*:/m.test(text))) return "paddleseg";
  return "paddle";
}

/** The dialect's names; the generic form's are Paddle's own classes. */
function vocabularyOf(id: DialectId): VocabularyEntry[] {
  const own = getDialect(id)?.vocabulary() ?? [];
  if (own.length > 0 || id !== "paddle") return own;
  return listSchedulers().map((s) => ({ name: s.name, doc: s.doc, params: s.params }));
}

function isScheduleMapping(analysis: Analysis, ctx: CursorContext): boolean {
  const dotted = ctx.path.filter((p) => p !== "-").join(".");
  if (analysis.schedules.some((s) => dotted === s.path.replace(/\[\d+\]/g, "") || dotted.startsWith(`${s.path.replace(/\[\d+\]/g, "")}.`))) return true;
  if (ctx.tag || ctx.path.includes("schedulers")) return true;
  const last = [...ctx.path].reverse().find((p) => p !== "-");
  return last !== undefined && SCHEDULE_KEYS.has(last);
}

function currentScheduler(ctx: CursorContext): string | undefined {
  if (ctx.tag) return ctx.tag;
  for (const k of NAME_KEYS) {
    const v = ctx.siblings.get(k);
    if (v) return v.replace(/^["']|["']$/g, "").replace(QUALIFIED, "");
  }
  return undefined;
}

function schedulerItems(vocab: VocabularyEntry[], ctx: CursorContext, dialect: DialectId, as: "tag" | "value"): Completion[] {
  const pad = " ".repeat(ctx.indent);
  const label = getDialect(dialect)?.label ?? dialect;
  return vocab.map((v) => {
    let n = 1;
    const lines = v.params
      .filter((p) => p.required && !ctx.siblings.has(p.name))
      .map((p) => `\n${pad}${p.name}: \${${n++}:${snippetEscape(placeholder(p))}}`);
    const lead = as === "value" && ctx.needsSpace ? " " : "";
    return {
      label: v.name,
      kind: "scheduler" as const,
      detail: `${label} scheduler`,
      documentation: `${v.doc}\n\nParameters: ${v.params.map((p) => (p.required ? `**${p.name}**` : p.name)).join(", ") || "none"}`,
      insertText: `${lead}${snippetEscape(v.name)}${lines.join("")}`,
      snippet: true,
      replace: ctx.replace,
    };
  });
}

function valueItems(p: ParamInfo, ctx: CursorContext): Completion[] {
  const lead = ctx.needsSpace ? " " : "";
  const values = p.enum ?? (p.kind === "bool" ? ["true", "false"] : []);
  return values.map((v) => ({
    label: v,
    kind: "value" as const,
    detail: `${p.name}`,
    documentation: paramDoc(p),
    insertText: `${lead}${v}`,
    snippet: false,
    replace: ctx.replace,
  }));
}

function nameKeyItem(dialect: DialectId, ctx: CursorContext): Completion {
  const key = dialect === "paddleseg" ? "type" : "name";
  return { label: key, kind: "parameter", detail: "scheduler class", documentation: "The scheduler this block builds.", insertText: `${key}: $1`, snippet: true, replace: ctx.replace, sortText: `0_${key}` };
}

function paramDoc(p: ParamInfo): string {
  const dflt = yamlValueText(p);
  const parts = [p.doc];
  if (p.required) parts.push("Required.");
  else if (dflt !== undefined) parts.push(`Default: \`${dflt}\`.`);
  if (p.enum?.length) parts.push(`One of: ${p.enum.map((e) => `\`${e}\``).join(", ")}.`);
  return parts.join(" ");
}

/** A number as YAML text PyYAML reads back as the same Python type (`1.0e-05`, never `1e-05`, which is a string). */
export function yamlNumber(x: number, isInt: boolean): string {
  if (isInt && Number.isSafeInteger(x)) return String(x);
  if (Number.isNaN(x)) return ".nan";
  if (!Number.isFinite(x)) return x > 0 ? ".inf" : "-.inf";
  const repr = pyFloatRepr(x);
  const m = /^(-?\d+)(\.\d+)?e([+-])(\d+)$/.exec(repr);
  return m ? `${m[1]}${m[2] ?? ".0"}e${m[3]}${m[4]}` : repr;
}

/** A parameter's default as YAML text, or undefined when it has none. */
function yamlValueText(p: ParamInfo): string | undefined {
  const d = p.default;
  if (!d) return undefined;
  switch (d.type) {
    case "int":
    case "float":
      return yamlNumber(d.value, d.type === "int");
    case "bool":
      return d.value ? "true" : "false";
    case "str":
      return d.value;
    case "none":
      return "null";
    default:
      return undefined;
  }
}

const EXAMPLES: Record<string, string> = {
  milestones: "[30, 60, 90]",
  boundaries: "[100, 200]",
  values: "[0.1, 0.01, 0.001]",
  decay_epochs: "[30, 60]",
  learning_rate: "0.1",
  max_lr: "0.1",
  base_learning_rate: "0.1",
  T_max: "1000",
  T_0: "100",
  total_steps: "1000",
  decay_steps: "1000",
  step_size: "30",
  warmup_steps: "1000",
  d_model: "512",
  lr_lambda: "'lambda epoch: 0.95 ** epoch'",
};

function placeholder(p: ParamInfo): string {
  const example = EXAMPLES[p.name];
  if (example) return example;
  const dflt = yamlValueText(p);
  if (dflt !== undefined) return dflt;
  if (p.enum?.length) return p.enum[0];
  switch (p.kind) {
    case "list":
      return "[]";
    case "int":
      return "1";
    case "bool":
      return "false";
    case "fn":
      return "'lambda epoch: 1.0'";
    case "str":
      return "''";
    default:
      return "0.1";
  }
}

/** Escapes `$`, `}` and `\` so text is literal inside a snippet. */
function snippetEscape(text: string): string {
  return text.replace(/[$}\\]/g, "\\$&");
}
