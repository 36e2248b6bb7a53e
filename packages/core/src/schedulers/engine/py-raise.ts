/** The Python exception the engine raises internally while mirroring Paddle, turned into a `ParamError` at the API boundary. */
import type { ParamError, PyErrorType } from "../types";

/**
 * Thrown inside the engine exactly where Paddle's Python code would raise, so the mirror keeps
 * Python's control flow (state updated up to the raise). Never escapes the public API: `build`,
 * `construct` and the stateful wrapper catch it and return a `ParamError`.
 */
export class PyRaise extends Error {
  /** Arg names from the outermost spec down to the scheduler that raised. */
  path: string[] = [];
  /** Set by fills: the curve index at which the raise happened. */
  index?: number;

  constructor(
    readonly errorType: PyErrorType,
    readonly pyMessage: string,
    readonly param: string | null,
    readonly raisedBy: "paddle" | "python" = "paddle",
  ) {
    super(pyMessage);
  }

  toParamError(phase: "construct" | "step", atStep?: number): ParamError {
    const error: ParamError = { param: this.param, message: this.pyMessage, errorType: this.errorType, raisedBy: this.raisedBy, phase };
    if (this.path.length > 0) error.path = [...this.path];
    if (atStep !== undefined) error.atStep = atStep;
    return error;
  }
}

/** Paddle's own `raise X(...)`. */
export function paddleRaise(errorType: PyErrorType, message: string, param: string | null): never {
  throw new PyRaise(errorType, message, param, "paddle");
}

/** An error the Python interpreter raises inside Paddle's code (bad operand types, division by zero, ...). */
export function pythonRaise(errorType: PyErrorType, message: string, param: string | null): never {
  throw new PyRaise(errorType, message, param, "python");
}

/** Paddle's `assert cond, message` (AssertionError, raised by Paddle's code). */
export function paddleAssert(cond: boolean, message: string, param: string | null): void {
  if (!cond) throw new PyRaise("AssertionError", message, param, "paddle");
}

/** Prefixes a nested scheduler's arg name to the path of a raise passing through its parent. */
export function withPath<T>(argName: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyRaise) e.path.unshift(argName);
    throw e;
  }
}

/** Wraps an unexpected JS exception (a bug, never user input) as a ParamError so nothing escapes the core. */
export function internalError(e: unknown, phase: "construct" | "step", atStep?: number): ParamError {
  const message = e instanceof Error ? e.message : String(e);
  const error: ParamError = { param: null, message: `lrlens internal error: ${message}`, errorType: "RuntimeError", raisedBy: "python", phase };
  if (atStep !== undefined) error.atStep = atStep;
  return error;
}
