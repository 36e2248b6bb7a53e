/**
 * Python int arithmetic: floor division and modulo toward −∞, exact bounded powers, and correctly
 * rounded true division. Small ints take a double fast path whenever the result is provably exact;
 * everything else goes through BigInt.
 */
import { roundToDouble } from "../numeric/round";
import { floatPow } from "./float-ops";
import type { BinaryOp } from "./ops";
import { MAX_INT_BITS, type PyVal, SmallInt, bitLength, mkInt, raise } from "./values";

const SAFE = 2n ** 53n;

/** `a op b` for two small ints, or undefined when the exact result needs BigInt. */
export function smallIntBinary(op: BinaryOp, a: number, b: number): PyVal | undefined {
  switch (op) {
    case "+":
    case "-":
    case "*": {
      const r = op === "+" ? a + b : op === "-" ? a - b : a * b;
      // A true result of magnitude ≥ 2^53 rounds to ≥ 2^53, so a safe integer here is exact.
      return Number.isSafeInteger(r) ? new SmallInt(r) : undefined;
    }
    case "/":
      if (b === 0) raise("ZeroDivisionError", "division by zero");
      // Both operands are exact doubles: IEEE division is the correctly rounded quotient.
      return a / b;
    case "//": {
      if (b === 0) raise("ZeroDivisionError", "integer division or modulo by zero");
      const r = a % b; // exact; takes the dividend's sign
      const q = (a - r) / b; // exact: a - r is a multiple of b
      return new SmallInt(r !== 0 && r < 0 !== b < 0 ? q - 1 : q);
    }
    case "%": {
      if (b === 0) raise("ZeroDivisionError", "integer modulo by zero");
      const r = a % b;
      return new SmallInt(r !== 0 && r < 0 !== b < 0 ? r + b : r);
    }
    case "**":
      return b < 0 ? floatPow(a, b) : smallIntPow(a, b);
  }
}

/** Binary powering in doubles while every product stays a safe integer (hence exact). */
function smallIntPow(a: number, b: number): SmallInt | undefined {
  let result = 1;
  let base = a;
  let e = b;
  while (e > 0) {
    if (e % 2 === 1) {
      result *= base;
      if (!Number.isSafeInteger(result)) return undefined;
    }
    e = Math.floor(e / 2);
    if (e > 0) {
      base *= base;
      if (!Number.isSafeInteger(base)) return undefined;
    }
  }
  return new SmallInt(result);
}

/** `a op b` for ints of any size (bounded to MAX_INT_BITS). */
export function bigIntBinary(op: BinaryOp, a: bigint, b: bigint): PyVal {
  switch (op) {
    case "+":
      return mkInt(a + b);
    case "-":
      return mkInt(a - b);
    case "*":
      return mkInt(a * b);
    case "/":
      return intTrueDiv(a, b);
    case "//":
      return mkInt(intFloorDiv(a, b));
    case "%":
      return mkInt(intMod(a, b));
    case "**":
      return intPow(a, b);
  }
}

/** `a // b`: the quotient rounded toward −∞ (Python), not toward zero (C, BigInt). */
export function intFloorDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) raise("ZeroDivisionError", "integer division or modulo by zero");
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** `a % b`: the remainder takes the divisor's sign, so `-7 % 3 == 2` and `7 % -3 == -2`. */
export function intMod(a: bigint, b: bigint): bigint {
  if (b === 0n) raise("ZeroDivisionError", "integer modulo by zero");
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

/**
 * `a / b` for ints: CPython rounds the exact quotient once (so `10**30 / 3` is not the quotient of
 * two already-rounded doubles), and a zero numerator keeps the sign of the quotient (`0 / -5 == -0.0`).
 */
export function intTrueDiv(a: bigint, b: bigint): number {
  if (b === 0n) raise("ZeroDivisionError", "division by zero");
  const x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  if (x <= SAFE && y <= SAFE) return Number(a) / Number(b);
  const negative = a < 0n !== b < 0n;
  // Scale so the integer quotient carries at least 56 significant bits, plus a sticky bit for the rest.
  const shift = Math.max(0, bitLength(y) - bitLength(x) + 56);
  const scaled = x << BigInt(shift);
  const q = scaled / y;
  const sticky = q * y !== scaled;
  const mag = roundToDouble(q, -shift, sticky);
  if (!Number.isFinite(mag)) raise("OverflowError", "integer division result too large for a float");
  return negative ? -mag : mag;
}

/** `a ** b`: exact and an int for b ≥ 0 (bounded to MAX_INT_BITS), a float for b < 0 as in Python. */
function intPow(a: bigint, b: bigint): PyVal {
  if (b < 0n) {
    const base = Number(a);
    if (!Number.isFinite(base)) raise("OverflowError", "int too large to convert to float");
    return floatPow(base, Number(b));
  }
  if (b === 0n) return new SmallInt(1);
  if (a === 0n || a === 1n) return mkInt(a);
  if (a === -1n) return new SmallInt(b % 2n === 0n ? 1 : -1);
  // |a| ≥ 2^(bits-1), so |a|^b ≥ 2^((bits-1)·b): refuse before computing a giant number.
  if (b > BigInt(MAX_INT_BITS) || (bitLength(a) - 1) * Number(b) >= MAX_INT_BITS) {
    raise("OverflowError", `integer result too large (more than ${MAX_INT_BITS} bits); lrlens bounds Python ints`);
  }
  return mkInt(a ** b);
}
