/** Tests for `# lrlens-disable...` directives, applied like ESLint's comments. */
import { describe, expect, it } from "vitest";
import { LineIndex } from "../../text/line-index";
import { isSuppressed, parseDirectives } from "./suppressions";

function directivesOf(text: string) {
  const comments: { text: string; span: { start: number } }[] = [];
  for (let i = text.indexOf("#"); i >= 0; i = text.indexOf("#", i + 1)) {
    const end = text.indexOf("\n", i);
    comments.push({ text: text.slice(i, end < 0 ? undefined : end), span: { start: i } });
    i = end < 0 ? text.length : end;
  }
  return parseDirectives(comments, new LineIndex(text));
}

const TEXT = [
  "a: 1", // 0
  "# lrlens-disable-next-line no-unit-mix, valid-gamma -- the DBNet example on purpose", // 1
  "b: 2", // 2
  "c: 3  # lrlens-disable-line", // 3
  "# lrlens-disable no-string-number", // 4
  "d: 4", // 5
  "# lrlens-enable no-string-number", // 6
  "e: 5", // 7
  "# lrlens-disable", // 8
  "f: 6", // 9
  "# lrlens-enable valid-gamma", // 10
  "g: 7", // 11
].join("\n");
const index = new LineIndex(TEXT);
const ds = directivesOf(TEXT);
const at = (line: number) => ({ offset: index.offset({ line, character: 0 }), line });
const silenced = (rule: string, line: number) => isSuppressed(ds, rule, at(line).offset, line);

describe("lrlens comment directives", () => {
  it("reads the rule list and ignores the -- reason", () => {
    expect(ds[0]).toMatchObject({ kind: "disable-next-line", rules: ["no-unit-mix", "valid-gamma"], line: 1 });
  });

  it("disable-next-line silences the listed rules on the next line only", () => {
    expect(silenced("no-unit-mix", 2)).toBe(true);
    expect(silenced("valid-gamma", 2)).toBe(true);
    expect(silenced("no-unit-mix", 0)).toBe(false);
    expect(silenced("no-rising-decay", 2)).toBe(false);
  });

  it("disable-line without rules silences every rule on its own line", () => {
    expect(silenced("anything", 3)).toBe(true);
    expect(silenced("anything", 2)).toBe(false);
  });

  it("a disable block runs until the matching enable", () => {
    expect(silenced("no-string-number", 5)).toBe(true);
    expect(silenced("no-string-number", 7)).toBe(false);
    expect(silenced("valid-gamma", 5)).toBe(false);
  });

  it("a disable of all rules is lifted rule by rule", () => {
    expect(silenced("valid-gamma", 9)).toBe(true);
    expect(silenced("no-string-number", 9)).toBe(true);
    expect(silenced("valid-gamma", 11)).toBe(false);
    expect(silenced("no-string-number", 11)).toBe(true);
  });

  it("ignores comments that only mention lrlens", () => {
    expect(directivesOf("# lrlens: steps-per-epoch=100\n# lrlens-disablex\n")).toEqual([]);
  });
});
