/**
 * Turns a resolved syntax tree into nested JavaScript closures (our own code, never `eval` or
 * `new Function`), so a curve of a million steps does not re-walk the tree's switch per node.
 * Every node visit spends one unit of the per-call budget.
 */
import type { ExprNode } from "./ast";
import { binary, compare, unary } from "./ops";
import { type PyVal, raise, truthy } from "./values";

export interface EvalState {
  /** The parameter's value for this call. */
  x: PyVal;
  /** Node visits left before the call is abandoned. */
  budget: number;
}

export type Evaluator = (s: EvalState) => PyVal;

function spend(s: EvalState): void {
  if (--s.budget < 0) raise("RuntimeError", "evaluation cost limit exceeded");
}

export function compileNode(n: ExprNode): Evaluator {
  switch (n.kind) {
    case "const": {
      const v = n.value;
      return (s) => {
        spend(s);
        return v;
      };
    }
    case "param":
      return (s) => {
        spend(s);
        return s.x;
      };
    case "unary": {
      const operand = compileNode(n.operand);
      const op = n.op;
      return (s) => {
        spend(s);
        return unary(op, operand(s));
      };
    }
    case "binary": {
      const left = compileNode(n.left);
      const right = compileNode(n.right);
      const op = n.op;
      return (s) => {
        spend(s);
        const a = left(s);
        return binary(op, a, right(s));
      };
    }
    case "compare": {
      const first = compileNode(n.first);
      const links = n.rest.map((r) => ({ op: r.op, right: compileNode(r.right) }));
      return (s) => {
        spend(s);
        let left = first(s);
        for (const link of links) {
          const right = link.right(s);
          if (!compare(link.op, left, right)) return false;
          left = right;
        }
        return true;
      };
    }
    case "logical": {
      const operands = n.operands.map(compileNode);
      const stopWhen = n.op === "or";
      return (s) => {
        spend(s);
        let v: PyVal = null;
        for (const operand of operands) {
          v = operand(s);
          // `or` returns the first truthy operand, `and` the first falsy one, else the last.
          if (truthy(v) === stopWhen) return v;
        }
        return v;
      };
    }
    case "conditional": {
      const test = compileNode(n.test);
      const then = compileNode(n.then);
      const otherwise = compileNode(n.otherwise);
      return (s) => {
        spend(s);
        return truthy(test(s)) ? then(s) : otherwise(s);
      };
    }
    case "call": {
      const args = n.args.map(compileNode);
      const fn = n.fn;
      return (s) => {
        spend(s);
        const values = args.map((a) => a(s));
        return fn.call(values);
      };
    }
  }
}
