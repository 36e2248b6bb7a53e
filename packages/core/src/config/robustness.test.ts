/** Property test: damaged configs (cuts, inserts, deletes of nasty pieces) never make loading throw or fail internally. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../testing/shared";
import { toPlain, toPyValue } from "./access";
import { loadConfig } from "./load";
import { mapHost } from "./test-support/hosts";

const FIXTURES = join(REPO_ROOT, "fixtures", "config");
const seeds = readdirSync(FIXTURES)
  .filter((n) => n.endsWith(".yml"))
  .map((n) => readFileSync(join(FIXTURES, n), "utf8"));
seeds.push(readFileSync(join(FIXTURES, "inheritance", "det", "base-runtime.yml"), "utf8"));

/** Pieces that break YAML in interesting ways: brackets, aliases, tags, merge keys, documents, tabs, lone surrogates, inheritance. */
const NASTY = ["[", "]", "{", "}", "*a", "&a ", "!Foo ", "<<: ", "---\n", "\t", "\u0000", "\uD800", "'", '"', "|\n", "? ", "- ", ": ", "#", "\n  ", "%TAG ! tag:x,2000:\n", "!!int ", "&b [*b]", "_BASE_: ['./a.yml']\n", "_base_: 5\n", "\r\n", "\uFEFF"];

const edit = fc.oneof(
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), piece: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.nat({ max: 40 }) }),
);

function mutate(text: string, edits: { kind: "cut" | "insert" | "delete"; at: number; piece?: string; length?: number }[]): string {
  let t = text;
  for (const e of edits) {
    const at = e.at % (t.length + 1);
    if (e.kind === "cut") t = t.slice(0, at);
    else if (e.kind === "insert") t = t.slice(0, at) + e.piece + t.slice(at);
    else t = t.slice(0, at) + t.slice(at + (e.length ?? 0));
  }
  return t;
}

// A base that includes the analysed file back, so mutations can create cycles and self-inheritance.
const host = mapHost({ "file:///w/a.yml": "_BASE_: ['./doc.yml']\nepoch: 1\n", "file:///w/b.yml": "_base_: './doc.yml'\n" });

describe("loading damaged configs", () => {
  it("never throws and never reports an internal error, whatever the edit", () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 5 }), (seed, edits) => {
        const text = mutate(seed, edits);
        const c = loadConfig("file:///w/doc.yml", text, host);
        if (c.root) {
          toPlain(c.root);
          toPyValue(c.root);
        }
        for (const d of c.diagnostics) {
          expect(d.rule).not.toBe("internal-error");
          expect(d.span.start).toBeLessThanOrEqual(d.span.end);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 400, seed: 20240611 },
    );
  });
});
