/**
 * CosineAnnealingWarmRestarts' cycle bookkeeping (T_cur, T_i) for both of Paddle's paths: the
 * counter that `step()` advances, and `step(epoch)`'s float-log formula, whose rounding (e.g.
 * `math.log(243, 3) = 4.999999999999999`) puts some exact restarts in the previous cycle.
 */
import { pyPow } from "../numeric/pow";
import { regularIndices } from "./engine/form";
import { mathLog } from "./engine/py-ops";

export interface CycleState {
  tCur: number;
  tI: number;
}

/** `step(epoch)`'s assignment of T_cur and T_i (epoch ≥ 0), with glibc's log. `prevTi` is kept when T_mult is 1, as Paddle does. */
export function explicitCycle(epoch: number, t0: number, mult: number, prevTi: number): CycleState {
  if (epoch >= t0) {
    if (mult === 1) return { tCur: epoch % t0, tI: prevTi };
    const n = Math.trunc(mathLog((epoch / t0) * (mult - 1) + 1, null) / mathLog(mult, null));
    const mn = pyPow(mult, n);
    return { tCur: epoch - (t0 * (mn - 1)) / (mult - 1), tI: t0 * mn };
  }
  return { tCur: epoch, tI: t0 };
}

/**
 * The counter path as a closed form. From a normal state (T_cur < T_i) at index i0, the counter
 * walks through cycles of length T_i, T_i·m, ...; a resume can start abnormal (T_cur ≥ T_i), where
 * each step subtracts T_i once, which is handled before (m = 1 analytically, m > 1 in ≤ ~60 steps).
 */
export class CounterCycles {
  /** States of the abnormal prefix (index i → prefix[i]) for T_mult > 1. */
  private readonly prefix: CycleState[] = [];
  /** T_mult = 1 abnormal prefix: T_cur(i) = c0 − i·(T_0 − 1) for i < linearEnd. */
  private linearEnd = 0;
  private readonly c0: number;
  /** Index and state from which the counter is normal; Infinity when it never is (T_0 = T_mult = 1 after a resume). */
  private readonly normalAt: number;
  private readonly normal: CycleState;

  constructor(
    private readonly t0: number,
    private readonly mult: number,
    initial: CycleState,
  ) {
    this.c0 = initial.tCur;
    let s = { ...initial };
    let i = 0;
    if (s.tCur >= s.tI && mult === 1) {
      if (s.tI === 1) {
        this.normalAt = Infinity;
        this.normal = s;
        return;
      }
      i = Math.ceil((s.tCur - s.tI + 1) / (s.tI - 1));
      this.linearEnd = i;
      s = { tCur: s.tCur - i * (s.tI - 1), tI: s.tI };
    } else {
      while (s.tCur >= s.tI) {
        this.prefix.push({ ...s });
        s = CounterCycles.advance(s, mult);
        i++;
      }
    }
    this.normalAt = i;
    this.normal = s;
  }

  /** One `step()` of Paddle's counter: T_cur += 1, and one restart when it reaches T_i. */
  static advance(s: CycleState, mult: number): CycleState {
    let tCur = s.tCur + 1;
    let tI = s.tI;
    if (tCur >= tI) {
      tCur -= tI;
      tI *= mult;
    }
    return { tCur, tI };
  }

  /** The state after `i` steps from the initial one. */
  at(i: number): CycleState {
    if (i < this.normalAt) {
      if (this.normalAt === Infinity) return this.normal;
      if (this.mult === 1) return { tCur: this.c0 - i * (this.normal.tI - 1), tI: this.normal.tI };
      return this.prefix[i];
    }
    let d = i - this.normalAt;
    let { tCur, tI } = this.normal;
    if (this.mult === 1) return { tCur: (tCur + d) % tI, tI };
    while (tCur + d >= tI) {
      d -= tI - tCur;
      tCur = 0;
      tI *= this.mult;
    }
    return { tCur: tCur + d, tI };
  }

  /** Indices of cycle starts (T_cur = 0) in [lo, hi], at most `limit` from each end of the range. */
  restarts(lo: number, hi: number, limit: number): number[] {
    const out: number[] = [];
    if (this.normalAt === Infinity || hi < this.normalAt) return out;
    const from = Math.max(lo, this.normalAt);
    if (this.mult === 1) {
      const tI = this.normal.tI;
      const firstStart = this.normalAt + ((tI - this.normal.tCur) % tI);
      return regularIndices(firstStart, tI, from, hi, limit, limit);
    }
    let idx = this.normalAt + (this.normal.tCur === 0 ? 0 : this.normal.tI - this.normal.tCur);
    let tI = this.normal.tCur === 0 ? this.normal.tI : this.normal.tI * this.mult;
    while (idx <= hi) {
      if (idx >= from) out.push(idx);
      idx += tI;
      tI *= this.mult;
    }
    return out;
  }
}

/** Epochs where `step(epoch)` lands on a cycle start in exact arithmetic (T_0·(m^n − 1)/(m − 1)) within [lo, hi]. */
export function explicitRestarts(t0: number, mult: number, lo: number, hi: number, limit: number): number[] {
  const out: number[] = [];
  if (mult === 1) return regularIndices(t0, t0, lo, hi, limit, limit);
  let tI = t0;
  for (let s = t0; s <= hi; s += tI) {
    tI *= mult;
    if (s >= lo) out.push(s);
  }
  return out;
}
