/** Test-only comparison helpers: which reference curves must match bit for bit, and the relative tolerance for the rest. */
import type { PyValue, SchedulerSpec } from "../types";

/** The README's tolerance for transcendental schedules: |a − b| ≤ 1e-13 · max|lr|. */
export const REL_TOL = 1e-13;

function num(v: PyValue | undefined): number | undefined {
  return v && (v.type === "int" || v.type === "float") ? v.value : undefined;
}

/**
 * Whether Paddle's numbers for this spec are reachable bit for bit: the README's list
 * (Piecewise, Step, MultiStep, InverseTime, LinearLR, CyclicLR triangular/triangular2,
 * LinearWarmup with a number, Polynomial with power 1), plus schedules whose arithmetic has no
 * libm call at all (ReduceOnPlateau, linear OneCycleLR, arithmetic-only lambdas), and
 * LinearWarmup around any of them. Integer powers count as exact: they are correctly rounded.
 */
export function isExactSpec(spec: SchedulerSpec): boolean {
  const a = spec.args;
  switch (spec.name) {
    case "PiecewiseDecay":
    case "StepDecay":
    case "MultiStepDecay":
    case "InverseTimeDecay":
    case "LinearLR":
    case "ReduceOnPlateau":
      return true;
    case "PolynomialDecay":
      return a.power === undefined || num(a.power) === 1;
    case "CyclicLR": {
      const mode = a.mode?.type === "str" ? a.mode.value : "triangular";
      return a.scale_fn === undefined && (mode === "triangular" || mode === "triangular2");
    }
    case "OneCycleLR":
      return a.anneal_strategy?.type === "str" && a.anneal_strategy.value === "linear";
    case "LambdaDecay":
    case "MultiplicativeDecay": {
      const f = a.lr_lambda;
      return f?.type === "fn" && !/math\.|\*\*/.test(f.fn.text);
    }
    case "LinearWarmup": {
      const lr = a.learning_rate;
      return lr?.type === "scheduler" ? isExactSpec(lr.spec) : true;
    }
    default:
      return false;
  }
}

/** Compares a produced value with Paddle's: exact, or within `tol`. Returns a message on mismatch. */
export function mismatch(got: number, want: number, exact: boolean, tol: number): string | undefined {
  if (exact ? Object.is(got, want) || got === want : Math.abs(got - want) <= tol) return undefined;
  return `got ${got}, Paddle ${want} (diff ${got - want})`;
}

/** Recursively compares state dicts (numbers with `tol`, the rest exactly). */
export function stateMismatch(got: unknown, want: unknown, tol: number, path = "state_dict"): string | undefined {
  if (typeof want === "number") {
    if (typeof got !== "number") return `${path}: got ${String(got)}, Paddle ${want}`;
    return Math.abs(got - want) <= tol || got === want ? undefined : `${path}: got ${got}, Paddle ${want}`;
  }
  if (want === null || typeof want !== "object") return got === want ? undefined : `${path}: got ${String(got)}, Paddle ${String(want)}`;
  if (got === null || typeof got !== "object") return `${path}: got ${String(got)}, Paddle an object`;
  const g = got as Record<string, unknown>;
  const w = want as Record<string, unknown>;
  const keys = new Set([...Object.keys(g), ...Object.keys(w)]);
  for (const k of keys) {
    const m = stateMismatch(g[k], w[k], tol, `${path}.${k}`);
    if (m) return m;
  }
  return undefined;
}

/** Asserts |got − want| ≤ 1e-13 · scale for every pair (transcendental schedules: V8's libm vs glibc). */
export function closeTo(got: ArrayLike<number>, want: number[], scale = Math.max(...want.map(Math.abs))): string | undefined {
  if (got.length !== want.length) return `length ${got.length} vs ${want.length}`;
  for (let i = 0; i < want.length; i++) {
    if (!(Math.abs(got[i] - want[i]) <= REL_TOL * scale)) return `[${i}]: got ${got[i]}, want ${want[i]}`;
  }
  return undefined;
}
