/**
 * Test-only stand-ins for the reference vectors' Python lambdas, written by hand with Python's
 * semantics (correctly rounded `**`, int results flagged), so engine tests do not depend on the
 * lambda compiler. Keyed by the exact `py` text of `paddle-lr-vectors.json`'s function table.
 */
import { pyPowChecked } from "../../numeric/pow";
import type { PyErrorType, PyFunction } from "../types";

type Result = { value: number; isInt: boolean } | { error: string; errorType: PyErrorType };

const float = (value: number): Result => ({ value, isInt: false });

function powF(a: number, b: number): Result {
  const r = pyPowChecked(a, b);
  return "error" in r ? { error: r.error, errorType: r.errorType } : float(r.value);
}

const TABLE: Record<string, (x: number) => Result> = {
  "lambda epoch: 0.95 ** epoch": (e) => powF(0.95, e),
  "lambda epoch: 1.0 / (epoch + 1)": (e) => float(1.0 / (e + 1)),
  "lambda epoch: 0.5 ** (epoch // 10)": (e) => powF(0.5, Math.floor(e / 10)),
  "lambda epoch: max(0.0, 1 - epoch / 100)": (e) => {
    const v = 1 - e / 100;
    return float(v > 0.0 ? v : 0.0);
  },
  "lambda epoch: 0.5 * (1 + math.cos(math.pi * epoch / 200))": (e) => float(0.5 * (1 + Math.cos((Math.PI * e) / 200))),
  "lambda epoch: 0.95": () => float(0.95),
  "lambda epoch: 0.9 if epoch % 10 == 0 else 1.0": (e) => float(e % 10 === 0 ? 0.9 : 1.0),
  "lambda epoch: 1 - 1 / (epoch + 10)": (e) => float(1 - 1 / (e + 10)),
  "lambda epoch: 1": () => ({ value: 1, isInt: true }),
  "lambda x: 1 / (2.0 ** (x - 1))": (x) => {
    const p = powF(2.0, x - 1);
    return "error" in p ? p : float(1 / p.value);
  },
  "lambda x: 0.999 ** x": (x) => powF(0.999, x),
  "lambda x: 0.5": () => float(0.5),
};

/** The hand-written PyFunction for a lambda text of the vectors (throws for an unknown text: a test bug). */
export function vectorFunction(text: string): PyFunction {
  const f = TABLE[text];
  if (!f) throw new Error(`no hand-written stand-in for ${text}`);
  return { text, call: f };
}

export const VECTOR_FUNCTION_TEXTS = Object.keys(TABLE);
