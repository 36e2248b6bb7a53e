/**
 * Where inherited things come from, in the analysed document's terms: the `_BASE_`/`_base_` entry
 * that brings a base file in, and short file labels for hovers and messages.
 */
import type { Analysis } from "../analysis/types";
import type { ConfigEntry, ConfigNode } from "../config/types";
import type { Span } from "../model/positions";

const INHERIT_KEYS = new Set(["_BASE_", "_base_"]);

/** The last path segment of a URI or path, decoded for display (`ppyoloe_crn.yml`). */
export function fileLabel(uri: string): string {
  const last = uri.replace(/[?#].*$/, "").split(/[/\\]/).filter(Boolean).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function inheritEntry(analysis: Analysis): ConfigEntry | undefined {
  const root = analysis.config.own.root;
  if (!root || root.kind !== "map") return undefined;
  return root.entries.find((e) => INHERIT_KEYS.has(e.key));
}

/** The `_BASE_` entry's span in the analysed document, from its key to the end of its value. */
export function inheritEntrySpan(analysis: Analysis): Span | undefined {
  const entry = inheritEntry(analysis);
  return entry ? { uri: analysis.uri, start: entry.keySpan.start, end: Math.max(entry.keySpan.end, entry.value.span.end) } : undefined;
}

/** The path of a `_BASE_` item without leading `./` and `../` segments, for suffix matching. */
function tail(path: string): string {
  return path.replace(/\\/g, "/").replace(/^(\.\.?\/)+/, "");
}

/**
 * The span in the analysed document through which `uri` is inherited: the `_BASE_` item naming
 * it when one does directly, else the whole `_BASE_` entry (the file comes in deeper in the chain).
 */
export function inheritedThrough(analysis: Analysis, uri: string): Span | undefined {
  const entry = inheritEntry(analysis);
  if (!entry) return undefined;
  const items: ConfigNode[] = entry.value.kind === "seq" ? entry.value.items : [entry.value];
  const target = decodeSafe(uri).replace(/\\/g, "/");
  for (const item of items) {
    if (item.kind !== "scalar" || item.span.uri !== analysis.uri) continue;
    const t = tail(item.text.trim());
    if (t && target.endsWith(`/${t}`)) return item.span;
  }
  return inheritEntrySpan(analysis);
}

function decodeSafe(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}
