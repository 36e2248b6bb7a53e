/**
 * Shape checks on the server's answers during fuzzing: each request's result has the protocol's
 * type, and every range or position in it is well-formed and inside the document it describes
 * (a result pointing past the end of the text is a bug an editor would trip over).
 */

export type FuzzMethod = "textDocument/hover" | "textDocument/completion" | "textDocument/codeAction" | "codeAction/resolve" | "textDocument/inlayHint" | "textDocument/codeLens" | "textDocument/documentSymbol" | "lrlens/curves";

const isPos = (p: any) => p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0;

/** Lines of each open document by URI (a workspace edit may change a `_BASE_` file as well). */
export type LineCounts = (uri: string) => number | undefined;

/** Problems with every `{start, end}` range and `position` found anywhere in `value` (`lineCount`: lines of the document it refers to). */
function rangeProblems(value: unknown, lineCount: number, out: string[], lineCounts: LineCounts, path = "$", depth = 0): void {
  if (!value || typeof value !== "object" || depth > 12 || out.length > 3) return;
  const v = value as Record<string, any>;
  if ("start" in v && "end" in v && typeof v.start === "object" && typeof v.end === "object") {
    if (!isPos(v.start) || !isPos(v.end)) out.push(`${path}: malformed range ${JSON.stringify(v).slice(0, 120)}`);
    else if (v.start.line > v.end.line || (v.start.line === v.end.line && v.start.character > v.end.character)) out.push(`${path}: range ends before it starts ${JSON.stringify(v)}`);
    else if (v.end.line >= lineCount + 1) out.push(`${path}: range beyond the document (${lineCount} lines) ${JSON.stringify(v)}`);
    return;
  }
  for (const [k, child] of Object.entries(v)) {
    // Locations of other files (inherited blocks, related information) are not in this document.
    if (k === "relatedInformation" || k === "definedIn") continue;
    if (k === "position" && !isPos(child)) out.push(`${path}.position: malformed ${JSON.stringify(child)}`);
    else if (k === "position" && child.line >= lineCount + 1) out.push(`${path}.position beyond the document (${lineCount} lines)`);
    // `changes` of a workspace edit are keyed by URI: their ranges are in that file.
    const lines = /^file:/.test(k) ? lineCounts(k) : lineCount;
    if (lines !== undefined) rangeProblems(child, lines, out, lineCounts, `${path}.${k}`, depth + 1);
  }
}

/** Why a result is not what the protocol promises for `method`, or undefined when it is fine. */
export function resultProblem(method: FuzzMethod, result: any, lineCount: number, lineCounts: LineCounts = () => undefined): string | undefined {
  const arrayOrNull = result === null || Array.isArray(result);
  switch (method) {
    case "textDocument/hover":
      if (result !== null && (typeof result !== "object" || result.contents === undefined)) return "hover without contents";
      break;
    case "textDocument/completion":
      if (!arrayOrNull && !(result && Array.isArray(result.items))) return "completion is neither a list nor items";
      if ((Array.isArray(result) ? result : (result?.items ?? [])).some((i: any) => typeof i?.label !== "string")) return "completion item without a label";
      break;
    case "codeAction/resolve":
      if (!result || typeof result.title !== "string") return "resolved action without a title";
      break;
    case "lrlens/curves":
      if (!result || !Array.isArray(result.schedules)) return "curves without schedules";
      for (const s of result.schedules) {
        if (!Array.isArray(s.points) || typeof s.svg !== "string" || typeof s.path !== "string") return "curve schedule missing points/svg/path";
        if (s.points.some((p: unknown) => !Array.isArray(p) || p.length !== 2 || p.some((x) => typeof x !== "number" || !Number.isFinite(x)))) return "curve point is not two finite numbers";
      }
      break;
    default:
      if (!arrayOrNull) return `${method} result is not a list`;
  }
  const problems: string[] = [];
  // The curves' ranges may point at the `_BASE_` entry that brings a block, still in this document.
  rangeProblems(result, lineCount, problems, lineCounts);
  return problems[0];
}

/** The kind of a `limit-exceeded` diagnostic: the limit's name from its message (`maxAliasCount`, ...). */
export function limitKind(message: string): string {
  if (/stopped analysing/.test(message)) return "analysisTime (watchdog)";
  const named = /\bmax[A-Z]\w+/.exec(message);
  if (named) return named[0];
  if (/alias/i.test(message)) return "maxAliasCount";
  // Otherwise the message with its names and numbers blanked out, so one limit is one kind.
  return message.replace(/`[^`]*`/g, "`…`").replace(/-?\d[\d.e+-]*/g, "N").slice(0, 48);
}
