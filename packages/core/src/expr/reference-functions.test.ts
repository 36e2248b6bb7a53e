import { expect, it } from "vitest";
import { describeShared, readSharedJson } from "../testing/shared";
import { compileLambda } from ".";
import { exactRational } from "../numeric/testing/exact";
import { isNearestDouble } from "./testing/rational";

interface FnRef {
  fn: string;
  py: string;
}
interface Vector {
  id: string;
  scheduler: string;
  params: Record<string, unknown>;
  steps: number;
  lr: number[];
  indices?: number[];
}
interface VectorFile {
  functions: Record<string, { py: string; js: string }>;
  vectors: Vector[];
}

/** Exact `base ** k` (k ≥ 0) as a fraction. */
function powFraction(base: number, k: number): [bigint, bigint] {
  const [n, d] = exactRational(base);
  return [n ** BigInt(k), d ** BigInt(k)];
}

/** 2^k for integral k by repeated exact doubling/halving (no reliance on Math.pow). */
function powerOfTwo(k: number): number {
  let v = 1;
  for (let i = 0; i < Math.abs(k); i++) v = k > 0 ? v * 2 : v / 2;
  return v;
}

type Expected = { value: number; isInt?: boolean } | { nearest: [bigint, bigint] };

/**
 * Our own statement of what each reference function returns at an integer epoch `e`, written from
 * Python's semantics (not by evaluating the file's `js` text): correctly rounded powers, IEEE
 * division, floor division on ints, `max` keeping its first maximal argument.
 */
const EXPECTED: Record<string, { param: string; at: (e: number) => Expected }> = {
  pow095: { param: "epoch", at: (e) => ({ nearest: powFraction(0.95, e) }) },
  inv_epoch: { param: "epoch", at: (e) => ({ value: 1 / (e + 1) }) },
  half_every10: { param: "epoch", at: (e) => ({ value: powerOfTwo(-Math.floor(e / 10)) }) },
  linear_to0_100: { param: "epoch", at: (e) => ({ value: e <= 100 ? 1 - e / 100 : 0 }) },
  cos_200: { param: "epoch", at: (e) => ({ value: 0.5 * (1 + Math.cos((Math.PI * e) / 200)) }) },
  const095: { param: "epoch", at: () => ({ value: 0.95 }) },
  x09_every10: { param: "epoch", at: (e) => ({ value: e % 10 === 0 ? 0.9 : 1.0 }) },
  harmonic: { param: "epoch", at: (e) => ({ value: 1 - 1 / (e + 10) }) },
  const1_int: { param: "epoch", at: () => ({ value: 1, isInt: true }) },
  scale_halving: { param: "x", at: (x) => ({ value: 1 / powerOfTwo(x - 1) }) },
  scale_pow0999: { param: "x", at: (x) => ({ nearest: powFraction(0.999, x) }) },
  scale_half: { param: "x", at: () => ({ value: 0.5 }) },
};

const compiled = new Map<string, ReturnType<typeof compileLambda> & { ok: true }>();

function compileRef(py: string) {
  const cached = compiled.get(py);
  if (cached) return cached;
  const r = compileLambda(py);
  if (!r.ok) throw new Error(`${py}: ${r.error.message}`);
  compiled.set(py, r);
  return r;
}

function valueOf(py: string, x: number, xIsInt = true): number {
  const v = compileRef(py).fn.call(x, xIsInt);
  if ("error" in v) throw new Error(`${py}(${x}): ${v.errorType}: ${v.error}`);
  return v.value;
}

