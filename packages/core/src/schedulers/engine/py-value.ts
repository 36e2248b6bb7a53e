/** Python's view of argument values: type names, isinstance checks, str()/repr(), truthiness and comparisons that raise Python's TypeError. */
import { pyFloatRepr } from "../../text/py-repr";
import type { PyValue } from "../types";
import { lookupScheduler } from "../registry";
import { pythonRaise } from "./py-raise";

/** Module path printed in `<class '...'>` for scheduler instances. */
export const PADDLE_LR_MODULE = "paddle.optimizer.lr";

/** `type(x).__name__` as CPython prints it in operator errors (`'<' not supported between instances of 'str' and 'int'`). */
export function typeName(v: PyValue): string {
  switch (v.type) {
    case "int":
      return "int";
    case "float":
      return "float";
    case "bool":
      return "bool";
    case "str":
      return "str";
    case "none":
      return "NoneType";
    case "list":
      return v.tuple ? "tuple" : "list";
    case "dict":
      return "dict";
    case "fn":
      return "function";
    case "scheduler":
      return v.spec.name;
    case "other":
      return v.pyType;
  }
}

/** `str(type(x))`, e.g. `<class 'float'>`, `<class 'paddle.optimizer.lr.StepDecay'>` (a registered suite class names its own module). */
export function typeRepr(v: PyValue): string {
  if (v.type === "scheduler") return `<class '${lookupScheduler(v.spec.name)?.pyModule ?? PADDLE_LR_MODULE}.${v.spec.name}'>`;
  return `<class '${typeName(v)}'>`;
}

/** `isinstance(x, int)`: ints and bools (numpy integers are not ints). */
export function isPyInt(v: PyValue): boolean {
  return v.type === "int" || v.type === "bool";
}

/** `isinstance(x, float)`: floats and numpy.float64 (a float subclass); numpy.float32 is not. */
export function isPyFloat(v: PyValue): boolean {
  return v.type === "float" || (v.type === "other" && v.pyType === "numpy.float64");
}

/** `isinstance(x, (float, int))`. */
export function isPyNumber(v: PyValue): boolean {
  return isPyInt(v) || isPyFloat(v);
}

/** The numeric value of anything Python can do arithmetic with (int, float, bool, numpy scalars), else undefined. */
export function numericValue(v: PyValue): number | undefined {
  switch (v.type) {
    case "int":
    case "float":
      return v.value;
    case "bool":
      return v.value ? 1 : 0;
    case "other":
      return v.size === undefined || v.size === 1 ? v.value : undefined;
    default:
      return undefined;
  }
}

/** Python's truthiness (`if x:`). */
export function truthy(v: PyValue): boolean {
  switch (v.type) {
    case "int":
    case "float":
      return v.value !== 0;
    case "bool":
      return v.value;
    case "str":
      return v.value.length > 0;
    case "none":
      return false;
    case "list":
      return v.items.length > 0;
    case "dict":
      return v.entries.length > 0;
    case "other":
      return v.value === undefined ? true : v.value !== 0;
    default:
      return true;
  }
}

