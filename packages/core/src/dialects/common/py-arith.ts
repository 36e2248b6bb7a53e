/**
 * The little Python arithmetic the suites' LR builders do on config values (`epochs * step_each_epoch`,
 * `round(warmup_epoch * spe)`, `int(...)`, `float(...)`), with Python's int/float typing and its
 * errors, so a derived argument has the exact value and type Paddle would receive.
 */
import type { PyErrorType, PyValue } from "../../schedulers/types";

export type PyResult = { ok: true; value: PyValue } | { ok: false; errorType: PyErrorType; message: string };

const ok = (value: PyValue): PyResult => ({ ok: true, value });
const fail = (errorType: PyErrorType, message: string): PyResult => ({ ok: false, errorType, message });

/** Python's `type(x).__name__`. */
export function pyTypeName(v: PyValue | undefined): string {
  if (!v) return "NoneType";
  switch (v.type) {
    case "none":
      return "NoneType";
    case "list":
      return v.tuple ? "tuple" : "list";
    case "fn":
      return "function";
    case "scheduler":
      return v.spec.name;
    case "other":
      return v.pyType;
    default:
      return v.type;
  }
}

/** The numeric view of an int, float or bool (bool is an int subclass in Python); undefined otherwise. */
export function pyNumber(v: PyValue | undefined): { value: number; isInt: boolean } | undefined {
  if (!v) return undefined;
  if (v.type === "int") return { value: v.value, isInt: true };
  if (v.type === "float") return { value: v.value, isInt: false };
  if (v.type === "bool") return { value: v.value ? 1 : 0, isInt: true };
  return undefined;
}

export function pyInt(value: number): PyValue {
  return Number.isSafeInteger(value) ? { type: "int", value } : { type: "int", value, big: BigInt(value).toString() };
}

export function pyFloat(value: number): PyValue {
  return { type: "float", value };
}

/** Python truthiness (`if x:`). */
export function pyTruthy(v: PyValue | undefined): boolean {
  if (!v) return false;
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
    default:
      return true;
  }
}

function intOp(a: number, b: number, op: "*" | "-" | "+"): PyValue {
  const r = op === "*" ? a * b : op === "-" ? a - b : a + b;
  if (Number.isSafeInteger(r)) return { type: "int", value: r };
  // Beyond 2^53 Python keeps the exact integer: compute it with BigInt and keep its text.
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return { type: "int", value: r };
  const x = BigInt(a);
  const y = BigInt(b);
  const big = op === "*" ? x * y : op === "-" ? x - y : x + y;
  return { type: "int", value: Number(big), big: big.toString() };
}