describeShared("compileLambda on the reference vectors' functions", () => {
  const file = readSharedJson<VectorFile>("reference/paddle-lr-vectors.json");

  it("has an expectation for every function the reference file lists", () => {
    expect(Object.keys(file.functions).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [id, { py }] of Object.entries(file.functions)) {
    it(`${id} (${py}) gives the Python value at every epoch 0..300`, () => {
      const expected = EXPECTED[id];
      const compiled = compileRef(py);
      expect(compiled.param).toBe(expected.param);
      for (let e = 0; e <= 300; e++) {
        const got = compiled.fn.call(e);
        if ("error" in got) throw new Error(`${id}(${e}) raised ${got.errorType}: ${got.error}`);
        const want = expected.at(e);
        if ("nearest" in want) {
          expect(isNearestDouble(got.value, ...want.nearest), `${id}(${e}) = ${got.value}`).toBe(true);
          expect(got.isInt).toBe(false);
        } else {
          expect(got.value, `${id}(${e})`).toBe(want.value);
          expect(got.isInt, `${id}(${e}) int-ness`).toBe(want.isInt ?? false);
        }
      }
    });
  }

  // Paddle's own numbers: LambdaDecay is base_lr * f(epoch); MultiplicativeDecay multiplies f(1..epoch) into base_lr.
  const withFunctions = file.vectors.filter((v) => ["LambdaDecay", "MultiplicativeDecay", "CyclicLR"].includes(v.scheduler));

  it("reproduces every LambdaDecay vector as base_lr * f(epoch), bit for bit except through math.cos", () => {
    const vectors = withFunctions.filter((v) => v.scheduler === "LambdaDecay");
    expect(vectors.length).toBeGreaterThanOrEqual(6);
    for (const v of vectors) {
      const { py } = v.params.lr_lambda as FnRef;
      const base = v.params.learning_rate as number;
      const start = ((v.params.last_epoch as number | undefined) ?? -1) + 1;
      const peak = Math.max(...v.lr.map(Math.abs));
      v.lr.forEach((lr, k) => {
        const epoch = start + (v.indices ? v.indices[k] : k);
        const got = base * valueOf(py, epoch);
        if (py.includes("math.cos")) expect(Math.abs(got - lr), `${v.id}[${epoch}]`).toBeLessThanOrEqual(1e-13 * peak);
        else expect(got, `${v.id}[${epoch}]`).toBe(lr);
      });
    }
  });

  it("reproduces every MultiplicativeDecay vector as the running product of f(1..epoch), bit for bit", () => {
    const vectors = withFunctions.filter((v) => v.scheduler === "MultiplicativeDecay");
    expect(vectors.length).toBeGreaterThanOrEqual(5);
    for (const v of vectors) {
      const { py } = v.params.lr_lambda as FnRef;
      const start = ((v.params.last_epoch as number | undefined) ?? -1) + 1;
      const wanted = new Map<number, number>(v.lr.map((lr, k) => [start + (v.indices ? v.indices[k] : k), lr]));
      let lr = v.params.learning_rate as number;
      for (let epoch = 0; epoch <= start + v.steps; epoch++) {
        if (epoch > 0) lr *= valueOf(py, epoch);
        if (wanted.has(epoch)) expect(lr, `${v.id}[${epoch}]`).toBe(wanted.get(epoch));
      }
    }
  });

  it("reproduces every CyclicLR vector with a scale_fn, passing the cycle as a float and iterations as an int", () => {
    const vectors = withFunctions.filter((v) => v.scheduler === "CyclicLR" && v.params.scale_fn);
    expect(vectors.length).toBeGreaterThanOrEqual(3);
    for (const v of vectors) {
      const p = v.params as Record<string, number | string | FnRef>;
      const up = p.step_size_up as number;
      const down = (p.step_size_down as number | undefined) ?? up;
      const amplitude = (p.max_learning_rate as number) - (p.base_learning_rate as number);
      const cycleSize = up + down;
      const upPct = up / cycleSize;
      const byIterations = p.scale_mode === "iterations";
      v.lr.forEach((lr, t) => {
        // lr.py: cycle = 1 + t // cycle_size (a float), pct = 1.0 + t / cycle_size - cycle.
        const cycle = 1 + Math.floor(t / cycleSize);
        const pct = 1.0 + t / cycleSize - cycle;
        const scale = pct <= upPct ? pct / upPct : (1 - pct) / (1 - upPct);
        const factor = byIterations ? valueOf((p.scale_fn as FnRef).py, t, true) : valueOf((p.scale_fn as FnRef).py, cycle, false);
        expect((p.base_learning_rate as number) + amplitude * scale * factor, `${v.id}[${t}]`).toBe(lr);
      });
    }
  });
});
