/**
 * Recursive-descent parser for `lambda <name>: <expr>` with Python's precedence, from the
 * conditional expression down to atoms. Recursion is counted, so `((((...))))` or `------x` fail
 * with a positioned error long before the JavaScript stack could overflow.
 */
import type { ExprNode, NodeFields } from "./ast";
import { nameAtom } from "./names";
import type { BinaryOp, CompareOp } from "./ops";
import { ExprSyntaxError, type Token, fail, tokenize } from "./tokenizer";
import { mkInt } from "./values";

export interface ParseLimits {
  /** Nesting of parentheses, unary operators, calls, `**` and conditionals. */
  maxDepth: number;
  /** Height of the syntax tree (left-associative chains such as `a + b + c` grow it too). */
  maxHeight: number;
  /** Number of syntax nodes, i.e. the most one call can cost. */
  maxNodes: number;
}

export interface ParsedLambda {
  param: string;
  body: ExprNode;
  nodes: number;
}

const COMPARE_OPS = new Set(["<", ">", "<=", ">=", "==", "!="]);

export function parseLambda(text: string, limits: ParseLimits): ParsedLambda {
  return new Parser(tokenize(text), limits).lambda();
}

class Parser {
  private pos = 0;
  private depth = 0;
  private nodes = 0;
  private param = "";

  constructor(
    private readonly tokens: Token[],
    private readonly limits: ParseLimits,
  ) {}

  lambda(): ParsedLambda {
    const head = this.peek();
    if (!this.isName(head, "lambda")) {
      fail("expected a lambda such as `lambda epoch: 0.95 ** epoch` (Paddle calls the value as a function)", head.start, this.textEnd() - head.start);
    }
    this.pos++;
    const p = this.peek();
    if (this.isOp(p, ":")) fail("the lambda needs exactly one parameter (Paddle calls it with the epoch), e.g. `lambda epoch: ...`", p.start, 1);
    if (this.isOp(p, "*") || this.isOp(p, "**")) fail("*args and **kwargs are not supported; use one parameter", p.start, p.end - p.start);
    if (p.kind !== "name" || KEYWORDS.has(p.text)) fail("expected the parameter name after `lambda`", p.start, p.end - p.start);
    this.param = p.text;
    this.pos++;
    const after = this.peek();
    if (this.isOp(after, ",")) fail("the lambda must take exactly one parameter (Paddle passes only the epoch)", after.start, 1);
    if (this.isOp(after, "=")) fail("default parameter values are not supported", after.start, 1);
    this.expectOp(":");
    const body = this.test();
    const rest = this.peek();
    if (rest.kind !== "end") fail(`unexpected ${describe(rest)} after the expression`, rest.start, rest.end - rest.start);
    return { param: this.param, body, nodes: this.nodes };
  }

  // test: or_test ['if' or_test 'else' test]
  private test(): ExprNode {
    const t = this.peek();
    if (this.isName(t, "lambda")) fail("nested lambdas are not supported", t.start, t.end - t.start);
    const body = this.orTest();
    if (!this.isName(this.peek(), "if")) return body;
    this.pos++;
    this.enter(t);
    const test = this.orTest();
    const elseTok = this.peek();
    if (!this.isName(elseTok, "else")) fail("expected `else` to complete `x if condition else y`", elseTok.start, elseTok.end - elseTok.start);
    this.pos++;
    const otherwise = this.test();
    this.leave();
    return this.node({ kind: "conditional", test, then: body, otherwise }, body.start, otherwise.end, [body, test, otherwise]);
  }

  private orTest(): ExprNode {
    return this.logical("or", () => this.andTest());
  }

  private andTest(): ExprNode {
    return this.logical("and", () => this.notTest());
  }

  private logical(op: "and" | "or", next: () => ExprNode): ExprNode {
    const first = next();
    if (!this.isName(this.peek(), op)) return first;
    const operands = [first];
    while (this.isName(this.peek(), op)) {
      this.pos++;
      operands.push(next());
    }
    return this.node({ kind: "logical", op, operands }, first.start, operands[operands.length - 1].end, operands);
  }

  private notTest(): ExprNode {
    const t = this.peek();
    if (!this.isName(t, "not")) return this.comparison();
    this.pos++;
    this.enter(t);
    const operand = this.notTest();
    this.leave();
    return this.node({ kind: "unary", op: "not", operand }, t.start, operand.end, [operand]);
  }

