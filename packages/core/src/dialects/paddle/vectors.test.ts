import { expect, it } from "vitest";
import { build } from "../../schedulers";
import type { PyValue, SchedulerSpec } from "../../schedulers/types";
import { describeShared, readSharedJson } from "../../testing/shared";
import { extractText } from "../common/testing/harness";
import { paddleDialect } from "./index";

interface Vector {
  id: string;
  scheduler: string;
  py_call: string;
  drive: "step" | "step_epoch" | "step_metrics";
  steps: number;
  lr: number[];
  indices?: number[];
  error?: { at_index: number };
}

/** A Python value from a `py_call` text (test-only reader: numbers keep int vs float, lambdas stay text). */
type Py = { int: number } | { float: number } | { bool: boolean } | { none: true } | { str: string } | { list: Py[] } | { lambda: string } | { call: Call };
interface Call {
  name: string;
  kwargs: [string, Py][];
}

function parseCall(text: string): Call {
  let i = 0;
  const ws = () => {
    while (text[i] === " ") i++;
  };
  const ident = () => {
    const m = /^[A-Za-z_][\w.]*/.exec(text.slice(i));
    if (!m) throw new Error(`identifier expected at ${i} in ${text}`);
    i += m[0].length;
    return m[0];
  };
  const value = (): Py => {
    ws();
    const rest = text.slice(i);
    if (rest.startsWith("lambda")) {
      // A lambda runs to the next top-level `,` or `)`.
      let depth = 0;
      const start = i;
      while (i < text.length) {
        const c = text[i];
        if (c === "(" || c === "[") depth++;
        else if (c === ")" || c === "]") {
          if (depth === 0) break;
          depth--;
        } else if (c === "," && depth === 0) break;
        i++;
      }
      return { lambda: text.slice(start, i).trim() };
    }
    if (rest[0] === "[" || rest[0] === "(") {
      const close = rest[0] === "[" ? "]" : ")";
      i++;
      const items: Py[] = [];
      ws();
      while (text[i] !== close) {
        items.push(value());
        ws();
        if (text[i] === ",") i++;
        ws();
      }
      i++;
      return { list: items };
    }
    if (rest[0] === "'") {
      const end = text.indexOf("'", i + 1);
      const s = text.slice(i + 1, end);
      i = end + 1;
      return { str: s };
    }
    const num = /^-?(\d+\.?\d*(e[-+]?\d+)?|inf|nan)/.exec(rest);
    if (num) {
      i += num[0].length;
      return /[.e]|inf|nan/.test(num[0]) ? { float: Number(num[0].replace("inf", "Infinity")) } : { int: Number(num[0]) };
    }
    const name = ident();
    if (name === "True" || name === "False") return { bool: name === "True" };
    if (name === "None") return { none: true };
    if (text[i] !== "(") throw new Error(`unexpected ${name}`);
    const inner = callArgs(name);
    // numpy.float64(0.1) is a float subclass: written back as a plain float.
    if (name.startsWith("numpy.")) return inner.kwargs[0][1];
    return { call: inner };
  };
  const callArgs = (name: string): Call => {
    i++; // (
    const kwargs: [string, Py][] = [];
    ws();
    while (text[i] !== ")") {
      const save = i;
      const m = /^([A-Za-z_]\w*)=/.exec(text.slice(i));
      if (m) {
        i += m[0].length;
        kwargs.push([m[1], value()]);
      } else {
        i = save;
        kwargs.push(["", value()]);
      }
      ws();
      if (text[i] === ",") i++;
      ws();
    }
    i++;
    return { name, kwargs };
  };
  const name = ident();
  return callArgs(name);
}

/** `repr(float)` written so that PyYAML reads a float (it needs a dot and a signed exponent). */
function yamlFloat(x: number): string {
  if (Number.isNaN(x)) return ".nan";
  if (!Number.isFinite(x)) return x > 0 ? ".inf" : "-.inf";
  let s = String(x);
  if (/e/.test(s)) {
    const [m, e] = s.split("e");
    s = `${m.includes(".") ? m : `${m}.0`}e${e.startsWith("-") ? e : `+${e.replace("+", "")}`}`;
  } else if (!s.includes(".")) s = `${s}.0`;
  return s;
}

