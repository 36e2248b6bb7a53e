/**
 * Quick-fixes for diagnostics the analysis itself reports (a dialect owns the finding and its
 * wording; this layer adds the edit), found by the diagnostic's rule id: did-you-mean renames for
 * a misspelt parameter key or scheduler name.
 */
import type { Analysis } from "../../analysis/types";
import type { ConfigEntry, ConfigMap, ConfigNode } from "../../config/types";
import { didYouMean } from "../../dialects/common/did-you-mean";
import { getDialect } from "../../dialects";
import type { Diagnostic, Fix } from "../../model/diagnostics";
import { getSchedulerInfo } from "../../schedulers";
import { replaceSpan } from "../support/yaml-edit";

/** Paddle's LRScheduler arguments every class takes. */
const COMMON_PARAMS = ["last_epoch", "verbose"];
const NAME_KEYS = ["name", "type", "class"];
const MAX_DEPTH = 16;

/** The mapping that holds the entry whose key starts at `offset` (in `uri`), searched below the schedules' blocks. */
function findEntry(analysis: Analysis, uri: string, offset: number): { map: ConfigMap; entry: ConfigEntry } | undefined {
  const visit = (node: ConfigNode, depth: number): { map: ConfigMap; entry: ConfigEntry } | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    if (node.kind === "map") {
      for (const e of node.entries) {
        if (e.keySpan.uri === uri && e.keySpan.start === offset) return { map: node, entry: e };
        const hit = visit(e.value, depth + 1);
        if (hit) return hit;
      }
    } else if (node.kind === "seq") {
      for (const item of node.items) {
        const hit = visit(item, depth + 1);
        if (hit) return hit;
      }
    }
    return undefined;
  };
  for (const s of analysis.schedules) {
    const hit = visit(s.node, 0);
    if (hit) return hit;
  }
  return undefined;
}

function classNameOf(map: ConfigMap): string | undefined {
  const named = map.entries.find((e) => NAME_KEYS.includes(e.key) && e.value.kind === "scalar" && e.value.value.type === "str");
  const raw = named && named.value.kind === "scalar" && named.value.value.type === "str" ? named.value.value.value : map.tag;
  return raw?.replace(/^.*\./, "");
}

/** The parameter names a mapping may hold: the dialect's vocabulary entry for its class, else Paddle's own class. */
function paramsFor(analysis: Analysis, map: ConfigMap): string[] | undefined {
  const cls = classNameOf(map);
  if (!cls) return undefined;
  const vocab = analysis.dialect ? getDialect(analysis.dialect)?.vocabulary().find((v) => v.name === cls) : undefined;
  const params = vocab?.params ?? getSchedulerInfo(cls)?.params;
  if (!params) return undefined;
  const names = [...params.map((p) => p.name), ...COMMON_PARAMS];
  if (cls === "LinearWarmup") names.push("scheduler");
  return names;
}

function renameKey(analysis: Analysis, d: Diagnostic): Fix[] {
  const hit = findEntry(analysis, d.uri, d.span.start);
  if (!hit) return [];
  const params = paramsFor(analysis, hit.map);
  if (!params) return [];
  const present = new Set(hit.map.entries.map((e) => e.key));
  const candidates = didYouMean(
    hit.entry.key,
    params.filter((p) => !present.has(p)),
  );
  return candidates.map((c) => ({ title: `Rename \`${hit.entry.key}\` to \`${c}\``, edits: [replaceSpan(hit.entry.keySpan, c)], preferred: candidates.length === 1 }));
}

function renameScheduler(analysis: Analysis, d: Diagnostic): Fix[] {
  const text = d.uri === analysis.uri ? analysis.text : analysis.config.files.get(d.uri)?.text;
  if (text === undefined || !analysis.dialect) return [];
  const raw = text.slice(d.span.start, d.span.end);
  const m = /^(["']?)((?:[A-Za-z_][\w]*\.)*)([A-Za-z_]\w*)\1$/.exec(raw);
  if (!m) return [];
  const [, quote, qualifier, name] = m;
  const names = getDialect(analysis.dialect)?.vocabulary().map((v) => v.name) ?? [];
  const candidates = didYouMean(name, names).filter((c) => c !== name);
  return candidates.map((c) => ({ title: `Change to \`${c}\``, edits: [replaceSpan(d.span, `${quote}${qualifier}${c}${quote}`)], preferred: candidates.length === 1 }));
}

const FIXERS: Record<string, (analysis: Analysis, d: Diagnostic) => Fix[]> = {
  "unknown-parameter": renameKey,
  "ignored-key": renameKey,
  "unknown-scheduler": renameScheduler,
};

/** Fixes for a built-in diagnostic, by its rule id (empty for ids without a fixer). */
export function builtinFixes(analysis: Analysis, d: Diagnostic): Fix[] {
  const fixer = FIXERS[d.rule];
  if (!fixer) return [];
  try {
    return fixer(analysis, d);
  } catch {
    return [];
  }
}

export const FIXABLE_BUILTINS = Object.keys(FIXERS);
