/** Tests of the tree access helpers: lookups, Python numeric semantics, truthiness and plain conversions. */
import { describe, expect, it } from "vitest";
import { asNumber, asString, entryOf, getPath, isMap, isScalar, isSeq, mapGet, pyTruthy, scalarValue, toPlain, toPyValue } from "./access";
import { parseConfigText } from "./parse";

const doc = parseConfigText(
  "file:///w/a.yml",
  [
    "Optimizer:",
    "  lr:",
    "    name: Cosine",
    "    learning_rate: 1e-3",
    "    warmup_epoch: 5",
    "    by_epoch: yes",
    "    eta_min: 0.0",
    "    end: ~",
    "schedulers: [!LinearWarmup {steps: 10}]",
    "__proto__: {polluted: true}",
    "",
  ].join("\n"),
).root;

describe("config access helpers", () => {
  it("look up keys and paths, with numbers indexing sequences", () => {
    expect(isMap(getPath(doc, ["Optimizer", "lr"]))).toBe(true);
    expect(getPath(doc, ["schedulers", 0, "steps"]) && asNumber(getPath(doc, ["schedulers", 0, "steps"]))).toBe(10);
    expect(entryOf(getPath(doc, ["Optimizer", "lr"]), "name")?.key).toBe("name");
    expect([getPath(doc, ["Optimizer", "nope", "x"]), getPath(doc, ["schedulers", 5]), mapGet(undefined, "a"), getPath(doc, ["Optimizer", 0])]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("read numbers with Python semantics: bools are ints, numeric-looking strings are not numbers", () => {
    const lr = getPath(doc, ["Optimizer", "lr"]);
    expect([asNumber(mapGet(lr, "warmup_epoch")), asNumber(mapGet(lr, "by_epoch")), asNumber(mapGet(lr, "eta_min")), asNumber(mapGet(lr, "learning_rate")), asNumber(mapGet(lr, "end"))]).toEqual([5, 1, 0, undefined, undefined]);
    expect([asString(mapGet(lr, "learning_rate")), asString(mapGet(lr, "warmup_epoch"))]).toEqual(["1e-3", undefined]);
    expect(scalarValue(mapGet(lr, "end"))).toEqual({ type: "none" });
    expect(scalarValue(lr)).toBeUndefined();
  });

  it("tell node kinds apart, also for missing nodes", () => {
    expect([isMap(doc), isSeq(mapGet(doc, "schedulers")), isScalar(getPath(doc, ["Optimizer", "lr", "name"])), isMap(undefined)]).toEqual([true, true, true, false]);
  });

  it("follow Python truthiness", () => {
    const t = parseConfigText("file:///w/t.yml", "a: 0\nb: ''\nc: []\nd: {}\ne: ~\nf: no\ng: 0.1\nh: x\ni: [0]\n").root;
    expect(["a", "b", "c", "d", "e", "f", "g", "h", "i"].map((k) => pyTruthy(mapGet(t, k)))).toEqual([false, false, false, false, false, false, true, true, true]);
  });

  it("convert to Python values and to plain data, tags written as {\"!Tag\": ...} and `__proto__` kept as data", () => {
    expect(toPyValue(mapGet(doc, "schedulers")!)).toEqual({ type: "list", items: [{ type: "dict", entries: [["steps", { type: "int", value: 10 }]] }] });
    const plain = toPlain(doc) as Record<string, unknown>;
    expect(plain.schedulers).toEqual([{ "!LinearWarmup": { steps: 10 } }]);
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.keys(plain)).toContain("__proto__");
    expect(toPlain(getPath(doc, ["Optimizer", "lr"]))).toEqual({ name: "Cosine", learning_rate: "1e-3", warmup_epoch: 5, by_epoch: true, eta_min: 0, end: null });
  });
});
