/** Test helpers for the lambda evaluator: run a body and print its result the way CPython's repr would. */
import { compileLambda } from "..";
import { pyFloatRepr } from "../../text/py-repr";

/** Compiles `lambda x: <body>` and calls it; "int 5", "float -0.0", "TypeError: ...", or "compile error: ...". */
export function py(body: string, x = 0, xIsInt?: boolean): string {
  const r = compileLambda(`lambda x: ${body}`);
  if (!r.ok) return `compile error: ${r.error.message}`;
  const v = r.fn.call(x, xIsInt);
  if ("error" in v) return `${v.errorType}: ${v.error}`;
  return v.isInt ? `int ${BigInt(v.value).toString()}` : `float ${pyFloatRepr(v.value)}`;
}

/** The compile error of `text` (offset, length, the slice it points at, message), or undefined when it compiles. */
export function compileError(text: string, opts?: { maxChars?: number; maxCost?: number }) {
  const r = compileLambda(text, opts);
  if (r.ok) return undefined;
  const { offset, length, message } = r.error;
  return { offset, length, at: text.slice(offset, offset + length), message };
}
