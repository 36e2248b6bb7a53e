/**
 * Python values as the lambda evaluator holds them, and the Python exceptions it can raise.
 *
 * A JS `number` is a Python float, a `SmallInt` (|v| ≤ 2^53, exact as a double) or a `bigint` a
 * Python int, a `boolean` a Python bool and `null` is None. Small ints avoid BigInt's allocation
 * cost on the hot path (an epoch counter), BigInt keeps larger ints exact; bools stay distinct so
 * `True` can be reported as an int result.
 */
import type { PyErrorType } from "../schedulers/types";

/** A Python int that is exact as a double; ints beyond 2^53 are BigInts instead. */
export class SmallInt {
  readonly v: number;
  constructor(v: number) {
    // An int has no negative zero; normalising here keeps float(int) from ever giving -0.0.
    this.v = v === 0 ? 0 : v;
  }
}

export type PyInt = SmallInt | bigint;
export type PyVal = number | PyInt | boolean | null;

const SAFE = 2n ** 53n;

/** Ints are bounded so `10 ** 10 ** 10` is an error instead of a hang or an out-of-memory crash. */
export const MAX_INT_BITS = 4096;
const INT_LIMIT = 1n << BigInt(MAX_INT_BITS);

/** A Python exception raised while evaluating; caught at the `call` boundary, never escapes the module. */
export class PyRaise {
  constructor(
    readonly errorType: PyErrorType,
    readonly message: string,
  ) {}
}

export function raise(errorType: PyErrorType, message: string): never {
  throw new PyRaise(errorType, message);
}

export function typeName(v: PyVal): string {
  if (v === null) return "NoneType";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return "float";
  return "int";
}

/** Python truthiness: zero and None are false, NaN is true. */
export function truthy(v: PyVal): boolean {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "bigint") return v !== 0n;
  if (v instanceof SmallInt) return v.v !== 0;
  return v !== 0;
}

/** True for Python ints, bools included (`isinstance(True, int)`). */
export function isIntLike(v: PyVal): v is PyInt | boolean {
  return v instanceof SmallInt || typeof v === "bigint" || typeof v === "boolean";
}

/** An int-like value as a BigInt (bools become 0 or 1). */
export function asBigInt(v: PyInt | boolean): bigint {
  if (typeof v === "boolean") return v ? 1n : 0n;
  return v instanceof SmallInt ? BigInt(v.v) : v;
}

/** The value of a small int or bool as a JS number; undefined for a BigInt. */
export function smallValue(v: PyInt | boolean): number | undefined {
  if (typeof v === "boolean") return v ? 1 : 0;
  return v instanceof SmallInt ? v.v : undefined;
}

/** A BigInt result as an int value: bounded to MAX_INT_BITS (Python would keep going and we would stall), small when it fits. */
export function mkInt(v: bigint): PyInt {
  if (v >= INT_LIMIT || v <= -INT_LIMIT) {
    raise("OverflowError", `integer result too large (more than ${MAX_INT_BITS} bits); lrlens bounds Python ints`);
  }
  return v <= SAFE && v >= -SAFE ? new SmallInt(Number(v)) : v;
}

/** An integral double as an int value (exactly: every double beyond 2^53 is an integer BigInt can hold). */
export function intFromIntegral(f: number): PyInt {
  return Math.abs(f) <= 2 ** 53 ? new SmallInt(f) : mkInt(BigInt(f));
}

/** `float(v)` for a number: ints round half-even like CPython, and too-large ints raise as CPython does. */
export function toFloat(v: PyVal, what = "must be real number"): number {
  if (typeof v === "number") return v;
  if (v instanceof SmallInt) return v.v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "bigint") {
    const f = Number(v);
    if (!Number.isFinite(f)) raise("OverflowError", "int too large to convert to float");
    return f;
  }
  return raise("TypeError", `${what}, not ${typeName(v)}`);
}

/** `int(x)` of a float: truncation toward zero, with CPython's errors for infinities and NaN. */
export function floatToInt(f: number): PyInt {
  if (Number.isNaN(f)) raise("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(f)) raise("OverflowError", "cannot convert float infinity to integer");
  return intFromIntegral(Math.trunc(f));
}

/** Number of significant bits of |v| (0 for 0). */
export function bitLength(v: bigint): number {
  if (v < 0n) v = -v;
  return v === 0n ? 0 : v.toString(2).length;
}
