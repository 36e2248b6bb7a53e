/**
 * Resolves the names a lambda may use (its parameter, True/False/None, `math.<member>`, the allowed
 * builtins and their calls) while parsing; every other name or attribute is rejected with its position.
 */
import type { ExprNode, NodeFields } from "./ast";
import { BUILTIN_NAMES, type PyBuiltin, lookupBuiltin, lookupMathConstant, lookupMathFunction, MATH_NAMES } from "./builtins";
import { type Token, fail } from "./tokenizer";

export interface NameContext {
  param: string;
  peek(ahead?: number): Token;
  advance(n?: number): void;
  enter(t: Token): void;
  leave(): void;
  test(): ExprNode;
  expectOp(op: string, open?: Token): void;
  node(fields: NodeFields, start: number, end: number, children: ExprNode[]): ExprNode;
}

const CONSTANTS: Record<string, boolean | null> = { True: true, False: false, None: null };
const RESERVED = new Set(
  "and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(" "),
);

export function nameAtom(ctx: NameContext, t: Token & { kind: "name" }): ExprNode {
  const name = t.text;
  if (name === ctx.param) {
    ctx.advance();
    return ctx.node({ kind: "param" }, t.start, t.end, []);
  }
  if (Object.hasOwn(CONSTANTS, name)) {
    ctx.advance();
    return ctx.node({ kind: "const", value: CONSTANTS[name] }, t.start, t.end, []);
  }
  if (name === "lambda") fail("nested lambdas are not supported", t.start, t.end - t.start);
  if (RESERVED.has(name)) fail(`'${name}' is not supported in a lambda expression`, t.start, t.end - t.start);
  if (name === "math") return mathMember(ctx, t);
  const builtin = lookupBuiltin(name);
  if (builtin) {
    ctx.advance();
    return callOf(ctx, builtin, t);
  }
  if (name.startsWith("__")) fail(`'${name}' is not allowed: a lambda here can only compute a number`, t.start, t.end - t.start);
  return fail(
    `unknown name '${name}': a lambda may use only its parameter '${ctx.param}', numbers, True/False/None, math.<name> and ${BUILTIN_NAMES.join("/")}`,
    t.start,
    t.end - t.start,
  );
}

function mathMember(ctx: NameContext, t: Token): ExprNode {
  const dot = ctx.peek(1);
  if (dot.kind !== "op" || dot.text !== ".") fail("`math` can only be used as math.<name>, e.g. math.pi or math.cos(x)", t.start, t.end - t.start);
  const attr = ctx.peek(2);
  if (attr.kind !== "name") fail("expected a name after `math.`", dot.start, attr.end - dot.start);
  const span = attr.end - attr.start;
  if (attr.text.startsWith("_")) fail(`math.${attr.text} is not allowed: only math's numeric functions and constants`, attr.start, span);
  const constant = lookupMathConstant(attr.text);
  if (constant !== undefined) {
    ctx.advance(3);
    return ctx.node({ kind: "const", value: constant }, t.start, attr.end, []);
  }
  const fn = lookupMathFunction(attr.text);
  if (!fn) fail(`math.${attr.text} is not available; supported: ${MATH_NAMES.map((n) => `math.${n}`).join(", ")}`, attr.start, span);
  ctx.advance(3);
  return callOf(ctx, fn, t);
}

/** `name(arg, ...)` right after a callable name: positional arguments only, a trailing comma allowed. */
function callOf(ctx: NameContext, fn: PyBuiltin, first: Token): ExprNode {
  const open = ctx.peek();
  if (open.kind !== "op" || open.text !== "(") fail(`${fn.name} must be called, e.g. ${fn.name}(...)`, first.start, open.start - first.start);
  ctx.advance();
  ctx.enter(open);
  const args: ExprNode[] = [];
  for (;;) {
    const a = ctx.peek();
    if (a.kind === "op" && a.text === ")") break;
    if (a.kind === "op" && (a.text === "*" || a.text === "**")) fail("argument unpacking (*args, **kwargs) is not supported", a.start, a.end - a.start);
    const next = ctx.peek(1);
    if (a.kind === "name" && next.kind === "op" && next.text === "=") fail("keyword arguments are not supported", a.start, next.end - a.start);
    args.push(ctx.test());
    const sep = ctx.peek();
    if (sep.kind === "op" && sep.text === ",") ctx.advance();
    else break;
  }
  const close = ctx.peek();
  ctx.expectOp(")", open);
  ctx.leave();
  if (fn.name === "pow" && args.length === 3) fail("pow() with a modulus (third argument) is not supported", first.start, close.end - first.start);
  return ctx.node({ kind: "call", fn, args }, first.start, close.end, args);
}
