/**
 * Reads the entries of `LearningRate.schedulers` the way PaddleDetection instantiates them: a tagged
 * mapping is `cls(**kwargs)` at YAML load (`!CosineDecay {...}`), a tagged sequence `cls(*args)`, a
 * plain mapping `getattr(module, sched.pop("name"))(**sched)` in `LearningRate.__init__`.
 */
import type { ConfigNode, LoadedConfig } from "../../config/types";
import type { Span } from "../../model/positions";
import type { PyValue } from "../../schedulers/types";
import type { Origin } from "../common/args";
import { nodeToPy } from "../common/block";
import { didYouMean, didYouMeanSuffix } from "../common/did-you-mean";
import { type Arg, type Bound, bindKwargs, SuiteRejects } from "../common/kwargs";
import { pyShow, pyTypeName } from "../common/py-arith";
import { DET_CLASS_NAMES, type DetClass, detClass } from "./classes";

/** A startup failure of PaddleDetection, with the rule id the diagnostic should carry. */
export class DetRejects extends SuiteRejects {
  constructor(
    message: string,
    origin: Origin | undefined,
    readonly rule = "suite-rejects-config",
    readonly candidates: string[] = [],
    /** Where to report, when narrower than the origin's `key: value` (a tag, a list key). */
    readonly span?: Span,
  ) {
    super(message, origin);
  }
}

export interface DetEntry {
  cls: DetClass;
  index: number;
  node: ConfigNode;
  /** The name as written: `!CosineDecay` for a tag, `CosineDecay` for a `name:` value. */
  written: string;
  nameSpan: Span;
  bound: Bound;
}

/** The span of `!Tag` at the start of a tagged node (the node's own start when the text disagrees). */
function tagSpan(config: LoadedConfig, node: ConfigNode): Span {
  if (node.tagSpan) return node.tagSpan;
  const text = config.files.get(node.span.uri)?.text ?? "";
  const tag = `!${node.tag ?? ""}`;
  const start = node.span.start;
  // A tag may precede the node's span or open it; find it just before or at the node start.
  const from = Math.max(0, start - tag.length - 2);
  const at = text.lastIndexOf(tag, start);
  if (at >= from && at <= start) return { uri: node.span.uri, start: at, end: at + tag.length };
  return { uri: node.span.uri, start, end: Math.min(node.span.end, start + tag.length) };
}

function itemOrigin(node: ConfigNode, index: number, span: Span): Origin {
  return { key: `schedulers[${index}]`, keySpan: span, node };
}

function unknownClass(name: string, origin: Origin, how: string): DetRejects {
  const candidates = didYouMean(name, DET_CLASS_NAMES);
  return new DetRejects(`PaddleDetection has no LR scheduler class \`${name}\` (${how}).${didYouMeanSuffix(candidates)}`, origin, "unknown-scheduler", candidates, origin.keySpan);
}

/** Keyword arguments of a mapping, each with the key it came from. */
function kwargsOf(node: ConfigNode & { kind: "map" }, skip?: string): Map<string, Arg> {
  const given = new Map<string, Arg>();
  for (const e of node.entries) {
    if (e.key === skip) continue;
    given.set(e.key, { value: nodeToPy(e.value), origin: { key: e.key, keySpan: e.keySpan, node: e.value } });
  }
  return given;
}

/** Binds kwargs with Python's errors, adding a did-you-mean for an unexpected keyword. */
function bind(cls: DetClass, given: Map<string, Arg>, blame: Origin): Bound {
  const names = cls.params.map((p) => p.name);
  for (const [k, a] of given) {
    if (names.includes(k)) continue;
    const candidates = didYouMean(k, names);
    throw new DetRejects(
      `${cls.name}.__init__() got an unexpected keyword argument '${k}': PaddleDetection fails while loading the config.${didYouMeanSuffix(candidates)}`,
      a.origin,
      "unknown-parameter",
      candidates,
    );
  }
  return bindKwargs(cls.name, cls.params.map((p) => ({ name: p.name, default: p.default })), given, false, blame);
}

/** One `schedulers[i]` item as PaddleDetection constructs it; throws `DetRejects` where the suite crashes. */
export function readDetEntry(config: LoadedConfig, node: ConfigNode, index: number): DetEntry {
  if (node.tag !== undefined) {
    const nameSpan = tagSpan(config, node);
    const origin = itemOrigin(node, index, nameSpan);
    const cls = detClass(node.tag);
    if (!cls) throw unknownClass(node.tag, origin, `YAML cannot construct the tag \`!${node.tag}\` as a scheduler`);
    let given: Map<string, Arg>;
    if (node.kind === "map") given = kwargsOf(node);
    else if (node.kind === "seq") {
      // `cls(*args)`: positional arguments in signature order.
      if (node.items.length > cls.params.length) {
        throw new DetRejects(`${cls.name}.__init__() takes at most ${cls.params.length} positional arguments but ${node.items.length} were given.`, origin);
      }
      given = new Map(node.items.map((item, i) => [cls.params[i].name, { value: nodeToPy(item), origin: { key: cls.params[i].name, keySpan: item.span, node: item } }]));
    } else {
      throw new DetRejects(`\`!${node.tag}\` needs a mapping of arguments (\`!${node.tag} {}\` for the defaults): PyYAML raises ConstructorError "expected a mapping node, but found scalar" while loading.`, origin);
    }
    return { cls, index, node, written: `!${node.tag}`, nameSpan, bound: bind(cls, given, origin) };
  }
  if (node.kind !== "map") {
    const value: PyValue = node.kind === "scalar" ? node.value : { type: "list", items: [] };
    throw new DetRejects(
      `\`schedulers[${index}]\` is ${pyTypeName(value)} ${node.kind === "scalar" ? pyShow(value) : ""}, not a scheduler: write a tagged mapping (\`!CosineDecay {max_epochs: 300}\`) or a mapping with \`name\`. PaddleDetection fails at startup (AttributeError).`.replace("  ", " "),
      itemOrigin(node, index, node.span),
    );
  }
  const nameEntry = node.entries.find((e) => e.key === "name");
  if (!nameEntry) {
    throw new DetRejects(
      `\`schedulers[${index}]\` has neither a tag nor a \`name\`: PaddleDetection's LearningRate pops "name" (KeyError at startup). Write \`!PiecewiseDecay {...}\` or add \`name: PiecewiseDecay\`.`,
      itemOrigin(node, index, node.span),
    );
  }
  const nameValue = nameEntry.value.kind === "scalar" ? nameEntry.value.value : undefined;
  const origin: Origin = { key: "name", keySpan: nameEntry.keySpan, node: nameEntry.value };
  if (nameValue?.type !== "str") {
    throw new DetRejects(`\`name\` must be a scheduler class name, not ${pyTypeName(nameValue)}: getattr() fails at startup (TypeError).`, origin);
  }
  const cls = detClass(nameValue.value);
  if (!cls) throw unknownClass(nameValue.value, { ...origin, keySpan: nameEntry.value.span }, "AttributeError in ppdet.optimizer at startup");
  return { cls, index, node, written: nameValue.value, nameSpan: nameEntry.value.span, bound: bind(cls, kwargsOf(node, "name"), origin) };
}
