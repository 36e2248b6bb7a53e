/**
 * Paddle's construction errors of a schedule, tied to the chain link and YAML value they are
 * about, and which specific rule reports each one instead of the catch-all `valid-paddle-args`
 * (decided from the spec's values, never from message text).
 */
import type { AnalyzedSchedule } from "../../analysis/types";
import type { ConfigNode } from "../../config/types";
import type { ParamError } from "../../schedulers/types";
import { getSchedulerInfo } from "../../schedulers";
import { chainOf, numList, type ChainLink } from "./chain";
import { yaml11FloatText } from "./yaml-edit";

export interface LocatedError {
  error: ParamError;
  link: ChainLink;
  /** The YAML value of the offending argument, when it has one. */
  node?: ConfigNode;
}

/** Construction errors of a schedule (empty when it built or has no spec). */
export function constructionErrors(s: AnalyzedSchedule): LocatedError[] {
  if (!s.build || s.build.ok) return [];
  const chain = chainOf(s.spec);
  return s.build.errors
    .filter((e) => e.phase === "construct")
    .map((error) => {
      const prefix = error.path && error.path.length > 0 ? `${error.path.join(".")}.` : "";
      const link = chain.find((l) => l.prefix === prefix) ?? chain[0];
      const node = error.param ? s.argSources[`${link.prefix}${error.param}`]?.node : undefined;
      return { error, link, node };
    });
}

/** A YAML 1.1 string that YAML 1.2 (and Python's `float()`) would read as a number: `1e-3`. */
export function isYaml11StringNumber(node: ConfigNode | undefined): boolean {
  return node?.kind === "scalar" && !node.quoted && node.value.type === "str" && (node.yaml12?.type === "int" || node.yaml12?.type === "float");
}

function strictlyIncreasing(xs: number[]): boolean {
  return xs.every((x, i) => i === 0 || xs[i - 1] < x);
}

/**
 * The rule that reports a construction error with a more specific message (and fix), or
 * undefined for the catch-all. Order matters: the first rule that recognises the cause wins.
 */
export function specificRuleFor(e: LocatedError): string | undefined {
  const { error, link, node } = e;
  const args = link.spec.args;
  const param = error.param;
  if (param && !(param in args) && error.errorType === "TypeError" && error.raisedBy === "python") return "no-missing-param";
  if (param && (isYaml11StringNumber(node) || (node?.kind === "seq" && node.items.some(isYaml11StringNumber)))) return "no-string-number";
  if (link.spec.name === "MultiStepDecay" && param === "milestones") {
    const ms = numList(args.milestones);
    if (ms && !strictlyIncreasing(ms)) return "no-unsorted-milestones";
  }
  if (link.spec.name === "PiecewiseDecay" && (param === "values" || param === "boundaries" || param === null)) {
    const b = args.boundaries;
    const v = args.values;
    if (b?.type === "list" && v?.type === "list" && b.items.length > 0 && v.items.length <= b.items.length) return "valid-piecewise-values";
  }
  if (param && node?.kind === "scalar" && convertibleType(e) !== undefined) return "valid-param-type";
  return undefined;
}

/**
 * The literal a type error's value should have been written as, from the parameter's declared
 * kind: `5` for `5.0` where Paddle wants an int, `0.0` for `0` where it wants a float, `0.1` for a
 * quoted `"0.1"`. Undefined when there is no obvious conversion.
 */
export function convertibleType(e: LocatedError): { text: string; kind: "int" | "float" } | undefined {
  const { error, node, link } = e;
  if (!node || node.kind !== "scalar" || !error.param) return undefined;
  const kind = getSchedulerInfo(link.spec.name)?.params.find((p) => p.name === error.param)?.kind;
  const v = node.value;
  if (kind === "int" && v.type === "float" && Number.isSafeInteger(v.value)) return { text: String(v.value), kind: "int" };
  if (kind === "float" && v.type === "int" && !v.big) return { text: `${v.value}.0`, kind: "float" };
  if (v.type === "str" && node.quoted && (kind === "int" || kind === "float" || kind === "number" || kind === "scheduler-or-number")) {
    const t = v.value.trim();
    if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
    const isInt = /^[-+]?\d+$/.test(t);
    if (kind === "int" && !isInt) return undefined;
    if (kind === "float" && isInt) return { text: `${t}.0`, kind: "float" };
    return { text: isInt ? t : (yaml11FloatText(t) ?? t), kind: isInt ? "int" : "float" };
  }
  return undefined;
}
