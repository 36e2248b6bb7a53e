/**
 * The functions and constants a lambda may use: `max/min/abs/pow/int/float/round` and a few `math`
 * members, each with CPython's argument checks and errors (arity is a TypeError at call time, as in
 * Python, so Paddle's construction would fail the same way).
 */
import { binary, compare } from "./ops";
import { pyRound } from "./round";
import { type PyVal, SmallInt, asBigInt, bitLength, floatToInt, isIntLike, mkInt, raise, smallValue, toFloat, typeName } from "./values";
import { pyPow } from "../numeric/pow";

export interface PyBuiltin {
  /** As written in the lambda: `max`, `math.cos`. */
  readonly name: string;
  call(args: PyVal[]): PyVal;
}

export const MATH_CONSTANTS: Readonly<Record<string, number>> = {
  pi: Math.PI,
  e: Math.E,
  tau: 2 * Math.PI,
  inf: Infinity,
  nan: NaN,
};

function exactlyOne(name: string, args: PyVal[]): PyVal {
  if (args.length !== 1) raise("TypeError", `${name}() takes exactly one argument (${args.length} given)`);
  return args[0];
}

/** CPython's `math_1`: a NaN from a non-NaN argument is a domain error, an infinity from a finite one is a range (or domain) error. */
function math1(name: string, f: (x: number) => number, canOverflow: boolean): PyBuiltin {
  return {
    name: `math.${name}`,
    call(args) {
      const x = toFloat(exactlyOne(`math.${name}`, args));
      const r = f(x);
      if (Number.isNaN(r) && !Number.isNaN(x)) raise("ValueError", "math domain error");
      if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x)) {
        raise(canOverflow ? "OverflowError" : "ValueError", canOverflow ? "math range error" : "math domain error");
      }
      return r;
    },
  };
}

/** `math.log`-family argument handling: ints too large for a float still have a logarithm, as in CPython. */
function logOf(v: PyVal, f: (x: number) => number): number {
  if (isIntLike(v)) {
    const i = asBigInt(v);
    if (i <= 0n) raise("ValueError", "math domain error");
    const asFloat = Number(i);
    if (Number.isFinite(asFloat)) return logOfFloat(asFloat, f);
    // i = m · 2^shift with m below 2^64: log(i) = log(m) + shift·log(2).
    const shift = bitLength(i) - 64;
    return f(Number(i >> BigInt(shift))) + f(2) * shift;
  }
  return logOfFloat(toFloat(v), f);
}

function logOfFloat(x: number, f: (x: number) => number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x <= 0) raise("ValueError", "math domain error");
  return f(x);
}

function logFamily(name: string, f: (x: number) => number): PyBuiltin {
  return { name: `math.${name}`, call: (args) => logOf(exactlyOne(`math.${name}`, args), f) };
}

/** `math.floor` / `math.ceil` / `math.trunc`: ints pass through, floats become ints. */
function toIntFn(name: string, f: (x: number) => number): PyBuiltin {
  return {
    name: `math.${name}`,
    call(args) {
      const v = exactlyOne(`math.${name}`, args);
      if (isIntLike(v)) return mkInt(asBigInt(v));
      if (v === null) raise("TypeError", name === "trunc" ? "type NoneType doesn't define __trunc__ method" : "must be real number, not NoneType");
      return floatToInt(f(v));
    },
  };
}

const mathLog: PyBuiltin = {
  name: "math.log",
  call(args) {
    if (args.length < 1 || args.length > 2) raise("TypeError", "math.log requires 1 to 2 arguments");
    const num = logOf(args[0], Math.log);
    if (args.length === 1) return num;
    const den = logOf(args[1], Math.log);
    if (den === 0) raise("ZeroDivisionError", "float division by zero");
    return num / den;
  },
};

