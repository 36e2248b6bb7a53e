/**
 * Scalar typing exactly as PyYAML's YAML 1.1 resolver and SafeConstructor do it (the suites load
 * configs with PyYAML), plus what a YAML 1.2 reader would make of the same text, so the linter can
 * warn where the two disagree (`1e-3` is a str for PyYAML and a float everywhere else).
 */
import type { PyValue } from "../schedulers/types";

/** The regexes of PyYAML's `resolver.py` (Resolver.add_implicit_resolver), transcribed; tried in this order. */
const PY_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const PY_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const PY_INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const PY_NULL = /^(?:~|null|Null|NULL|)$/;
const PY_TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;
const PY_VALUE = /^=$/;

/** The YAML 1.2 core schema (what JSON-minded tools, editors and most YAML libraries read). */
const CORE_NULL = /^(?:null|Null|NULL|~|)$/;
const CORE_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const CORE_INT10 = /^[-+]?[0-9]+$/;
const CORE_INT8 = /^0o[0-7]+$/;
const CORE_INT16 = /^0x[0-9a-fA-F]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const CORE_INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const CORE_NAN = /^\.(?:nan|NaN|NAN)$/;

/** Python's `float()` grammar (after PyYAML lower-cases and strips `_`), for explicit `!!float`. */
const PY_FLOAT_CALL = /^\s*[-+]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e[-+]?[0-9]+)?|inf|infinity|nan)\s*$/;

const TWO_53 = 2n ** 53n;

export interface ResolvedScalar {
  value: PyValue;
  /** The YAML 1.2 reading, only when it differs from PyYAML's. */
  yaml12?: PyValue;
  /** What PyYAML raises on this scalar (it then fails to load the whole file). */
  loadError?: string;
}

/** A Python int from an exact BigInt: `value` is the nearest double, `big` the exact digits beyond 2^53. */
export function pyIntFromBigInt(n: bigint): PyValue {
  const abs = n < 0n ? -n : n;
  return abs > TWO_53 ? { type: "int", value: Number(n), big: n.toString() } : { type: "int", value: Number(n) };
}

function parseBigInt(digits: string, radix: 2 | 8 | 10 | 16): bigint | undefined {
  if (digits === "") return undefined;
  const valid = radix === 2 ? /^[01]+$/ : radix === 8 ? /^[0-7]+$/ : radix === 10 ? /^[0-9]+$/ : /^[0-9a-fA-F]+$/;
  if (!valid.test(digits)) return undefined;
  const prefix = radix === 2 ? "0b" : radix === 8 ? "0o" : radix === 16 ? "0x" : "";
  return BigInt(prefix + digits);
}

/** SafeConstructor.construct_yaml_int: strips `_`, then sign, 0b / 0x / leading-0 octal / sexagesimal / decimal. */
export function constructPyInt(text: string): PyValue | { error: string } {
  let s = text.replace(/_/g, "");
  const invalid = { error: `invalid literal for int(): '${text}'` };
  if (s === "") return invalid;
  const negative = s[0] === "-";
  if (s[0] === "-" || s[0] === "+") s = s.slice(1);
  let n: bigint | undefined;
  if (s === "0") n = 0n;
  else if (s.startsWith("0b")) n = parseBigInt(s.slice(2), 2);
  else if (s.startsWith("0x")) n = parseBigInt(s.slice(2), 16);
  else if (s[0] === "0") n = parseBigInt(s, 8);
  else if (s.includes(":")) {
    // Base 60, least significant part last: 1:30 is 90, 190:20:30 is 685230.
    n = 0n;
    let base = 1n;
    for (const part of s.split(":").reverse()) {
      const d = parseBigInt(part, 10);
      if (d === undefined) return invalid;
      n += d * base;
      base *= 60n;
    }
  } else n = parseBigInt(s, 10);
  if (n === undefined) return invalid;
  return pyIntFromBigInt(negative ? -n : n);
}

/** Python `float(s)` for the decimal forms PyYAML hands it. */
function pyFloatCall(s: string): number | undefined {
  if (!PY_FLOAT_CALL.test(s)) return undefined;
  const t = s.trim();
  const sign = t[0] === "-" ? -1 : 1;
  const body = t[0] === "-" || t[0] === "+" ? t.slice(1) : t;
  if (body === "inf" || body === "infinity") return sign * Infinity;
  if (body === "nan") return NaN;
  return sign * Number(body);
}

/** SafeConstructor.construct_yaml_float: strips `_`, lower-cases, handles .inf/.nan and base 60, else `float()`. */
export function constructPyFloat(text: string): PyValue | { error: string } {
  let s = text.replace(/_/g, "").toLowerCase();
  const invalid = { error: `could not convert string to float: '${text}'` };
  if (s === "") return invalid;
  const sign = s[0] === "-" ? -1 : 1;
  if (s[0] === "-" || s[0] === "+") s = s.slice(1);
  if (s === ".inf") return { type: "float", value: sign * Infinity };
  if (s === ".nan") return { type: "float", value: NaN };
  if (s.includes(":")) {
    // Same accumulation order as PyYAML, so the double is bit-identical.
    let value = 0;
    let base = 1;
    for (const part of s.split(":").reverse()) {
      const d = pyFloatCall(part);
      if (d === undefined) return invalid;
      value += d * base;
      base *= 60;
    }
    return { type: "float", value: sign * value };
  }
  const v = pyFloatCall(s);
  return v === undefined ? invalid : { type: "float", value: sign * v };
}