/** `repr(s)` of a Python str: single quotes unless the text holds a single quote and no double quote. */
export function strRepr(s: string): string {
  const useDouble = s.includes("'") && !s.includes('"');
  const q = useDouble ? '"' : "'";
  let out = "";
  for (const ch of s) {
    if (ch === "\\") out += "\\\\";
    else if (ch === q) out += `\\${q}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else out += ch;
  }
  return q + out + q;
}

function intText(v: { value: number; big?: string }): string {
  if (v.big !== undefined) return v.big;
  return Number.isFinite(v.value) && Number.isInteger(v.value) ? BigInt(v.value).toString() : String(v.value);
}

/** `repr(x)` (inside containers and constructor chains). */
export function pyRepr(v: PyValue): string {
  switch (v.type) {
    case "int":
      return intText(v);
    case "float":
      return pyFloatRepr(v.value);
    case "bool":
      return v.value ? "True" : "False";
    case "str":
      return strRepr(v.value);
    case "none":
      return "None";
    case "list": {
      const inner = v.items.map(pyRepr).join(", ");
      if (!v.tuple) return `[${inner}]`;
      return v.items.length === 1 ? `(${inner},)` : `(${inner})`;
    }
    case "dict":
      return `{${v.entries.map(([k, x]) => `${strRepr(k)}: ${pyRepr(x)}`).join(", ")}}`;
    case "fn":
      return v.fn.text;
    case "scheduler":
      return `<${PADDLE_LR_MODULE}.${v.spec.name} object>`;
    case "other":
      return v.value === undefined ? `<${v.pyType} object>` : `${v.pyType}(${pyFloatRepr(v.value)})`;
  }
}

/** `str(x)` (what f-strings and `format` print). */
export function pyStr(v: PyValue): string {
  if (v.type === "str") return v.value;
  if (v.type === "fn") return "<function <lambda>>";
  if (v.type === "other" && v.value !== undefined) return pyFloatRepr(v.value);
  return pyRepr(v);
}

export type CompareOp = "<" | "<=" | ">" | ">=";

/**
 * `x <op> literal` as Python evaluates it: numbers compare numerically, anything else raises
 * `TypeError: '<op>' not supported between instances of '<type>' and '<literal type>'`.
 */
export function compare(v: PyValue, op: CompareOp, literal: number, literalType: "int" | "float", param: string | null): boolean {
  const x = numericValue(v);
  if (x === undefined) {
    pythonRaise("TypeError", `'${op}' not supported between instances of '${typeName(v)}' and '${literalType}'`, param);
  }
  switch (op) {
    case "<":
      return x < literal;
    case "<=":
      return x <= literal;
    case ">":
      return x > literal;
    case ">=":
      return x >= literal;
  }
}

/** `a <op> b` for two values (e.g. `end_lr > start_lr`, `milestones[i] < milestones[i+1]`). */
export function compareValues(a: PyValue, op: CompareOp, b: PyValue, param: string | null): boolean {
  const x = numericValue(a);
  const y = numericValue(b);
  if (x === undefined || y === undefined) {
    if (a.type === "str" && b.type === "str") return cmpStr(a.value, op, b.value);
    pythonRaise("TypeError", `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`, param);
  }
  return cmpNum(x, op, y);
}

function cmpNum(x: number, op: CompareOp, y: number): boolean {
  return op === "<" ? x < y : op === "<=" ? x <= y : op === ">" ? x > y : x >= y;
}

function cmpStr(x: string, op: CompareOp, y: string): boolean {
  // Python compares code points; JS compares UTF-16 units. They agree outside astral planes.
  return op === "<" ? x < y : op === "<=" ? x <= y : op === ">" ? x > y : x >= y;
}

/**
 * The number Paddle's arithmetic will see for `v`, or Python's operand TypeError
 * (`unsupported operand type(s) for -: 'float' and 'str'`) naming `op` and the other operand's type.
 */
export function arithmetic(v: PyValue, op: string, otherType: string, vOnLeft: boolean, param: string | null): number {
  const x = numericValue(v);
  if (x !== undefined) return x;
  const [l, r] = vOnLeft ? [typeName(v), otherType] : [otherType, typeName(v)];
  return pythonRaise("TypeError", `unsupported operand type(s) for ${op}: '${l}' and '${r}'`, param);
}

/** Sequence view used by `len()` and indexing: lists and tuples, and strs as sequences of 1-char strs. */
export function asSequence(v: PyValue): PyValue[] | undefined {
  if (v.type === "list") return v.items;
  if (v.type === "str") return Array.from(v.value, (c) => ({ type: "str", value: c }) as PyValue);
  return undefined;
}

/** `len(x)` or Python's `TypeError: object of type 'int' has no len()`. */
export function pyLen(v: PyValue, param: string): number {
  const seq = asSequence(v);
  if (seq) return seq.length;
  if (v.type === "dict") return v.entries.length;
  if (v.type === "other" && v.size !== undefined) return v.size;
  return pythonRaise("TypeError", `object of type '${typeName(v)}' has no len()`, param);
}

export function pyInt(value: number): PyValue {
  return { type: "int", value };
}

export function pyFloat(value: number): PyValue {
  return { type: "float", value };
}
