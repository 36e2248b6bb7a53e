import { readFileSync } from "node:fs";
import fc from "fast-check";
import { expect, it } from "vitest";
import { build } from "../../schedulers";
import { describeShared, sharedPath } from "../../testing/shared";
import { paddleDialect } from "../paddle";
import { paddleclasDialect } from "../paddleclas";
import { paddleocrDialect } from "../paddleocr";
import { context, diskHost, loadText, yamlFiles } from "./testing/harness";

/** Values a half-typed or careless config holds where numbers, lists and names belong. */
const HOSTILE = ["1e-4", "'abc'", "[]", "{}", "[1, 2]", "-1", "0", "null", "true", "0.5", "1.0e+400", ".nan", "lambda x: x", "[a, b]", "{name: Cosine}", "Cosine", "LinearWarmup", "99999999999999999999", "!!str 3", "*", ""];

describeShared("our dialects on damaged real configs", () => {
  const texts = [...yamlFiles(sharedPath("corpus/PaddleOCR")), ...yamlFiles(sharedPath("corpus/PaddleClas"))]
    .map((f) => readFileSync(f, "utf8"))
    .filter((t) => /^Optimizer/m.test(t));

  it("never throw: every mutation of the LR section becomes schedules and diagnostics", () => {
    const edit = fc.record({ line: fc.nat(20), kind: fc.constantFrom("value", "delete", "append", "indent"), token: fc.constantFrom(...HOSTILE) });
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(edit, { minLength: 1, maxLength: 4 }), (which, edits) => {
        const lines = texts[which].split("\n");
        const start = Math.max(0, lines.findIndex((l) => /^Optimizer/.test(l)));
        for (const e of edits) {
          const i = Math.min(lines.length - 1, start + e.line);
          const m = /^(\s*[\w-]+:)\s*(.*)$/.exec(lines[i]);
          if (e.kind === "value" && m) lines[i] = `${m[1]} ${e.token}`;
          else if (e.kind === "delete") lines.splice(i, 1);
          else if (e.kind === "indent") lines[i] = ` ${lines[i]}`;
          else lines[i] = `${lines[i]} ${e.token}`;
        }
        const config = loadText(lines.join("\n"), "file:///fuzz/config.yml", diskHost());
        for (const dialect of [paddleocrDialect, paddleclasDialect, paddleDialect]) {
          const r = dialect.extract(context(config, { stepsPerEpoch: 50 }));
          for (const s of r.schedules) {
            expect(typeof s.kind).toBe("string");
            const b = s.spec ? build(s.spec) : undefined;
            if (b?.ok) b.program.curve(500);
          }
        }
      }),
      { numRuns: 400, seed: 20240611 },
    );
  });
});
