/** Small, total helpers for reading a ConfigNode tree: lookups, Python-typed scalar access and plain conversions. */
import type { PyValue } from "../schedulers/types";
import type { ConfigEntry, ConfigMap, ConfigNode, ConfigScalar, ConfigSeq } from "./types";

export function isMap(node: ConfigNode | undefined): node is ConfigMap {
  return node?.kind === "map";
}

export function isSeq(node: ConfigNode | undefined): node is ConfigSeq {
  return node?.kind === "seq";
}

export function isScalar(node: ConfigNode | undefined): node is ConfigScalar {
  return node?.kind === "scalar";
}

/** The entry of `key` in a mapping (keys are unique after loading: the last duplicate won). */
export function entryOf(map: ConfigNode | undefined, key: string): ConfigEntry | undefined {
  if (!isMap(map)) return undefined;
  for (const e of map.entries) if (e.key === key) return e;
  return undefined;
}

/** The value of `key` in a mapping; undefined when `map` is not a mapping or has no such key. */
export function mapGet(map: ConfigNode | undefined, key: string): ConfigNode | undefined {
  return entryOf(map, key)?.value;
}

/** Follows mapping keys (strings) and sequence indexes (numbers): `getPath(root, ["Optimizer", "lr"])`. */
export function getPath(node: ConfigNode | undefined, path: readonly (string | number)[]): ConfigNode | undefined {
  let cur = node;
  for (const step of path) {
    if (cur === undefined) return undefined;
    if (typeof step === "number") cur = isSeq(cur) ? cur.items[step] : undefined;
    else cur = mapGet(cur, step);
  }
  return cur;
}

/** The Python value of a scalar node; undefined for mappings, sequences and missing nodes. */
export function scalarValue(node: ConfigNode | undefined): PyValue | undefined {
  return isScalar(node) ? node.value : undefined;
}

/** int, float or bool as a number (Python: `True` is 1); undefined for anything else, including numeric-looking strings. */
export function asNumber(node: ConfigNode | undefined): number | undefined {
  const v = scalarValue(node);
  if (!v) return undefined;
  if (v.type === "int" || v.type === "float") return v.value;
  if (v.type === "bool") return v.value ? 1 : 0;
  return undefined;
}

/** A str scalar's text; undefined for anything else (a YAML `10` is an int, not a string). */
export function asString(node: ConfigNode | undefined): string | undefined {
  const v = scalarValue(node);
  return v?.type === "str" ? v.value : undefined;
}

/** Python truthiness of a node (`if value:`): empty containers, 0, "", None and False are false. */
export function pyTruthy(node: ConfigNode | undefined): boolean {
  if (!node) return false;
  if (node.kind === "map") return node.tag !== undefined || node.entries.length > 0;
  if (node.kind === "seq") return node.tag !== undefined || node.items.length > 0;
  const v = node.value;
  switch (v.type) {
    case "none":
      return false;
    case "bool":
      return v.value;
    case "int":
    case "float":
      return v.value !== 0;
    case "str":
      return v.value !== "";
    default:
      return true;
  }
}

/** The Python value of any node: mappings become dicts, sequences lists (tags are dropped; read `node.tag`). */
export function toPyValue(node: ConfigNode): PyValue {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "seq") return { type: "list", items: node.items.map(toPyValue) };
  return { type: "dict", entries: node.entries.map((e) => [e.key, toPyValue(e.value)] as [string, PyValue]) };
}

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

function plainScalar(v: PyValue): Plain {
  switch (v.type) {
    case "none":
      return null;
    case "bool":
    case "str":
      return v.value;
    case "int":
    case "float":
      return v.value;
    case "other":
      return `<${v.pyType}>`;
    default:
      return toPlainValue(v);
  }
}

function toPlainValue(v: PyValue): Plain {
  if (v.type === "list") return v.items.map(toPlainValue);
  if (v.type === "dict") return Object.fromEntries(v.entries.map(([k, x]) => [k, toPlainValue(x)]));
  return plainScalar(v);
}

/**
 * JSON-like data for tests and debugging. A tagged node is written `{"!Tag": value}`, the way
 * `suite-curves.json.gz` writes PaddleDetection's `!LinearWarmup {...}`.
 */
export function toPlain(node: ConfigNode | undefined): Plain {
  if (!node) return null;
  let plain: Plain;
  if (node.kind === "scalar") plain = plainScalar(node.value);
  else if (node.kind === "seq") plain = node.items.map(toPlain);
  else {
    const obj: { [key: string]: Plain } = {};
    // defineProperty, so a `__proto__:` key is data and not the object's prototype.
    for (const e of node.entries) Object.defineProperty(obj, e.key, { value: toPlain(e.value), enumerable: true, writable: true, configurable: true });
    plain = obj;
  }
  return node.tag !== undefined ? { [`!${node.tag}`]: plain } : plain;
}
