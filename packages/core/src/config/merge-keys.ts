/**
 * PyYAML's handling of `<<` merge keys and duplicate keys (SafeConstructor.flatten_mapping and
 * construct_mapping): merged pairs come first, `<<: [*a, *b]` lists are taken in reverse so the
 * earlier map wins, explicit keys win over merged ones, and of duplicate keys the last one wins at
 * the position where the key first appeared (a Python dict keeps its first insertion slot).
 */
import { isScalar, type Node as YamlNode, Scalar } from "yaml";
import type { ConfigEntry, ConfigNode } from "./types";
import type { DiagnosticCollector } from "./file-diagnostics";

/** A plain, untagged `<<` key (a quoted `"<<"` is an ordinary string key for PyYAML). */
export function isMergeKey(keyNode: unknown): boolean {
  if (!isScalar(keyNode)) return false;
  const s = keyNode as Scalar;
  const plain = s.type === Scalar.PLAIN || s.type === undefined;
  const tagOk = !(keyNode as YamlNode).tag || (keyNode as YamlNode).tag === "tag:yaml.org,2002:merge";
  return plain && tagOk && s.source === "<<";
}

export interface OwnEntry {
  entry: ConfigEntry;
  /** Python-equality identity of the key (`1`, `1.0` and `true` are the same dict key). */
  identity: string;
}

export interface MergeSource {
  value: ConfigNode;
  start: number;
  end: number;
}

function kindName(node: ConfigNode): string {
  return node.kind === "scalar" ? "a scalar" : node.kind === "seq" ? "a sequence" : "a mapping";
}

export function flattenMergeKeys(own: OwnEntry[], merges: MergeSource[], identityOf: (e: ConfigEntry) => string, diagnostics: DiagnosticCollector): ConfigEntry[] {
  const merged: ConfigEntry[] = [];
  for (const m of merges) {
    if (m.value.kind === "map") merged.push(...m.value.entries);
    else if (m.value.kind === "seq") {
      const parts: ConfigEntry[][] = [];
      for (const item of m.value.items) {
        if (item.kind === "map") parts.push(item.entries);
        else diagnostics.add("pyyaml-load-error", "error", `PyYAML expects a mapping for merging, but found ${kindName(item)} in this \`<<\` list.`, item.span.start, item.span.end);
      }
      for (const p of parts.reverse()) merged.push(...p);
    } else diagnostics.add("pyyaml-load-error", "error", `PyYAML expects a mapping or a list of mappings after \`<<\`, but found ${kindName(m.value)}.`, m.start, m.end);
  }
  if (merged.length === 0) {
    // The common case: no `<<` and (usually) no duplicate keys, so the entries stay as written.
    const seen = new Set<string>();
    let duplicate = false;
    for (const o of own) {
      if (seen.has(o.identity)) duplicate = true;
      seen.add(o.identity);
    }
    if (!duplicate) return own.map((o) => o.entry);
  }

  const out: ConfigEntry[] = [];
  const slot = new Map<string, number>();
  const put = (entry: ConfigEntry, identity: string) => {
    const at = slot.get(identity);
    if (at === undefined) {
      slot.set(identity, out.length);
      out.push(entry);
    } else out[at] = entry;
  };
  for (const e of merged) put(e, identityOf(e));
  const ownSeen = new Map<string, ConfigEntry>();
  for (const o of own) {
    const earlier = ownSeen.get(o.identity);
    if (earlier) {
      const line = diagnostics.lineIndex.position(o.entry.keySpan.start).line + 1;
      diagnostics.add("duplicate-key", "warning", `Duplicate key \`${earlier.key}\`: PyYAML silently keeps only the last one (line ${line}), so this value is ignored.`, earlier.keySpan.start, earlier.keySpan.end);
    }
    ownSeen.set(o.identity, o.entry);
    put(o.entry, o.identity);
  }
  return out;
}
