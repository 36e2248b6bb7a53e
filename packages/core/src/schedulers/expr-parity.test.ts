import { expect, it } from "vitest";
import { compileLambda } from "../expr";
import { describeShared, readSharedJson } from "../testing/shared";
import { programProblems, statefulProblems, type VectorFile } from "./testing/vectors";
import type { PyFunction } from "./types";

/** The vectors' lambdas compiled from their Python text by `expr/` (instead of the hand-written stand-ins). */
function compiled(text: string): PyFunction {
  const r = compileLambda(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.fn;
}

describeShared("Paddle parity with lambdas compiled by expr/", () => {
  const data = readSharedJson<VectorFile>("reference/paddle-lr-vectors.json");
  const withFunctions = data.vectors.filter((v) => v.py_call.includes("lambda"));

  it("covers every function of the vectors' function table", () => {
    const used = new Set(withFunctions.flatMap((v) => Object.values(data.functions).filter((f) => v.py_call.includes(f.py)).map((f) => f.py)));
    expect([...used].sort()).toEqual(Object.values(data.functions).map((f) => f.py).sort());
  });

  for (const v of withFunctions) {
    it(`${v.id}: matches Paddle with the compiled lambda, stepped and as a program`, () => {
      expect(statefulProblems(v, compiled).slice(0, 5)).toEqual([]);
      if (v.drive === "step") expect(programProblems(v, compiled).slice(0, 5)).toEqual([]);
    });
  }
});
