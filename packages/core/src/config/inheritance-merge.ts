/**
 * The two suites' inheritance merge rules, as pure functions building new trees (the per-file trees
 * are shared, never mutated):
 * - PaddleDetection `ppdet/core/workspace.py` `dict_merge`: a plain mapping merges into a plain
 *   mapping key by key, recursively; anything else replaces whole. A tagged mapping
 *   (`!LinearWarmup {...}`) is a Python object there, not a dict, so it replaces and is replaced whole.
 * - PaddleSeg `paddleseg/cvlibs/config.py` `merge_config_dicts(dic, base)`: the including mapping
 *   merges into the base key by key, recursively; `_inherited_` with a false value stops the merge
 *   of the mapping that holds it (and is removed); everything else replaces.
 */
import { entryOf, pyTruthy } from "./access";
import type { ConfigEntry, ConfigMap, ConfigNode } from "./types";

export const INHERITED_KEY = "_inherited_";

function isPlainMap(node: ConfigNode): node is ConfigMap {
  return node.kind === "map" && node.tag === undefined;
}

/** A copy of `map` without `key` (same span and tag). */
export function withoutKey(map: ConfigMap, key: string): ConfigMap {
  return { ...map, entries: map.entries.filter((e) => e.key !== key) };
}

/** Base entries in order, overriding ones replaced in place, new ones appended (a Python dict update). */
function mergeEntries(base: ConfigMap, over: ConfigMap, mergeValue: (b: ConfigNode, o: ConfigEntry) => ConfigNode | undefined): ConfigMap {
  const entries = base.entries.slice();
  const index = new Map<string, number>();
  entries.forEach((e, i) => index.set(e.key, i));
  for (const o of over.entries) {
    const at = index.get(o.key);
    if (at === undefined) {
      index.set(o.key, entries.length);
      entries.push(o);
      continue;
    }
    const merged = mergeValue(entries[at].value, o);
    entries[at] = merged === undefined || merged === o.value ? o : { key: o.key, keySpan: o.keySpan, value: merged };
  }
  // The merged mapping is where the override was written: that is where a user looks for it.
  return { ...over, entries };
}

/** PaddleDetection: `dict_merge(base, over)`, i.e. `over` wins. */
export function mergeDetection(base: ConfigNode, over: ConfigNode): ConfigNode {
  if (!isPlainMap(base) || !isPlainMap(over)) return over;
  return mergeEntries(base, over, (b, o) => (isPlainMap(b) && isPlainMap(o.value) ? mergeDetection(b, o.value) : undefined));
}

/** Where PaddleSeg's merge itself would raise: a mapping merged onto a base value that is not a mapping. */
export interface SegMergeConflict {
  /** The including file's entry holding the mapping. */
  entry: ConfigEntry;
  /** The base's value it meets. */
  base: ConfigNode;
}

/** PaddleSeg: `merge_config_dicts(dic, base)`, i.e. `dic` (the including file) wins. */
export function mergeSegmentation(dic: ConfigNode, base: ConfigNode, conflicts: SegMergeConflict[], at?: ConfigEntry): ConfigNode {
  if (dic.kind !== "map") return dic;
  const inherited = entryOf(dic, INHERITED_KEY);
  // `if not dic.get('_inherited_', True)`: any false value (false, null, 0, "") stops the merge here.
  if (inherited && !pyTruthy(inherited.value)) {
    if (base.kind !== "map" && base.kind !== "seq" && at) conflicts.push({ entry: at, base });
    return withoutKey(dic, INHERITED_KEY);
  }
  if (base.kind !== "map") {
    if (at) conflicts.push({ entry: at, base });
    return dic;
  }
  return mergeEntries(base, dic, (b, o) => (o.value.kind === "map" ? mergeSegmentation(o.value, b, conflicts, o) : undefined));
}
