import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeDocument } from "../analysis/analyze";
import type { Host } from "../config/types";
import { lint } from "../rules";
import { documentDiagnostics } from "./diagnostics";
import { FIXTURES } from "./testing/fixtures";

describe("documentDiagnostics", () => {
  it("pins a finding inside a _BASE_ file to the item that brings it in, pointing back at the base", () => {
    const leaf = join(FIXTURES, "paddledet/faster_rcnn_12e.yml");
    const base = join(FIXTURES, "paddledet/_base_/optimizer_12e.yml");
    const files = new Map([
      [pathToFileURL(leaf).href, readFileSync(leaf, "utf8")],
      [pathToFileURL(base).href, readFileSync(base, "utf8").replace("[8, 11]", "[8, 11, 30]")],
      [pathToFileURL(join(FIXTURES, "paddledet/_base_/runtime.yml")).href, "use_gpu: true\n"],
    ]);
    const host: Host = { readFile: (uri) => files.get(uri) };
    const a = analyzeDocument(pathToFileURL(leaf).href, files.get(pathToFileURL(leaf).href)!, host);
    const raw = lint(a).find((d) => d.rule === "no-unreachable-milestones")!;
    expect(raw.uri).toBe(pathToFileURL(base).href);
    const shown = documentDiagnostics(a, lint(a)).find((d) => d.rule === "no-unreachable-milestones")!;
    expect(shown.uri).toBe(a.uri);
    expect(a.text.slice(shown.span.start, shown.span.end)).toBe("'_base_/optimizer_12e.yml'");
    expect(shown.message.startsWith("In optimizer_12e.yml: ")).toBe(true);
    expect(shown.related?.[0]).toMatchObject({ uri: raw.uri, span: raw.span });
    expect(shown.range.start.line).toBe(4);
  });
});