function yamlValue(v: Py, indent: string): string {
  if ("int" in v) return String(v.int);
  if ("float" in v) return yamlFloat(v.float);
  if ("bool" in v) return v.bool ? "true" : "false";
  if ("none" in v) return "null";
  if ("str" in v) return `'${v.str}'`;
  if ("lambda" in v) return JSON.stringify(v.lambda);
  if ("list" in v) return `[${v.list.map((x) => yamlValue(x, indent)).join(", ")}]`;
  return `\n${yamlBlock(v.call, `${indent}  `)}`;
}

function yamlBlock(call: Call, indent: string): string {
  const lines = [`${indent}name: ${call.name}`];
  for (const [k, v] of call.kwargs) lines.push(`${indent}${k}: ${yamlValue(v, indent)}`);
  return lines.join("\n");
}

/** The spec a Python call denotes, in the engine's terms (lambdas compared by text). */
function specOf(call: Call): SchedulerSpec {
  const args: Record<string, PyValue> = {};
  for (const [k, v] of call.kwargs) args[k] = pyOf(v);
  return { name: call.name, args };
}

function pyOf(v: Py): PyValue {
  if ("int" in v) return { type: "int", value: v.int };
  if ("float" in v) return { type: "float", value: v.float };
  if ("bool" in v) return { type: "bool", value: v.bool };
  if ("none" in v) return { type: "none" };
  if ("str" in v) return { type: "str", value: v.str };
  if ("list" in v) return { type: "list", items: v.list.map(pyOf) };
  if ("lambda" in v) return { type: "str", value: v.lambda };
  return { type: "scheduler", spec: specOf(v.call) };
}

/** Lambdas as their text, so specs compare structurally. */
function normalise(spec: SchedulerSpec): SchedulerSpec {
  const args: Record<string, PyValue> = {};
  for (const [k, v] of Object.entries(spec.args)) args[k] = v.type === "fn" ? { type: "str", value: v.fn.text } : v.type === "scheduler" ? { type: "scheduler", spec: normalise(v.spec) } : v;
  return { name: spec.name, args };
}

/** Where README.md says a JS transcription reproduces Paddle bit for bit. */
function exact(spec: SchedulerSpec): boolean {
  const a = spec.args;
  const inner = a["learning_rate"];
  switch (spec.name) {
    case "PiecewiseDecay":
    case "StepDecay":
    case "MultiStepDecay":
    case "InverseTimeDecay":
    case "LinearLR":
      return true;
    case "CyclicLR":
      return a["scale_fn"] === undefined && (a["mode"] === undefined || (a["mode"].type === "str" && a["mode"].value !== "exp_range"));
    case "PolynomialDecay":
      return a["power"] === undefined || ((a["power"].type === "float" || a["power"].type === "int") && a["power"].value === 1);
    case "LinearWarmup":
      return inner?.type !== "scheduler" || exact(inner.spec);
    default:
      return false;
  }
}

describeShared("paddle dialect: every step-driven vector of paddle-lr-vectors.json written back in the generic form", () => {
  const vectors = readSharedJson<{ vectors: Vector[] }>("reference/paddle-lr-vectors.json").vectors.filter((v) => v.drive === "step");
  it("covers the step-driven vectors", () => expect(vectors.length).toBeGreaterThan(150));
  for (const v of vectors) {
    it(`${v.id}: the YAML form rebuilds ${v.scheduler} and Paddle's curve`, () => {
      const call = parseCall(v.py_call);
      const yaml = `lr_scheduler:\n${yamlBlock(call, "  ")}\n`;
      const { schedules } = extractText(paddleDialect, yaml);
      expect(schedules).toHaveLength(1);
      const s = schedules[0];
      expect(s.diagnostics.filter((d) => d.severity !== "information")).toEqual([]);
      expect(s.spec).toBeDefined();
      expect(normalise(s.spec!)).toEqual(specOf(call));
      const built = build(s.spec!);
      if (!built.ok) throw new Error(`${v.id}: ${JSON.stringify(built.errors)}`);
      const curve = built.program.curve(v.steps + 1);
      const peak = v.lr.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
      const tol = exact(s.spec!) ? 0 : 1e-13 * peak;
      const at = v.indices ?? v.lr.map((_, k) => k);
      for (let k = 0; k < v.lr.length; k++) {
        const got = curve.lr[at[k]];
        if (!(Math.abs(got - v.lr[k]) <= tol)) expect({ step: at[k], got }).toEqual({ step: at[k], got: v.lr[k] });
      }
      if (v.error) expect(curve.error).toBeDefined();
    });
  }
});
