/**
 * Validation of a spec tree in Python's order (nested schedulers are constructed first, then the
 * outer call binds its arguments, runs its checks and its constructor's first step), and
 * re-instantiation of a validated tree for replays.
 */
import type { FormSet, SchedulerDefinition, ValidatedNode } from "../definition";
import { lookupScheduler } from "../registry";
import type { Marker, ParamError, SchedulerSpec } from "../types";
import { PADDLE_LR_MODULE } from "./py-value";
import { internalError, PyRaise } from "./py-raise";
import { bindArgs } from "./signature";
import type { SchedulerState } from "./state";

class Node implements ValidatedNode {
  private formSet: FormSet | undefined;

  constructor(
    readonly def: SchedulerDefinition,
    readonly params: unknown,
    readonly children: Readonly<Record<string, ValidatedNode>>,
  ) {}

  forms(): FormSet {
    this.formSet ??= this.def.forms ? this.def.forms(this.params, this.children) : { start: 0 };
    return this.formSet;
  }

  markers(lo: number, hi: number, out: Marker[]): void {
    this.def.markers?.(this.params, this.children, lo, hi, out);
  }

  horizon(): { epochs: number; from: string } | undefined {
    return this.def.horizon?.(this.params, this.children);
  }
}

export interface TreeResult {
  node?: ValidatedNode;
  /** The live instance built while validating (its constructor's first step has run). */
  instance?: SchedulerState;
  errors: ParamError[];
}

function asError(e: unknown, path: string[]): ParamError {
  if (e instanceof PyRaise) {
    e.path.unshift(...path);
    return e.toParamError("construct");
  }
  const err = internalError(e, "construct");
  if (path.length > 0) err.path = [...path];
  return err;
}

/**
 * Validates and constructs `spec`. Errors come in Python's order: a nested scheduler's error
 * first (with its arg path), then this call's own first error. Unlike Python, which stops at the
 * first, the outer call's own checks still run when a nested one failed, so both are reported.
 */
export function validateTree(spec: SchedulerSpec, path: string[] = []): TreeResult {
  const def = lookupScheduler(spec.name);
  if (!def) {
    const error: ParamError = {
      param: null,
      message: `module '${PADDLE_LR_MODULE}' has no attribute '${spec.name}'`,
      errorType: "AttributeError",
      raisedBy: "python",
      phase: "construct",
    };
    if (path.length > 0) error.path = [...path];
    return { errors: [error] };
  }
  const errors: ParamError[] = [];
  const children: Record<string, ValidatedNode> = {};
  const instances: Record<string, SchedulerState> = {};
  for (const [key, value] of Object.entries(spec.args)) {
    if (value.type !== "scheduler") continue;
    const child = validateTree(value.spec, [...path, key]);
    errors.push(...child.errors);
    if (child.node && child.instance) {
      children[key] = child.node;
      instances[key] = child.instance;
    }
  }
  let params: unknown;
  try {
    params = def.validate(bindArgs(def.name, def.params, spec.args));
  } catch (e) {
    errors.push(asError(e, path));
    return { errors };
  }
  if (errors.length > 0) return { errors };
  try {
    const instance = def.create(params, instances);
    return { node: new Node(def, params, children), instance, errors };
  } catch (e) {
    errors.push(asError(e, path));
    return { errors };
  }
}

/** A fresh live instance of a validated tree (children first, as Python constructs them). Throws PyRaise. */
export function instantiate(node: ValidatedNode): SchedulerState {
  const kids: Record<string, SchedulerState> = {};
  for (const [key, child] of Object.entries(node.children)) kids[key] = instantiate(child);
  return node.def.create(node.params, kids);
}
