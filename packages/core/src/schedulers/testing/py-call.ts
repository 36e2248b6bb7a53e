/**
 * Test-only parser of the Python call strings in the reference vectors (`py_call`, `call`), so
 * arguments keep their Python types (`10` vs `10.0`, tuples, True/None, numpy scalars and arrays,
 * nested scheduler calls, lambdas) that JSON numbers lose. Never used by production code.
 */
import type { PyFunction, PyValue, SchedulerSpec } from "../types";

export interface ParsedCall {
  name: string;
  positional: PyValue[];
  kwargs: Record<string, PyValue>;
}

class Parser {
  private i = 0;

  constructor(
    private readonly s: string,
    private readonly lambdas: (text: string) => PyFunction,
  ) {}

  private ws(): void {
    while (this.s[this.i] === " ") this.i++;
  }

  private peek(): string {
    this.ws();
    return this.s[this.i];
  }

  private expect(ch: string): void {
    this.ws();
    if (this.s[this.i] !== ch) throw new Error(`expected '${ch}' at ${this.i} in ${this.s}`);
    this.i++;
  }

  private ident(): string {
    this.ws();
    const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(this.s.slice(this.i));
    if (!m) throw new Error(`expected a name at ${this.i} in ${this.s}`);
    this.i += m[0].length;
    return m[0];
  }

  call(): ParsedCall {
    const name = this.ident();
    this.expect("(");
    const positional: PyValue[] = [];
    const kwargs: Record<string, PyValue> = {};
    while (this.peek() !== ")") {
      const save = this.i;
      const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(this.s.slice(this.i));
      if (m) {
        this.i += m[0].length;
        kwargs[m[1]] = this.value();
      } else {
        this.i = save;
        positional.push(this.value());
      }
      if (this.peek() === ",") this.i++;
    }
    this.expect(")");
    return { name, positional, kwargs };
  }

  private lambda(): PyValue {
    // The lambda runs to the ',' or ')' that closes its argument, at bracket depth 0.
    const start = this.i;
    let depth = 0;
    for (; this.i < this.s.length; this.i++) {
      const c = this.s[this.i];
      if (c === "(" || c === "[") depth++;
      else if (c === ")" || c === "]") {
        if (depth === 0) break;
        depth--;
      } else if (c === "," && depth === 0) break;
    }
    const text = this.s.slice(start, this.i).trim();
    return { type: "fn", fn: this.lambdas(text) };
  }

  private sequence(close: string): PyValue[] {
    const items: PyValue[] = [];
    while (this.peek() !== close) {
      items.push(this.value());
      if (this.peek() === ",") this.i++;
    }
    this.expect(close);
    return items;
  }

  value(): PyValue {
    const c = this.peek();
    const rest = this.s.slice(this.i);
    if (rest.startsWith("lambda")) return this.lambda();
    if (c === "'" || c === '"') {
      const end = this.s.indexOf(c, this.i + 1);
      const value = this.s.slice(this.i + 1, end);
      this.i = end + 1;
      return { type: "str", value };
    }
    if (c === "[") {
      this.i++;
      return { type: "list", items: this.sequence("]") };
    }
    if (c === "(") {
      this.i++;
      return { type: "list", items: this.sequence(")"), tuple: true };
    }
    const num = /^-?(\d+\.?\d*(e[+-]?\d+)?|\.\d+)/i.exec(rest);
    if (num) {
      this.i += num[0].length;
      const isFloat = /[.eE]/.test(num[0]);
      return isFloat ? { type: "float", value: Number(num[0]) } : { type: "int", value: Number(num[0]) };
    }
    for (const [word, v] of [
      ["True", { type: "bool", value: true }],
      ["False", { type: "bool", value: false }],
      ["None", { type: "none" }],
    ] as const) {
      if (new RegExp(`^${word}\\b`).test(rest)) {
        this.i += word.length;
        return v as PyValue;
      }
    }
    const call = this.call();
    return callValue(call);
  }
}

function callValue(call: ParsedCall): PyValue {
  const [arg] = call.positional;
  if (call.name === "numpy.array") {
    const items = arg.type === "list" ? arg.items : [];
    const first = items[0];
    return { type: "other", pyType: "numpy.ndarray", size: items.length, value: first && "value" in first && typeof first.value === "number" ? first.value : undefined };
  }
  if (call.name.startsWith("numpy.")) {
    return { type: "other", pyType: call.name, value: arg && "value" in arg && typeof arg.value === "number" ? arg.value : undefined };
  }
  const spec: SchedulerSpec = { name: call.name, args: call.kwargs };
  return { type: "scheduler", spec };
}

/** `LinearWarmup(learning_rate=CosineAnnealingDecay(...), warmup_steps=50, ...)` as a spec. */
export function parseSpec(pyCall: string, lambdas: (text: string) => PyFunction): SchedulerSpec {
  const call = new Parser(pyCall, lambdas).call();
  return { name: call.name, args: call.kwargs };
}

/** `step(numpy.array([1.0, 2.0], dtype='float64'))` → its single positional argument (undefined for `step()`). */
export function parseStepArg(call: string, lambdas: (text: string) => PyFunction): PyValue | undefined {
  return new Parser(call, lambdas).call().positional[0];
}
