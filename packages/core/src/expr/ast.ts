/** The syntax tree of a supported lambda body; names are already resolved, so evaluation needs no lookups. */
import type { PyBuiltin } from "./builtins";
import type { BinaryOp, CompareOp, UnaryOp } from "./ops";
import type { PyVal } from "./values";

interface NodeBase {
  start: number;
  end: number;
  /** Height of the subtree (a leaf is 1): bounds the evaluator's recursion. */
  height: number;
}

export type ExprNode =
  | (NodeBase & { kind: "const"; value: PyVal })
  | (NodeBase & { kind: "param" })
  | (NodeBase & { kind: "unary"; op: UnaryOp; operand: ExprNode })
  | (NodeBase & { kind: "binary"; op: BinaryOp; left: ExprNode; right: ExprNode })
  /** `a < b <= c`: each middle operand is evaluated once, and evaluation stops at the first false link. */
  | (NodeBase & { kind: "compare"; first: ExprNode; rest: { op: CompareOp; right: ExprNode }[] })
  /** `a and b and c` / `a or b`: returns the deciding operand, not a bool. */
  | (NodeBase & { kind: "logical"; op: "and" | "or"; operands: ExprNode[] })
  | (NodeBase & { kind: "conditional"; test: ExprNode; then: ExprNode; otherwise: ExprNode })
  | (NodeBase & { kind: "call"; fn: PyBuiltin; args: ExprNode[] });

/** The fields of a node kind without its position and height, which the parser fills in. */
export type NodeFields = ExprNode extends infer N ? (N extends ExprNode ? Omit<N, "start" | "end" | "height"> : never) : never;
