/** Step-by-step replay of a validated schedule through its live mirror, for classes whose curve is a recursion (bit-exact with Paddle's `step()` driving). */
import type { ValidatedNode } from "../definition";
import { PyRaise } from "./py-raise";
import type { SchedulerState } from "./state";
import { instantiate } from "./tree";

export class Replay {
  private state: SchedulerState;
  /** The curve index whose value `state.lastLr` holds; -1 after a raise (the next use restarts). */
  private idx = 0;

  constructor(private readonly node: ValidatedNode) {
    this.state = instantiate(node);
  }

  private restart(): void {
    this.state = instantiate(this.node);
    this.idx = 0;
  }

  private advance(): void {
    this.idx++;
    try {
      this.state.step();
    } catch (e) {
      if (e instanceof PyRaise) e.index = this.idx;
      this.idx = -1;
      throw e;
    }
  }

  /** Value at index i (replays from the start when i is behind the live state). */
  at(i: number): number {
    if (this.idx < 0 || i < this.idx) this.restart();
    while (this.idx < i) this.advance();
    return this.state.lastLr;
  }

  /** Consecutive values into `out` starting at `from`; no allocation per step. */
  fill(out: Float64Array, from: number): void {
    if (out.length === 0) return;
    out[0] = this.at(from);
    const state = this.state;
    for (let k = 1; k < out.length; k++) {
      this.advance();
      out[k] = state.lastLr;
    }
  }
}
