/**
 * Test helper: writes a reference vector's Python constructor call (`py_call`) as a config in the
 * generic paddle form, keeping Python types (`10` vs `10.0`), lambdas as text and nested
 * schedulers as mappings. Calls that YAML cannot express (numpy values, the abstract base class)
 * come back undefined.
 */

type Py = { k: "int" | "float" | "raw"; text: string } | { k: "str"; value: string } | { k: "list"; items: Py[] } | { k: "lambda"; text: string } | { k: "call"; call: Call };

export interface Call {
  name: string;
  kwargs: { name: string; value: Py }[];
}

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  ws(): void {
    while (this.s[this.i] === " ") this.i++;
  }
  eat(c: string): void {
    this.ws();
    if (this.s[this.i] !== c) throw new Error(`expected ${c} at ${this.i} in ${this.s}`);
    this.i++;
  }
  name(): string {
    this.ws();
    const m = /^[A-Za-z_][\w.]*/.exec(this.s.slice(this.i));
    if (!m) throw new Error(`name expected at ${this.i} in ${this.s}`);
    this.i += m[0].length;
    return m[0];
  }
  call(): Call {
    const name = this.name();
    this.eat("(");
    const kwargs: Call["kwargs"] = [];
    this.ws();
    while (this.s[this.i] !== ")") {
      const key = this.name();
      this.eat("=");
      kwargs.push({ name: key, value: this.value() });
      this.ws();
      if (this.s[this.i] === ",") this.i++;
      this.ws();
    }
    this.i++;
    return { name, kwargs };
  }
  value(): Py {
    this.ws();
    const rest = this.s.slice(this.i);
    if (rest.startsWith("lambda")) {
      let depth = 0;
      const start = this.i;
      for (; this.i < this.s.length; this.i++) {
        const c = this.s[this.i];
        if (c === "(" || c === "[") depth++;
        else if ((c === ")" || c === "]") && depth-- === 0) break;
        else if (c === "," && depth === 0) break;
      }
      return { k: "lambda", text: this.s.slice(start, this.i).trim() };
    }
    if (rest[0] === "[" || rest[0] === "(") {
      const close = rest[0] === "[" ? "]" : ")";
      this.i++;
      const items: Py[] = [];
      this.ws();
      while (this.s[this.i] !== close) {
        items.push(this.value());
        this.ws();
        if (this.s[this.i] === ",") this.i++;
        this.ws();
      }
      this.i++;
      return { k: "list", items };
    }
    if (rest[0] === "'") {
      const end = this.s.indexOf("'", this.i + 1);
      const value = this.s.slice(this.i + 1, end);
      this.i = end + 1;
      return { k: "str", value };
    }
    const num = /^-?\d+(\.\d*)?(e[-+]?\d+)?/.exec(rest);
    if (num) {
      this.i += num[0].length;
      return { k: /[.e]/.test(num[0]) ? "float" : "int", text: num[0] };
    }
    const word = /^(True|False|None)\b/.exec(rest);
    if (word) {
      this.i += word[0].length;
      return { k: "raw", text: word[0] === "None" ? "null" : word[0].toLowerCase() };
    }
    const save = this.i;
    const name = this.name();
    this.i = save;
    if (/^numpy\./.test(name)) throw new Unexpressible(name);
    return { k: "call", call: this.call() };
  }
}

class Unexpressible extends Error {}

export function parsePyCall(text: string): Call {
  return new Reader(text).call();
}

/** A Python float literal as YAML 1.1 reads it back as a float. */
function yamlFloat(text: string): string {
  const m = /^(-?\d+)(?:\.(\d*))?(?:e([-+]?)(\d+))?$/.exec(text);
  if (!m) return text;
  const [, int, frac, sign, exp] = m;
  return `${int}.${frac || "0"}${exp !== undefined ? `e${sign || "+"}${exp}` : ""}`;
}

function scalar(v: Py): string {
  switch (v.k) {
    case "int":
    case "raw":
      return v.text;
    case "float":
      return yamlFloat(v.text);
    case "str":
      return `'${v.value.replace(/'/g, "''")}'`;
    case "lambda":
      return JSON.stringify(v.text);
    case "list":
      return `[${v.items.map(scalar).join(", ")}]`;
    default:
      throw new Unexpressible("nested call in a list");
  }
}

function block(call: Call, indent: string): string[] {
  const lines = [`${indent}name: ${call.name}`];
  for (const { name, value } of call.kwargs) {
    if (value.k === "call") lines.push(`${indent}${name}:`, ...block(value.call, `${indent}  `));
    else lines.push(`${indent}${name}: ${scalar(value)}`);
  }
  return lines;
}

/** The vector's constructor call as `lr_scheduler:` in the generic form, or undefined when YAML cannot say it. */
export function vectorYaml(pyCall: string): string | undefined {
  try {
    const call = parsePyCall(pyCall);
    if (call.name === "LRScheduler") return undefined;
    return ["lr_scheduler:", ...block(call, "  "), ""].join("\n");
  } catch (e) {
    if (e instanceof Unexpressible) return undefined;
    throw e;
  }
}