/** `math.pow`: always float arithmetic, and a domain error (not ZeroDivisionError) for `0.0 ** -1`. */
const mathPow: PyBuiltin = {
  name: "math.pow",
  call(args) {
    if (args.length !== 2) raise("TypeError", `pow expected 2 arguments, got ${args.length}`);
    const x = toFloat(args[0]);
    const y = toFloat(args[1]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return pyPow(x, y);
    if (x === 0 && y < 0) raise("ValueError", "math domain error");
    if (x < 0 && !Number.isInteger(y)) raise("ValueError", "math domain error");
    const r = pyPow(x, y);
    if (!Number.isFinite(r)) raise("OverflowError", "math range error");
    return r;
  },
};

function extreme(name: "max" | "min"): PyBuiltin {
  return {
    name,
    call(args) {
      if (args.length === 0) raise("TypeError", `${name} expected at least 1 argument, got 0`);
      // One argument means "an iterable" in Python; a lambda has no iterables.
      if (args.length === 1) raise("TypeError", `'${typeName(args[0])}' object is not iterable`);
      let best = args[0];
      for (let i = 1; i < args.length; i++) {
        // Python keeps the first of equal items: it replaces only on a strict comparison.
        if (compare(name === "max" ? ">" : "<", args[i], best)) best = args[i];
      }
      return best;
    },
  };
}

const BUILTINS: Readonly<Record<string, PyBuiltin>> = {
  abs: {
    name: "abs",
    call(args) {
      const v = exactlyOne("abs", args);
      if (v === null) raise("TypeError", "bad operand type for abs(): 'NoneType'");
      if (isIntLike(v)) {
        const small = smallValue(v);
        if (small !== undefined) return new SmallInt(Math.abs(small));
        const i = asBigInt(v);
        return mkInt(i < 0n ? -i : i);
      }
      return Math.abs(v);
    },
  },
  max: extreme("max"),
  min: extreme("min"),
  pow: {
    name: "pow",
    call(args) {
      if (args.length < 2) raise("TypeError", `pow() missing required argument '${args.length === 0 ? "base" : "exp"}' (pos ${args.length + 1})`);
      if (args.length > 2) raise("TypeError", `pow() takes at most 3 arguments (${args.length} given)`);
      return binary("**", args[0], args[1]);
    },
  },
  int: {
    name: "int",
    call(args) {
      if (args.length === 0) return new SmallInt(0);
      if (args.length === 2) raise("TypeError", "int() can't convert non-string with explicit base");
      if (args.length > 2) raise("TypeError", `int() takes at most 2 arguments (${args.length} given)`);
      const v = args[0];
      if (v === null) raise("TypeError", "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
      return isIntLike(v) ? mkInt(asBigInt(v)) : floatToInt(v);
    },
  },
  float: {
    name: "float",
    call(args) {
      if (args.length === 0) return 0;
      if (args.length > 1) raise("TypeError", `float expected at most 1 argument, got ${args.length}`);
      if (args[0] === null) raise("TypeError", "float() argument must be a string or a real number, not 'NoneType'");
      return toFloat(args[0]);
    },
  },
  round: {
    name: "round",
    call(args) {
      if (args.length === 0) raise("TypeError", "round() missing required argument 'number' (pos 1)");
      if (args.length > 2) raise("TypeError", `round() takes at most 2 arguments (${args.length} given)`);
      return pyRound(args[0], args[1]);
    },
  },
};

const MATH_FUNCTIONS: Readonly<Record<string, PyBuiltin>> = {
  cos: math1("cos", Math.cos, false),
  sin: math1("sin", Math.sin, false),
  tan: math1("tan", Math.tan, false),
  atan: math1("atan", Math.atan, false),
  tanh: math1("tanh", Math.tanh, false),
  exp: math1("exp", Math.exp, true),
  sqrt: math1("sqrt", Math.sqrt, false),
  fabs: math1("fabs", Math.abs, false),
  log: mathLog,
  log10: logFamily("log10", Math.log10),
  log2: logFamily("log2", Math.log2),
  floor: toIntFn("floor", Math.floor),
  ceil: toIntFn("ceil", Math.ceil),
  trunc: toIntFn("trunc", Math.trunc),
  pow: mathPow,
};

/** A builtin by name, or undefined. `Object.hasOwn` keeps `constructor`, `__proto__` and friends out. */
export function lookupBuiltin(name: string): PyBuiltin | undefined {
  return Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
}

export function lookupMathFunction(name: string): PyBuiltin | undefined {
  return Object.hasOwn(MATH_FUNCTIONS, name) ? MATH_FUNCTIONS[name] : undefined;
}

export function lookupMathConstant(name: string): number | undefined {
  return Object.hasOwn(MATH_CONSTANTS, name) ? MATH_CONSTANTS[name] : undefined;
}

export const BUILTIN_NAMES = Object.keys(BUILTINS);
export const MATH_NAMES = [...Object.keys(MATH_CONSTANTS), ...Object.keys(MATH_FUNCTIONS)];
