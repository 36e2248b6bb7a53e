/**
 * Real-looking configs of every dialect (`fixtures/rules/<dialect>/*.yml`) linted end to end with
 * all rules at their defaults. Each expected diagnostic is written in the file itself as a comment
 * line of carets under the code line it belongs to: `#      ^^^^^^ rule-id severity`; the test
 * asserts that exactly those diagnostics come out (a finding located in a `_BASE_` file is annotated
 * there).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeDocument } from "../analysis/analyze";
import type { Host } from "../config/types";
import { REPO_ROOT } from "../testing/shared";
import { lint } from "./index";

const ROOT = join(REPO_ROOT, "fixtures", "rules");

const host: Host = {
  readFile(uri) {
    try {
      return readFileSync(fileURLToPath(uri), "utf8");
    } catch {
      return undefined;
    }
  },
};

/** Fixture configs, skipping `_base_` folders (their content is checked through the configs that inherit it). */
function fixtures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === "_base_" ? [] : fixtures(p);
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

/** `line:start-end rule severity` for each caret comment (the carets' columns under the nearest code line above). */
function expectedFromCarets(text: string): string[] {
  const out: string[] = [];
  let code = -1;
  text.split("\n").forEach((line, i) => {
    const m = /^(\s*#\s*)(\^+)\s+([a-z0-9-]+)\s+(error|warning|information|hint)\s*$/.exec(line);
    if (!m) {
      code = i;
      return;
    }
    const start = m[1].length;
    out.push(`${code}:${start}-${start + m[2].length} ${m[3]} ${m[4]}`);
  });
  return out.sort();
}

describe("fixtures/rules", () => {
  const files = fixtures(ROOT);

  it("has configs of every dialect", () => {
    const dialects = new Set(files.map((f) => f.slice(ROOT.length + 1).split("/")[0]));
    expect([...dialects].sort()).toEqual(["paddle", "paddleclas", "paddledet", "paddleocr", "paddleseg"]);
  });

  for (const file of files) {
    it(`${file.slice(ROOT.length + 1)} gets exactly the diagnostics its carets show`, () => {
      const text = readFileSync(file, "utf8");
      const uri = pathToFileURL(file).href;
      const analysis = analyzeDocument(uri, text, host);
      expect(analysis.dialect, "dialect").toBe(file.slice(ROOT.length + 1).split("/")[0]);
      const rel = (u: string) => fileURLToPath(u).slice(ROOT.length + 1);
      const got = lint(analysis).map((d) => {
        expect(d.range.start.line, `${d.rule} spans one line`).toBe(d.range.end.line);
        return `${rel(d.uri)}:${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.rule} ${d.severity}`;
      });
      // Carets in the config and in the `_BASE_` files it reads (for findings located there).
      const expected = [...analysis.config.files.keys(), uri].filter((u, i, all) => all.indexOf(u) === i).flatMap((u) => expectedFromCarets(u === uri ? text : readFileSync(fileURLToPath(u), "utf8")).map((e) => `${rel(u)}:${e}`));
      expect(got.sort()).toEqual(expected.sort());
    });
  }
});
