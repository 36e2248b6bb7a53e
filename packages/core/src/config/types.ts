/**
 * A loaded config as the suites' PyYAML sees it: a tree of maps, sequences and Python-typed
 * scalars, where every node remembers the file and span it came from (so inheritance can merge
 * files and a diagnostic can still point into the base file a value came from).
 */
import type { Diagnostic } from "../model/diagnostics";
import type { Span } from "../model/positions";
import type { PyValue } from "../schedulers/types";

export type ConfigNode = ConfigMap | ConfigSeq | ConfigScalar;

interface NodeBase {
  /** The node's own text (for a map or sequence: the whole block). */
  span: Span;
  /** Custom tag without the `!`, e.g. `PiecewiseDecay` for `!PiecewiseDecay {...}`. */
  tag?: string;
  /** Where the tag is written (`!PiecewiseDecay`, with the `!`); `span` itself starts after the tag and anchor. */
  tagSpan?: Span;
}

export interface ConfigEntry {
  key: string;
  keySpan: Span;
  value: ConfigNode;
}

export interface ConfigMap extends NodeBase {
  kind: "map";
  /** In document order; after a merge, overriding entries replace in place and new ones are appended. */
  entries: ConfigEntry[];
}

export interface ConfigSeq extends NodeBase {
  kind: "seq";
  items: ConfigNode[];
}

export interface ConfigScalar extends NodeBase {
  kind: "scalar";
  /** The value as PyYAML (YAML 1.1) resolves it: `1e-3` is a str, `1.0e-3` a float, `yes` a bool, `010` an octal int. */
  value: PyValue;
  /** The source text of the scalar (without quotes for quoted scalars: see `quoted`). */
  text: string;
  quoted: boolean;
  /** Set when YAML 1.2 (and most editors, JSON and Python's `float()`) would read this scalar differently. */
  yaml12?: PyValue;
}

/** How the editor/CLI gives the core access to other files. Synchronous; never throws. */
export interface Host {
  /** File text, or undefined when it does not exist, is not a regular file, is too large, or may not be read. */
  readFile(uri: string): string | undefined;
  /** Whether `uri` may be read (inside a workspace root, or outside reading allowed). Default: yes. */
  mayRead?(uri: string): boolean;
  /** Entries of a directory (names only), for dataset inference (image folders). */
  listDir?(uri: string): string[] | undefined;
}

export interface Limits {
  /** Max characters of a document we analyse at all. */
  maxDocumentChars: number;
  /** `yaml`'s maxAliasCount (alias-bomb protection). */
  maxAliasCount: number;
  maxNestingDepth: number;
  /** Max items of one sequence we read into a schedule (milestones, boundaries, values). */
  maxListLength: number;
  /** Inheritance chain depth and total number of files. */
  maxInheritanceDepth: number;
  maxInheritanceFiles: number;
  /** Max training/schedule horizon in steps we evaluate densely; beyond it only analytic sampling is used. */
  maxDenseSteps: number;
  /** Largest horizon we accept at all (1e12 must work through analytic sampling). */
  maxHorizon: number;
  /** Lambda expression: max source length and max evaluation steps per call. */
  maxLambdaChars: number;
  maxLambdaCost: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDocumentChars: 2_000_000,
  maxAliasCount: 100,
  maxNestingDepth: 64,
  maxListLength: 100_000,
  maxInheritanceDepth: 32,
  maxInheritanceFiles: 64,
  maxDenseSteps: 5_000_000,
  maxHorizon: 1e15,
  maxLambdaChars: 2_000,
  maxLambdaCost: 10_000,
};

/** Whether two limit sets are equal field by field (a parse made under one may be reused under the other). */
export function sameLimits(a: Limits, b: Limits): boolean {
  return (Object.keys(b) as (keyof Limits)[]).every((k) => a[k] === b[k]);
}

/** One YAML file parsed into a ConfigNode tree (no inheritance applied). */
export interface ParsedFile {
  uri: string;
  text: string;
  root: ConfigNode | undefined;
  /** Comments `# lrlens: ...` and `# lrlens-disable...` with their spans, for directives. */
  comments: { text: string; span: Span }[];
  diagnostics: Diagnostic[];
}

/** A config with its inheritance chain resolved (the suite's own merge rules). */
export interface LoadedConfig {
  uri: string;
  /** The merged tree; nodes keep the spans of the file each came from. */
  root: ConfigNode | undefined;
  /** The analysed file itself, unmerged. */
  own: ParsedFile;
  /** Every file of the chain, leaf first, with its text (for positions and related information). */
  files: Map<string, ParsedFile>;
  /** Problems of loading: YAML syntax, limits, missing/circular/non-mapping bases. */
  diagnostics: Diagnostic[];
}
