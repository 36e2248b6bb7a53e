/** Exact rational checks for tests: whether a double is one nearest to a BigInt fraction (either side of a tie). */
import { exactRational, nextDown, nextUp } from "../../numeric/testing/exact";

/** |num/den − x| ≤ |num/den − y|, without rounding (den > 0). */
function closerOrEqual(num: bigint, den: bigint, x: number, y: number): boolean {
  const [xn, xd] = exactRational(x);
  const [yn, yd] = exactRational(y);
  const abs = (v: bigint) => (v < 0n ? -v : v);
  const dx = abs(num * xd - xn * den) * yd;
  const dy = abs(num * yd - yn * den) * xd;
  return dx <= dy;
}

/** True when `x` is a double nearest to num/den (den > 0): no neighbour of x is strictly closer. */
export function isNearestDouble(x: number, num: bigint, den: bigint): boolean {
  if (!Number.isFinite(x)) return false;
  return closerOrEqual(num, den, x, nextUp(x)) && closerOrEqual(num, den, x, nextDown(x));
}
