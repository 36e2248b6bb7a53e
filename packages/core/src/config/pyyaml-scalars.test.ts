/** The PyYAML 1.1 scalar resolution table (checked against PyYAML 6.0.3) and the YAML 1.2 readings it flags. */
import { describe, expect, it } from "vitest";
import type { PyValue } from "../schedulers/types";
import { parseConfigText } from "./parse";
import { resolvePlainScalar, resolveTaggedScalar } from "./pyyaml-scalars";

const int = (value: number): PyValue => ({ type: "int", value });
const float = (value: number): PyValue => ({ type: "float", value });
const str = (value: string): PyValue => ({ type: "str", value });
const bool = (value: boolean): PyValue => ({ type: "bool", value });
const none: PyValue = { type: "none" };

/**
 * What PyYAML 6.0.3 (`yaml.load(..., Loader=yaml.Loader)`, the suites' loader) returns for `a: <text>`,
 * and what a YAML 1.2 reader returns when that differs (undefined: both agree).
 */
const TABLE: [text: string, pyyaml: PyValue, yaml12?: PyValue][] = [
  // floats need a dot, and an exponent needs a sign
  ["1e-3", str("1e-3"), float(0.001)],
  ["1e+3", str("1e+3"), float(1000)],
  ["1.0e3", str("1.0e3"), float(1000)],
  ["1.0e-3", float(0.001)],
  ["1.0e+3", float(1000)],
  ["1.e+3", float(1000)],
  ["0.", float(0)],
  ["1.5", float(1.5)],
  [".5", float(0.5)],
  ["-.5", str("-.5"), float(-0.5)],
  ["1_000.5_5", float(1000.55), str("1_000.5_5")],
  ["1:30.5", float(90.5), str("1:30.5")],
  ["1:2:3.5e+3", str("1:2:3.5e+3")],
  [".inf", float(Infinity)],
  ["-.INF", float(-Infinity)],
  [".Inf", float(Infinity)],
  [".nan", float(NaN)],
  ["+.nan", str("+.nan")],
  ["._5", str("._5")],
  // ints: underscores, octal with a leading 0, hex, binary, base 60
  ["12", int(12)],
  ["-0", int(0)],
  ["1_000", int(1000), str("1_000")],
  ["1__", int(1), str("1__")],
  ["010", int(8), int(10)],
  ["00", int(0)],
  ["0_", int(0), str("0_")],
  ["08", str("08"), int(8)],
  ["0o17", str("0o17"), int(15)],
  ["0x1f", int(31)],
  ["0x_1F", int(31), str("0x_1F")],
  ["+0x1f", int(31), str("+0x1f")],
  ["0b101", int(5), str("0b101")],
  ["1:30", int(90), str("1:30")],
  ["190:20:30", int(685230), str("190:20:30")],
  ["12:60", str("12:60")],
  // bools: YAML 1.1 words, but never y/n
  ["yes", bool(true), str("yes")],
  ["No", bool(false), str("No")],
  ["ON", bool(true), str("ON")],
  ["off", bool(false), str("off")],
  ["True", bool(true)],
  ["FALSE", bool(false)],
  ["y", str("y")],
  ["n", str("n")],
  ["yEs", str("yEs")],
  // nulls
  ["~", none],
  ["null", none],
  ["NULL", none],
  ["", none],
  ["Null", none],
  ["nULL", str("nULL")],
];

describe("PyYAML 1.1 scalar resolution", () => {
  it.each(TABLE)("reads plain %j as PyYAML does, flagging a different YAML 1.2 reading", (text, pyyaml, yaml12) => {
    const r = resolvePlainScalar(text);
    expect(r.value).toEqual(pyyaml);
    expect(r.yaml12).toEqual(yaml12);
    expect(r.loadError).toBeUndefined();
  });

  it("keeps ints beyond 2^53 exact in `big`, with the nearest double in `value`", () => {
    expect(resolvePlainScalar("123456789012345678901234567890").value).toEqual({ type: "int", value: 1.2345678901234568e29, big: "123456789012345678901234567890" });
    expect(resolvePlainScalar("9007199254740993").value).toEqual({ type: "int", value: 9007199254740992, big: "9007199254740993" });
    expect(resolvePlainScalar("9007199254740992").value).toEqual({ type: "int", value: 9007199254740992 });
    expect(resolvePlainScalar("-0x20000000000001").value).toEqual({ type: "int", value: -9007199254740992, big: "-9007199254740993" });
  });

  it("reads dates and timestamps as Python datetime objects (a str for YAML 1.2)", () => {
    expect(resolvePlainScalar("2020-01-01")).toEqual({ value: { type: "other", pyType: "datetime.date" }, yaml12: str("2020-01-01") });
    expect(resolvePlainScalar("2001-12-14t21:59:43.10-05:00").value).toEqual({ type: "other", pyType: "datetime.datetime" });
  });

  it("reports the plain scalars PyYAML's constructor raises on", () => {
    expect(resolvePlainScalar("0b_").loadError).toMatch(/invalid literal for int/);
    expect(resolvePlainScalar("=").loadError).toMatch(/tag:yaml.org,2002:value/);
  });

  it("constructs explicitly tagged scalars without the implicit regexes", () => {
    expect(resolveTaggedScalar("tag:yaml.org,2002:float", "1e-3").value).toEqual(float(0.001));
    expect(resolveTaggedScalar("tag:yaml.org,2002:int", "0x1f").value).toEqual(int(31));
    expect(resolveTaggedScalar("tag:yaml.org,2002:str", "12").value).toEqual(str("12"));
    expect(resolveTaggedScalar("tag:yaml.org,2002:bool", "On").value).toEqual(bool(true));
    expect(resolveTaggedScalar("tag:yaml.org,2002:bool", "maybe").loadError).toBeDefined();
    expect(resolveTaggedScalar("!PiecewiseDecay", "5").value).toEqual(str("5"));
  });

  it("reads quoted and block scalars as str whatever they contain", () => {
    const f = parseConfigText("file:///s.yml", "a: '1e-3'\nb: \"10\"\nc: |\n  12\n");
    const values = f.root?.kind === "map" ? f.root.entries.map((e) => (e.value.kind === "scalar" ? [e.value.value, e.value.quoted, e.value.yaml12] : undefined)) : [];
    expect(values).toEqual([
      [str("1e-3"), true, undefined],
      [str("10"), true, undefined],
      [str("12\n"), false, undefined],
    ]);
  });

  it("resolves `!`-tagged scalars implicitly, even quoted ones, as PyYAML does (YAML 1.2 reads a str)", () => {
    const f = parseConfigText("file:///s.yml", "a: ! '12'\nb: ! yes\nc: ! text\n");
    const values = f.root?.kind === "map" ? f.root.entries.map((e) => (e.value.kind === "scalar" ? [e.value.value, e.value.yaml12] : undefined)) : [];
    expect(values).toEqual([
      [int(12), str("12")],
      [bool(true), str("yes")],
      [str("text"), undefined],
    ]);
  });

  it("resolves a multi-line plain scalar after folding, as PyYAML does", () => {
    const f = parseConfigText("file:///s.yml", "a: 1.0\n  e+3\n");
    expect(f.root?.kind === "map" && f.root.entries[0].value.kind === "scalar" && f.root.entries[0].value.value).toEqual(str("1.0 e+3"));
  });
});
