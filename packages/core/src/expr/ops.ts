/** Python's arithmetic, unary and comparison operators over evaluator values, with int/float promotion as CPython does it. */
import { floatFloorDiv, floatMod, floatPow } from "./float-ops";
import { bigIntBinary, smallIntBinary } from "./int-ops";
import { type PyVal, SmallInt, asBigInt, isIntLike, mkInt, raise, smallValue, toFloat, truthy, typeName } from "./values";

export type BinaryOp = "+" | "-" | "*" | "/" | "//" | "%" | "**";
export type UnaryOp = "-" | "+" | "not";
export type CompareOp = "<" | ">" | "<=" | ">=" | "==" | "!=";

/** `a op b`: int op int stays an int (except `/` and negative `**`), anything with a float is float arithmetic. */
export function binary(op: BinaryOp, a: PyVal, b: PyVal): PyVal {
  if (a === null || b === null) {
    const shown = op === "**" ? "** or pow()" : op;
    raise("TypeError", `unsupported operand type(s) for ${shown}: '${typeName(a)}' and '${typeName(b)}'`);
  }
  if (isIntLike(a) && isIntLike(b)) {
    const x = smallValue(a);
    const y = smallValue(b);
    if (x !== undefined && y !== undefined) {
      const r = smallIntBinary(op, x, y);
      if (r !== undefined) return r;
    }
    return bigIntBinary(op, asBigInt(a), asBigInt(b));
  }
  return floatBinary(op, toFloat(a), toFloat(b));
}

function floatBinary(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      if (b === 0) raise("ZeroDivisionError", "float division by zero");
      return a / b;
    case "//":
      return floatFloorDiv(a, b);
    case "%":
      return floatMod(a, b);
    case "**":
      return floatPow(a, b);
  }
}

export function unary(op: UnaryOp, v: PyVal): PyVal {
  if (op === "not") return !truthy(v);
  if (v === null) raise("TypeError", `bad operand type for unary ${op}: 'NoneType'`);
  if (isIntLike(v)) {
    const small = smallValue(v);
    if (small !== undefined) return new SmallInt(op === "-" ? -small : small);
    return mkInt(op === "-" ? -asBigInt(v) : asBigInt(v));
  }
  return op === "-" ? -v : v;
}

/** `a op b` with Python's exact mixed int/float comparison (`2**53 + 1 > 2.0**53` is True). */
export function compare(op: CompareOp, a: PyVal, b: PyVal): boolean {
  if (a === null || b === null) {
    if (op === "==") return a === b;
    if (op === "!=") return a !== b;
    raise("TypeError", `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
  }
  const c = order(a, b);
  // NaN is unordered: every comparison but != is false.
  if (c === undefined) return op === "!=";
  switch (op) {
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    case ">=":
      return c >= 0;
    case "==":
      return c === 0;
    case "!=":
      return c !== 0;
  }
}

/** -1, 0 or 1, or undefined when a NaN makes the pair unordered. */
function order(a: Exclude<PyVal, null>, b: Exclude<PyVal, null>): number | undefined {
  // Small ints and bools are exact doubles, so they compare with floats and each other as numbers.
  const x = typeof a === "number" ? a : smallValue(a);
  const y = typeof b === "number" ? b : smallValue(b);
  if (x !== undefined && y !== undefined) {
    if (Number.isNaN(x) || Number.isNaN(y)) return undefined;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (isIntLike(a) && isIntLike(b)) {
    const x = asBigInt(a);
    const y = asBigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  // One side is a BigInt beyond 2^53, the other a float.
  if (typeof a === "number") {
    const c = orderIntFloat(asBigInt(b as bigint), a);
    return c === undefined ? undefined : -c;
  }
  return orderIntFloat(asBigInt(a), b as number);
}

function orderIntFloat(i: bigint, f: number): number | undefined {
  if (Number.isNaN(f)) return undefined;
  if (f === Infinity) return -1;
  if (f === -Infinity) return 1;
  const fl = Math.floor(f);
  const bf = BigInt(fl);
  if (i < bf) return -1;
  // i ≥ floor(f) + 1 > f
  if (i > bf) return 1;
  return f === fl ? 0 : -1;
}
