/**
 * No code is ever made from data: the shipped bundles (server, CLI, extension, webview script)
 * contain no `eval(`, `new Function`, `Function(`, and no `require(` / `import(` of a computed
 * name. A finding is allowed only by an exact, content-anchored entry in `ALLOWED` (the text
 * around it, never a line number), each saying why the vetted dependency needs it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./harness";

interface Finding {
  bundle: string;
  what: string;
  /** Up to 60 characters either side: what an `ALLOWED` entry must match exactly. */
  context: string;
}

interface Allowed {
  /** Bundle file name (`server.js`, `cli.js`, `extension.js`, `preview.js`). */
  bundle: string;
  /** A piece of the finding's context, long enough to be unique to that one place. */
  anchor: string;
  why: string;
}

/**
 * Vetted exceptions. Empty today: esbuild bundles every dependency with literal requires, and none
 * of ours (vscode-languageserver/-client, yaml, commander, picocolors, tinyglobby) evaluates code.
 * Adding one needs a reason a reviewer can check, e.g.
 * `{ bundle: "cli.js", anchor: "some-dep: new Function(\"return this\")", why: "some-dep's globalThis polyfill; constant text, no input" }`.
 */
const ALLOWED: Allowed[] = [];

/** Calls that turn text into code; comments and string contents are scanned too (a false alarm is cheap, a miss is not). */
const PATTERNS: [string, RegExp][] = [
  ["eval(", /(?<![.\w$])eval\s*\(/g],
  ["indirect eval", /\(\s*0\s*,\s*eval\s*\)/g],
  ["new Function", /\bnew\s+Function\b/g],
  ["Function(", /(?<![.\w$])(?<!new\s+)Function\s*\(/g],
  ["require of a computed name", /(?<![.\w$])require\s*\(\s*(?!["'`][^"'`$]*["'`]\s*\))/g],
  ["import() of a computed name", /(?<![.\w$])import\s*\(\s*(?!["'`][^"'`$]*["'`]\s*\))/g],
];

/** Every dangerous call in `source`, less the allowed ones. */
function scanBundle(bundle: string, source: string, allowed: readonly Allowed[] = ALLOWED): Finding[] {
  const out: Finding[] = [];
  for (const [what, re] of PATTERNS) {
    for (const m of source.matchAll(re)) {
      const at = m.index ?? 0;
      const context = source.slice(Math.max(0, at - 60), at + m[0].length + 60);
      if (allowed.some((a) => a.bundle === bundle && context.includes(a.anchor))) continue;
      out.push({ bundle, what, context });
    }
  }
  return out;
}

const BUNDLES = [
  join(REPO_ROOT, "packages/lsp/dist/server.js"),
  join(REPO_ROOT, "packages/cli/dist/cli.js"),
  ...["packages/vscode-ext/dist", "packages/vscode-ext/dist/media"].flatMap((dir) => {
    const abs = join(REPO_ROOT, dir);
    return existsSync(abs) ? readdirSync(abs).filter((f) => f.endsWith(".js")).map((f) => join(abs, f)) : [];
  }),
];

describe("the scanner itself", () => {
  it("catches eval, Function and computed requires in a synthetic snippet of our code", () => {
    const snippet = 'const a = eval(x); const f = new Function("a", body); const g = Function(body); const m = require(name); const n = require(`./${x}`); const i = import(spec); (0, eval)(y);';
    expect(scanBundle("snippet.js", snippet).map((f) => f.what)).toEqual(["eval(", "indirect eval", "new Function", "Function(", "require of a computed name", "require of a computed name", "import() of a computed name"]);
  });

  it("leaves literal requires, method calls and look-alike names alone", () => {
    const snippet = 'require("./server"); import("vscode"); obj.eval(x); callFunction(f); function __require(id) {} evaluate(x); lookupMathFunction(n);';
    expect(scanBundle("snippet.js", snippet)).toEqual([]);
  });

  it("allows a finding only where an entry's anchor matches its own text, in its own bundle", () => {
    const snippet = `vendor(); var g = new Function("return this")(); ${"other();".repeat(20)} var h = new Function(userText);`;
    const allowed = [{ bundle: "x.js", anchor: 'g = new Function("return this")', why: "a globalThis polyfill with constant text" }];
    expect(scanBundle("x.js", snippet, allowed).map((f) => f.context)).toEqual([expect.stringContaining("new Function(userText)")]);
    expect(scanBundle("y.js", snippet, allowed)).toHaveLength(2);
  });
});

describe("the built bundles", () => {
  const built = BUNDLES.filter((b) => existsSync(b));
  for (const missing of BUNDLES.filter((b) => !existsSync(b))) console.warn(`[lrlens] SKIPPED scanning ${missing}: not built (node esbuild.mjs <target>)`);
  if (built.length === 0) it.todo("scan the bundles (none is built)");
  it.each(built.map((b) => [b.slice(REPO_ROOT.length + 1), b]))("%s evaluates no code made from data", (_, path) => {
    const source = readFileSync(path, "utf8");
    expect(source.length).toBeGreaterThan(1000);
    expect(scanBundle(path.split("/").pop()!, source)).toEqual([]);
  });
});
