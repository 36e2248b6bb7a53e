import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, describeShared, sharedPath } from "../testing/shared";
import { yamlFiles } from "../testing/yaml-files";
import { parseConfigText } from "./parse";
import { newSectionCache, parseBySections, sectionStarts } from "./sectioned-parse";
import { DEFAULT_LIMITS, type ParsedFile } from "./types";

/** What a whole parse gives, for comparison (the text field is the same document either way). */
function expectSameParse(actual: ParsedFile, expected: ParsedFile): void {
  expect(actual.root).toEqual(expected.root);
  expect(actual.comments).toEqual(expected.comments);
  expect(actual.diagnostics).toEqual(expected.diagnostics);
  expect(actual.text).toBe(expected.text);
}

const CONFIG = `# A PaddleOCR config
Global:
  epoch_num: 500   # epochs
  use_gpu: true
Optimizer:
  name: Adam
  lr:
    name: Cosine
    learning_rate: 0.001
    warmup_epoch: 5
Train:
  dataset:
    name: SimpleDataSet
    label_file_list:
    - ./train_data/train_list.txt
    transforms:
      - DecodeImage: {img_mode: BGR,
          channel_first: false}
Eval:
  loader: {batch_size_per_card: 8}
`;

describe("sectioned parsing", () => {
  it("cuts a block map at its column-0 keys, the leading comment staying with the first section", () => {
    const starts = sectionStarts(CONFIG)!;
    expect(starts.map((s) => CONFIG.slice(s, CONFIG.indexOf("\n", s)))).toEqual(["# A PaddleOCR config", "Optimizer:", "Train:", "Eval:"]);
  });

  it("refuses texts a cut could change: anchors, aliases, document markers, a root that is not a block map", () => {
    expect(sectionStarts(`a: &x 1\nb: *x\n`)).toBeUndefined();
    expect(sectionStarts(`a: 1\n---\nb: 2\n`)).toBeUndefined();
    expect(sectionStarts(`- a\nb: 1\n`)).toBeUndefined();
    expect(sectionStarts(`%YAML 1.1\na: 1\nb: 2\n`)).toBeUndefined();
  });

  it("gives exactly the whole parse, and reuses unchanged sections across edits", () => {
    const cache = newSectionCache();
    let text = CONFIG;
    for (const value of ["0.002", "0.0005 # tuned", "1e-3", "[0.1,", "0.1]"]) {
      text = text.replace(/learning_rate: [^\n]*/, `learning_rate: ${value}`);
      expectSameParse(parseBySections("file:///c.yml", text, DEFAULT_LIMITS, cache, 0), parseConfigText("file:///c.yml", text, DEFAULT_LIMITS));
    }
    // The last edit is valid again: every section came from the cache except Optimizer's.
    const train = cache.sections.get(text.slice(text.indexOf("Train:"), text.indexOf("Eval:")));
    expect(train).toBeDefined();
    expect(parseBySections("file:///c.yml", text.replace("use_gpu: true", "use_gpu: false"), DEFAULT_LIMITS, cache, 0).root).toEqual(
      parseConfigText("file:///c.yml", text.replace("use_gpu: true", "use_gpu: false"), DEFAULT_LIMITS).root,
    );
    expect(cache.sections.get(text.slice(text.indexOf("Train:"), text.indexOf("Eval:")))).toBe(train);
  });

  it("stays equal to the whole parse through any sequence of keystrokes (inserts and deletes that move the sections below)", () => {
    const edit = fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 3 }), ins: fc.constantFrom("", "x", "1", " ", "\n", ":", "#", "  k: 2\n", "Z: 1\n", "[", "'") });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        const cache = newSectionCache();
        let text = CONFIG;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.ins + text.slice(at + e.del);
          expectSameParse(parseBySections("file:///c.yml", text, DEFAULT_LIMITS, cache, 0), parseConfigText("file:///c.yml", text, DEFAULT_LIMITS));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("falls back to the whole parse when a cut goes through a multi-line flow collection or quoted scalar, or a key repeats", () => {
    for (const text of [`a: [1,\nb: 2]\nc: 3\n`, `a: 'one\nb: two'\nc: 3\n`, `a: 1\nb: 2\na: 3\n`, `a: {x: 1,\ny: 2}\nb: 1\n`]) {
      expectSameParse(parseBySections("file:///c.yml", text, DEFAULT_LIMITS, newSectionCache(), 0), parseConfigText("file:///c.yml", text, DEFAULT_LIMITS));
    }
  });

  it("equals the whole parse on every fixture of the repository", () => {
    const files = yamlFiles(join(REPO_ROOT, "fixtures"));
    expect(files.length).toBeGreaterThan(20);
    for (const path of files) {
      const text = readFileSync(path, "utf8");
      expectSameParse(parseBySections(`file://${path}`, text, DEFAULT_LIMITS, newSectionCache(), 0), parseConfigText(`file://${path}`, text, DEFAULT_LIMITS));
    }
  });
});

describeShared("sectioned parsing on the real corpus", () => {
  it("equals the whole parse on every config of the four suites", () => {
    const files = yamlFiles(sharedPath("corpus"));
    expect(files.length).toBe(1760);
    let sectioned = 0;
    for (const path of files) {
      const text = readFileSync(path, "utf8");
      if (sectionStarts(text)) sectioned++;
      expectSameParse(parseBySections(`file://${path}`, text, DEFAULT_LIMITS, newSectionCache(), 0), parseConfigText(`file://${path}`, text, DEFAULT_LIMITS));
    }
    // Most real configs are eligible, so the comparison exercised the cut, not only the fallback.
    expect(sectioned).toBeGreaterThan(1000);
  });
});