function binary(a: PyValue | undefined, b: PyValue | undefined, op: "*" | "-" | "+"): PyResult {
  const x = pyNumber(a);
  const y = pyNumber(b);
  if (!x || !y) {
    const verb = op === "*" ? "*" : op;
    return fail("TypeError", `unsupported operand type(s) for ${verb}: '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
  }
  if (x.isInt && y.isInt) return ok(intOp(x.value, y.value, op));
  const r = op === "*" ? x.value * y.value : op === "-" ? x.value - y.value : x.value + y.value;
  if (!Number.isFinite(r) && Number.isFinite(x.value) && Number.isFinite(y.value)) return ok(pyFloat(r));
  return ok(pyFloat(r));
}

/** `a * b` for numbers (int × int stays an exact int). Strings and lists are reported, not repeated: no suite means that. */
export function pyMul(a: PyValue | undefined, b: PyValue | undefined): PyResult {
  return binary(a, b, "*");
}

export function pySub(a: PyValue | undefined, b: PyValue | undefined): PyResult {
  return binary(a, b, "-");
}

/** Round half to even, as Python 3's `round(x)` on a float (exact: `x - floor(x)` is exact for doubles). */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** `round(x)` with one argument: an int stays, a float becomes an int (banker's rounding). */
export function pyRound(v: PyValue | undefined): PyResult {
  const x = pyNumber(v);
  if (!x) return fail("TypeError", `type ${pyTypeName(v)} doesn't define __round__ method`);
  if (x.isInt) return ok(pyInt(x.value));
  if (Number.isNaN(x.value)) return fail("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(x.value)) return fail("OverflowError", "cannot convert float infinity to integer");
  return ok(pyInt(roundHalfEven(x.value)));
}

/** `int(x)` for numbers: truncation toward zero. */
export function pyToInt(v: PyValue | undefined): PyResult {
  const x = pyNumber(v);
  if (!x) {
    if (v?.type === "str") {
      const t = v.value.trim().replace(/_/g, "");
      if (/^[+-]?\d+$/.test(t)) return ok(pyInt(Number(t)));
      return fail("ValueError", `invalid literal for int() with base 10: '${v.value}'`);
    }
    return fail("TypeError", `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(v)}'`);
  }
  if (x.isInt) return ok(pyInt(x.value));
  if (Number.isNaN(x.value)) return fail("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(x.value)) return fail("OverflowError", "cannot convert float infinity to integer");
  return ok(pyInt(Math.trunc(x.value)));
}

/** Python's `float(str)` grammar: decimal or exponent notation, `inf`/`nan`, underscores between digits, surrounding whitespace. */
const FLOAT_TEXT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*\.(?:[eE][+-]?\d(?:_?\d)*)?|inf(?:inity)?|nan)$/i;

/** `float(x)`: numbers convert, strings parse with Python's rules (`float("1e-4")` works even though PyYAML read it as a string). */
export function pyToFloat(v: PyValue | undefined): PyResult {
  const x = pyNumber(v);
  if (x) return ok(pyFloat(x.value));
  if (v?.type === "str") {
    const t = v.value.trim();
    if (FLOAT_TEXT.test(t)) {
      const clean = t.replace(/_/g, "").toLowerCase();
      const sign = clean.startsWith("-") ? -1 : 1;
      const body = clean.replace(/^[+-]/, "");
      if (body.startsWith("inf")) return ok(pyFloat(sign * Infinity));
      if (body === "nan") return ok(pyFloat(NaN));
      return ok(pyFloat(Number(clean)));
    }
    return fail("ValueError", `could not convert string to float: '${v.value}'`);
  }
  return fail("TypeError", `float() argument must be a string or a real number, not '${pyTypeName(v)}'`);
}

/** `a >= b`, `a > b`, ... between numbers; anything else is Python's TypeError. */
export function pyCompare(a: PyValue | undefined, op: ">=" | ">" | "<" | "<=", b: PyValue | undefined): { ok: true; value: boolean } | { ok: false; errorType: PyErrorType; message: string } {
  const x = pyNumber(a);
  const y = pyNumber(b);
  if (!x || !y) return { ok: false, errorType: "TypeError", message: `'${op}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'` };
  const value = op === ">=" ? x.value >= y.value : op === ">" ? x.value > y.value : op === "<" ? x.value < y.value : x.value <= y.value;
  return { ok: true, value };
}

/** Short Python-like text of a value for messages (`0.001`, `'1e-3'`, `[30, 60]`). */
export function pyShow(v: PyValue | undefined): string {
  if (!v) return "None";
  switch (v.type) {
    case "int":
      return v.big ?? String(v.value);
    case "float":
      return Number.isInteger(v.value) && Math.abs(v.value) < 1e16 ? `${v.value}.0` : String(v.value);
    case "bool":
      return v.value ? "True" : "False";
    case "str":
      return `'${v.value.length > 40 ? `${v.value.slice(0, 40)}…` : v.value}'`;
    case "none":
      return "None";
    case "list": {
      const shown = v.items.slice(0, 6).map(pyShow).join(", ");
      const more = v.items.length > 6 ? ", …" : "";
      return v.tuple ? `(${shown}${more})` : `[${shown}${more}]`;
    }
    case "dict":
      return `{${v.entries.slice(0, 4).map(([k, x]) => `'${k}': ${pyShow(x)}`).join(", ")}${v.entries.length > 4 ? ", …" : ""}}`;
    case "fn":
      return v.fn.text;
    case "scheduler":
      return `${v.spec.name}(…)`;
    default:
      return `<${v.pyType}>`;
  }
}
