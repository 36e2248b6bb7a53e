/** Reads a config block's entries as the Python values a suite's builder receives as keyword arguments, keeping where each came from. */
import type { ConfigEntry, ConfigMap, ConfigNode } from "../../config/types";
import { entryOf, isMap, mapGet } from "../../config/access";
import type { PyValue } from "../../schedulers/types";
import type { Origin } from "./args";
import { originOf } from "./args";

/** How a suite post-processes loaded YAML strings (PaddleClas runs `ast.literal_eval` on strings held by mappings). */
export type StringPass = (text: string) => PyValue | undefined;

/**
 * The Python value of a node. `stringPass`, when given, is applied to string scalars that are
 * values of mappings (PaddleClas' `create_attr_dict` walks dicts only, never list items).
 */
export function nodeToPy(node: ConfigNode, stringPass?: StringPass, inMapping = true): PyValue {
  if (node.kind === "scalar") {
    if (stringPass && inMapping && node.value.type === "str") return stringPass(node.value.value) ?? node.value;
    return node.value;
  }
  if (node.kind === "seq") return { type: "list", items: node.items.map((n) => nodeToPy(n, undefined, false)) };
  return { type: "dict", entries: node.entries.map((e) => [e.key, nodeToPy(e.value, stringPass, true)] as [string, PyValue]) };
}

export interface BlockArg {
  value: PyValue;
  origin: Origin;
  entry: ConfigEntry;
}

/** Entries of a block by key (PyYAML keeps the last of duplicate keys; so do we). */
export function readBlock(block: ConfigMap, stringPass?: StringPass): Map<string, BlockArg> {
  const out = new Map<string, BlockArg>();
  for (const entry of block.entries) out.set(entry.key, { value: nodeToPy(entry.value, stringPass), origin: originOf(entry), entry });
  return out;
}

/** Entry of `key` in a mapping (undefined for non-mappings): `entryOf` of config/access. */
export const entryIn = entryOf;
/** Value of `key` in a mapping: `mapGet` of config/access. */
export const valueIn = mapGet;
export const isMapNode = isMap;

/** The string value of a scalar node, if it is a string. */
export function stringOf(node: ConfigNode | undefined): string | undefined {
  return node?.kind === "scalar" && node.value.type === "str" ? node.value.value : undefined;
}
