/**
 * Reads the `_BASE_` (PaddleDetection) or `_base_` (PaddleSeg) entry of a config into the list of base
 * paths its suite would open, with a problem for each entry the suite itself would choke on.
 */
import type { Span } from "../model/positions";
import type { ConfigEntry, ConfigNode } from "./types";

export type InheritanceStyle = "detection" | "segmentation";

export const BASE_KEYS: Record<InheritanceStyle, string> = { detection: "_BASE_", segmentation: "_base_" };

export interface BaseRef {
  /** The path as written. */
  path: string;
  /** The list item (or the whole value for a single string): where diagnostics about this base go. */
  span: Span;
}

export interface BaseRefProblem {
  span: Span;
  message: string;
  severity: "error" | "warning";
}

function kindOf(node: ConfigNode): string {
  if (node.kind === "map") return "a mapping";
  if (node.kind === "seq") return "a list";
  if (node.value.type === "str" && node.value.value === "") return "an empty string";
  return node.value.type === "none" ? "empty (null)" : `a ${node.value.type}`;
}

/** The base paths of an inheritance entry, in the order the suite opens them. */
export function readBaseRefs(entry: ConfigEntry, style: InheritanceStyle): { refs: BaseRef[]; problems: BaseRefProblem[] } {
  const key = BASE_KEYS[style];
  const refs: BaseRef[] = [];
  const problems: BaseRefProblem[] = [];
  const v = entry.value;
  if (v.kind === "scalar" && v.value.type === "str" && v.value.value !== "") {
    refs.push({ path: v.value.value, span: v.span });
    if (style === "detection") {
      // workspace.py does `list(file_cfg['_BASE_'])`: a string becomes a list of its characters.
      problems.push({
        span: v.span,
        severity: "error",
        message: `PaddleDetection reads \`_BASE_\` with list(): a single string is split into characters and training stops (IsADirectoryError). Write \`_BASE_: ['${v.value.value}']\`. lrlens reads it as that one file.`,
      });
    }
    return { refs, problems };
  }
  if (v.kind !== "seq") {
    problems.push({ span: v.span, severity: "error", message: `\`${key}\` must be a list of paths${style === "segmentation" ? " or one path" : ""}, but it is ${kindOf(v)}: the suite cannot load this config.` });
    return { refs, problems };
  }
  for (const item of v.items) {
    if (item.kind === "scalar" && item.value.type === "str" && item.value.value !== "") refs.push({ path: item.value.value, span: item.span });
    else problems.push({ span: item.span, severity: "error", message: `Each \`${key}\` entry must be a path (a non-empty string), but this one is ${kindOf(item)}: the suite cannot load this config.` });
  }
  return { refs, problems };
}
