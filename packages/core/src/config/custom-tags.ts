/**
 * Declares every tag a document uses (`!PiecewiseDecay`, `!COCODataSet`, `!!int`, ...) to `yaml` as a
 * custom tag for mappings, sequences and scalars, so none is an "unresolved tag" and every tagged node
 * keeps its structure. PaddleDetection registers dozens of classes as tags and any of them may appear;
 * the names come from the document's own syntax tree, so the set is exact and needs no upkeep.
 */
import type { CollectionTag, ScalarTag } from "yaml";

/** Tags the failsafe schema already knows (everything is a map, a seq or a str there). */
const FAILSAFE = new Set(["tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:str", "!"]);

/** Scalars keep their source text: PyYAML typing is applied afterwards (`pyyaml-scalars.ts`). */
const keepText = (value: string): string => value;

export function customTagsFor(names: Iterable<string | undefined>): (CollectionTag | ScalarTag)[] {
  const tags: (CollectionTag | ScalarTag)[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (name === undefined || FAILSAFE.has(name) || seen.has(name)) continue;
    seen.add(name);
    tags.push({ tag: name, collection: "map" }, { tag: name, collection: "seq" }, { tag: name, resolve: keepText });
  }
  return tags;
}

/** The tag a ConfigNode records: local `!Foo` → `Foo`; YAML's core types → none (they only set the type); others in full. */
export function recordedTag(name: string | null | undefined): string | undefined {
  if (!name || name === "!") return undefined;
  if (name.startsWith("!")) return name.slice(1);
  if (/^tag:yaml\.org,2002:(?:str|int|float|bool|null|map|seq)$/.test(name)) return undefined;
  return name;
}