const BOOL_VALUES: Record<string, boolean> = { yes: true, no: false, true: true, false: false, on: true, off: false };

/** SafeConstructor.construct_yaml_bool: a dictionary lookup of the lower-cased text. */
export function constructPyBool(text: string): PyValue | { error: string } {
  const v = BOOL_VALUES[text.toLowerCase()];
  return v === undefined ? { error: `KeyError: '${text.toLowerCase()}' is not a YAML 1.1 bool` } : { type: "bool", value: v };
}

function timestamp(text: string): PyValue {
  return { type: "other", pyType: text.length <= 10 ? "datetime.date" : "datetime.datetime" };
}

function fromConstruction(r: PyValue | { error: string }, text: string): ResolvedScalar {
  return "error" in r ? { value: { type: "str", value: text }, loadError: r.error } : { value: r };
}

/**
 * PyYAML only tries a resolver when the scalar's first character can start it (Resolver.yaml_implicit_resolvers
 * is keyed by first character); checking that first keeps identifiers like `CSPResNet` off every regex.
 */
const PY_STARTS = /^[-+0-9.yYnNtTfFoO~=]/;
const CORE_STARTS = /^[-+0-9.nNtTfF~]/;

/** What PyYAML's implicit resolver and constructor make of a plain (unquoted, untagged) scalar. */
export function resolvePyYamlPlain(text: string): PyValue | { error: string } {
  if (text !== "" && !PY_STARTS.test(text)) return { type: "str", value: text };
  if (PY_BOOL.test(text)) return { type: "bool", value: BOOL_VALUES[text.toLowerCase()] };
  if (PY_FLOAT.test(text)) return constructPyFloat(text);
  if (PY_INT.test(text)) return constructPyInt(text);
  if (PY_NULL.test(text)) return { type: "none" };
  if (PY_TIMESTAMP.test(text)) return timestamp(text);
  if (PY_VALUE.test(text)) return { error: "could not determine a constructor for the tag 'tag:yaml.org,2002:value' (a plain `=`)" };
  return { type: "str", value: text };
}

/** The YAML 1.2 core-schema reading of a plain scalar. */
export function resolveYaml12Plain(text: string): PyValue {
  if (text !== "" && !CORE_STARTS.test(text)) return { type: "str", value: text };
  if (CORE_NULL.test(text)) return { type: "none" };
  if (CORE_BOOL.test(text)) return { type: "bool", value: text[0] === "t" || text[0] === "T" };
  if (CORE_INT10.test(text)) return pyIntFromBigInt(BigInt(text[0] === "+" ? text.slice(1) : text));
  if (CORE_INT8.test(text)) return pyIntFromBigInt(BigInt(text));
  if (CORE_INT16.test(text)) return pyIntFromBigInt(BigInt(text));
  if (CORE_FLOAT.test(text)) return { type: "float", value: Number(text) };
  if (CORE_INF.test(text)) return { type: "float", value: text[0] === "-" ? -Infinity : Infinity };
  if (CORE_NAN.test(text)) return { type: "float", value: NaN };
  return { type: "str", value: text };
}

/** Same Python type and value (NaN equals NaN here: both readers agree on it). */
export function sameScalarValue(a: PyValue, b: PyValue): boolean {
  if (a.type !== b.type) return false;
  switch (a.type) {
    case "int":
      return b.type === "int" && (a.big ?? String(a.value)) === (b.big ?? String(b.value));
    case "float":
      return b.type === "float" && (Object.is(a.value, b.value) || (Number.isNaN(a.value) && Number.isNaN(b.value)));
    case "bool":
    case "str":
      return a.value === (b as typeof a).value;
    case "none":
      return true;
    case "other":
      return b.type === "other" && a.pyType === b.pyType;
    default:
      return false;
  }
}

/** A plain scalar: PyYAML's value, and the YAML 1.2 value when it differs. */
export function resolvePlainScalar(text: string): ResolvedScalar {
  // Most scalars are names (`CSPResNet`, `COCO`): no resolver of either reader can start with their first character.
  if (text !== "" && !PY_STARTS.test(text)) return { value: { type: "str", value: text } };
  const py = resolvePyYamlPlain(text);
  const resolved = fromConstruction(py, text);
  const core = resolveYaml12Plain(text);
  if (!sameScalarValue(resolved.value, core)) resolved.yaml12 = core;
  return resolved;
}

export const YAML_TAG_PREFIX = "tag:yaml.org,2002:";

/**
 * A scalar with an explicit tag. Standard tags construct directly (no implicit regex: `!!float 1e-3`
 * is 0.001); any other tag (PaddleDetection's `!Foo`) receives the text as a str, which is what a
 * registered constructor gets from `construct_scalar`.
 */
export function resolveTaggedScalar(tagName: string, text: string): ResolvedScalar {
  switch (tagName) {
    case `${YAML_TAG_PREFIX}int`:
      return fromConstruction(constructPyInt(text), text);
    case `${YAML_TAG_PREFIX}float`:
      return fromConstruction(constructPyFloat(text), text);
    case `${YAML_TAG_PREFIX}bool`:
      return fromConstruction(constructPyBool(text), text);
    case `${YAML_TAG_PREFIX}null`:
      return { value: { type: "none" } };
    case `${YAML_TAG_PREFIX}timestamp`:
      return { value: timestamp(text) };
    case `${YAML_TAG_PREFIX}binary`:
      return { value: { type: "other", pyType: "bytes" } };
    default:
      return { value: { type: "str", value: text } };
  }
}