  private comparison(): ExprNode {
    const first = this.arith();
    const rest: { op: CompareOp; right: ExprNode }[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === "op" && COMPARE_OPS.has(t.text)) {
        this.pos++;
        rest.push({ op: (t as { text: string }).text as CompareOp, right: this.arith() });
      } else if (this.isName(t, "in") || this.isName(t, "is") || (this.isName(t, "not") && this.isName(this.peek(1), "in"))) {
        fail(`'${(t as { text: string }).text}' comparisons are not supported; compare numbers with < <= == != >= >`, t.start, t.end - t.start);
      } else break;
    }
    if (rest.length === 0) return first;
    const children = [first, ...rest.map((r) => r.right)];
    return this.node({ kind: "compare", first, rest }, first.start, children[children.length - 1].end, children);
  }

  private arith(): ExprNode {
    return this.leftAssoc(["+", "-"], () => this.term());
  }

  private term(): ExprNode {
    return this.leftAssoc(["*", "/", "//", "%"], () => this.factor());
  }

  private leftAssoc(ops: string[], next: () => ExprNode): ExprNode {
    let left = next();
    for (;;) {
      const t = this.peek();
      if (t.kind !== "op" || !ops.includes(t.text)) return left;
      const op = t.text as BinaryOp;
      this.pos++;
      const right = next();
      left = this.node({ kind: "binary", op, left, right }, left.start, right.end, [left, right]);
    }
  }

  // factor: ('+' | '-') factor | power
  private factor(): ExprNode {
    const t = this.peek();
    if (t.kind !== "op" || (t.text !== "-" && t.text !== "+")) return this.power();
    const op = t.text;
    this.pos++;
    this.enter(t);
    const operand = this.factor();
    this.leave();
    return this.node({ kind: "unary", op, operand }, t.start, operand.end, [operand]);
  }

  // power: primary ['**' factor]; right-associative and tighter than a unary minus on its left.
  private power(): ExprNode {
    const base = this.primary();
    const t = this.peek();
    if (!this.isOp(t, "**")) return base;
    this.pos++;
    this.enter(t);
    const exponent = this.factor();
    this.leave();
    return this.node({ kind: "binary", op: "**", left: base, right: exponent }, base.start, exponent.end, [base, exponent]);
  }

  private primary(): ExprNode {
    const atom = this.atom();
    const t = this.peek();
    if (this.isOp(t, "(")) fail("only math functions and max/min/abs/pow/int/float/round can be called", atom.start, t.end - atom.start);
    if (this.isOp(t, ".")) fail("attribute access is only allowed as math.<name>", t.start, this.peek(1).end - t.start);
    return atom;
  }

  private atom(): ExprNode {
    const t = this.peek();
    if (t.kind === "int" || t.kind === "float") {
      this.pos++;
      return this.node({ kind: "const", value: t.kind === "int" ? mkInt(t.value) : t.value }, t.start, t.end, []);
    }
    if (t.kind === "name") return nameAtom(this.nameContext(), t);
    if (this.isOp(t, "(")) {
      this.pos++;
      this.enter(t);
      if (this.isOp(this.peek(), ")")) fail("an empty tuple `()` is not a number", t.start, 2);
      const inner = this.test();
      const close = this.peek();
      if (this.isOp(close, ",")) fail("tuples are not supported", close.start, 1);
      this.expectOp(")", t);
      this.leave();
      return inner;
    }
    if (t.kind === "end") fail("unexpected end of the expression", t.start, 0);
    return fail(`unexpected ${describe(t)}`, t.start, t.end - t.start);
  }

  /** The parser's services that name resolution (`names.ts`) needs. */
  private nameContext() {
    return {
      param: this.param,
      peek: (ahead = 0) => this.peek(ahead),
      advance: (n = 1) => {
        this.pos += n;
      },
      enter: (t: Token) => this.enter(t),
      leave: () => this.leave(),
      test: () => this.test(),
      expectOp: (op: string, open?: Token) => this.expectOp(op, open),
      node: this.node.bind(this),
    };
  }

  private node(fields: NodeFields, start: number, end: number, children: ExprNode[]): ExprNode {
    let height = 1;
    for (const c of children) if (c.height + 1 > height) height = c.height + 1;
    if (height > this.limits.maxHeight) fail(`expression is too deeply chained (more than ${this.limits.maxHeight} levels)`, start, end - start);
    if (++this.nodes > this.limits.maxNodes) fail(`expression is too large (more than ${this.limits.maxNodes} operations)`, start, end - start);
    return { ...fields, start, end, height } as ExprNode;
  }

  /** Where the text ends (or where lexing stopped). */
  private textEnd(): number {
    return this.tokens[this.tokens.length - 1].start;
  }

  private enter(t: Token): void {
    if (++this.depth > this.limits.maxDepth) fail(`expression is nested too deeply (more than ${this.limits.maxDepth} levels)`, t.start, t.end - t.start);
  }

  private leave(): void {
    this.depth--;
  }

  private peek(ahead = 0): Token {
    const t = this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)];
    if (t.kind === "error") throw new ExprSyntaxError(t.error);
    return t;
  }

  private isName(t: Token | undefined, text: string): boolean {
    return t !== undefined && t.kind === "name" && t.text === text;
  }

  private isOp(t: Token | undefined, text: string): boolean {
    return t !== undefined && t.kind === "op" && t.text === text;
  }

  private expectOp(op: string, open?: Token): void {
    const t = this.peek();
    if (this.isOp(t, op)) {
      this.pos++;
      return;
    }
    if (t.kind === "end") fail(open ? `'${open.kind === "op" ? open.text : ""}' is never closed: expected '${op}'` : `expected '${op}' before the end`, open?.start ?? t.start, open ? open.end - open.start : 0);
    fail(`expected '${op}' but found ${describe(t)}`, t.start, t.end - t.start);
  }
}

/** Python's reserved words: none of them may name the parameter, and only a few are expression syntax here. */
export const KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(" "),
);

export function describe(t: Token): string {
  switch (t.kind) {
    case "end":
      return "end of the expression";
    case "name":
      return KEYWORDS.has(t.text) ? `keyword '${t.text}'` : `name '${t.text}'`;
    case "op":
      return `'${t.text}'`;
    case "int":
    case "float":
      return `number ${String(t.value)}`;
    case "error":
      return "an invalid character";
  }
}
