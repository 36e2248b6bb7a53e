/**
 * One linear scan of raw YAML text before `yaml` sees it, for two reasons:
 * 1. Estimating nesting depth, so a hostile document (`[[[[…` 100k deep, `- - - - …`, ever-deeper
 *    indentation) is refused in milliseconds: `yaml`'s parser slows to seconds on those and its
 *    recursive composer overflows the stack or runs out of memory at a few thousand levels.
 * 2. Finding the line breaks inside multi-line flow collections (`{ ... }` / `[ ... ]` over several
 *    lines). PyYAML ignores indentation inside flow collections; `yaml` follows YAML 1.2 and ends the
 *    collection at an under-indented line, which breaks real PaddleDetection readers
 *    (`configs/dino/_base_/dino_reader.yml`). Those line breaks can be turned into spaces without
 *    changing what the collection means and without moving any offset.
 */

export interface TextPrescan {
  /** Offset where the estimated depth first exceeded the cap, or undefined when it never did. */
  tooDeepAt: number | undefined;
  /** The deepest estimate seen (up to the point of refusal). */
  maxDepth: number;
  /** Offsets of line breaks between tokens inside flow collections (a `\r\n` counts from its `\r`). */
  flowBreaks: number[];
  /** Comments that end such a line (they must go too when the line is joined to the next). */
  flowComments: { start: number; end: number }[];
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isBreak(c: number): boolean {
  return c === LF || c === CR || Number.isNaN(c);
}

/** Characters after which a line break inside a flow collection separates tokens (never inside a scalar). */
function endsToken(c: number): boolean {
  return c === 91 || c === 123 || c === 44 || c === 58; // [ { , :
}

/** Whether the next line starts with a closing bracket or a comma (so the break before it is between tokens). */
function nextLineStartsToken(text: string, from: number): boolean {
  let j = from;
  while (isBlank(text.charCodeAt(j))) j++;
  const c = text.charCodeAt(j);
  return c === 93 || c === 125 || c === 44; // ] } ,
}

/**
 * Block depth is the number of open indentation levels plus compact indicators (`- - x`, `? `) on the
 * line; flow depth counts `[`/`{` that start a node. Quoted scalars, comments and block scalar bodies
 * are skipped. Independently, a raw count of unmatched brackets (ignoring all context) guards against
 * anything that might fool the scanner.
 */
export function prescanText(text: string, cap: number, rawCap: number = Math.max(cap * 4, 1000)): TextPrescan {
  const n = text.length;
  const result: TextPrescan = { tooDeepAt: undefined, maxDepth: 0, flowBreaks: [], flowComments: [] };
  const indents: number[] = [];
  let flow = 0;
  let raw = 0;
  let quote = 0; // the open quote char while inside a (possibly multi-line) quoted scalar
  let blockScalarParent = -1; // indentation of the line that opened a `|`/`>` scalar
  // Last significant char outside comments and quotes, across lines: a break right after `[ { , :` is between tokens.
  let lastToken = -1;
  let i = 0;
  const exceed = (depth: number, at: number): boolean => {
    if (depth > result.maxDepth) result.maxDepth = depth;
    if (depth > cap) result.tooDeepAt = at;
    return depth > cap;
  };
  while (i < n) {
    let col = 0;
    while (i + col < n && text.charCodeAt(i + col) === SPACE) col++;
    const lineContent = i + col;
    const first = text.charCodeAt(lineContent);
    if (blockScalarParent >= 0) {
      if (isBreak(first) || col > blockScalarParent) {
        i = skipLine(text, i);
        continue;
      }
      blockScalarParent = -1;
    }
    let blockDepth = indents.length;
    let j = lineContent;
    let atNodeStart = true;
    let comment: { start: number; end: number } | undefined;
    if (quote === 0 && flow === 0 && !isBreak(first) && first !== 35 /* # */) {
      while (indents.length > 0 && indents[indents.length - 1] >= col) indents.pop();
      indents.push(col);
      blockDepth = indents.length;
      if (exceed(blockDepth, lineContent)) return result;
      // Compact nested block collections on one line: `- - - x`, `? - x` (the first is the line's own level).
      let indicators = 0;
      while ((text.charCodeAt(j) === 45 /* - */ || text.charCodeAt(j) === 63) /* ? */ && (isBlank(text.charCodeAt(j + 1)) || isBreak(text.charCodeAt(j + 1)))) {
        if (indicators++ > 0) blockDepth++;
        if (exceed(blockDepth, j)) return result;
        j += 2;
        while (isBlank(text.charCodeAt(j))) j++;
      }
    }
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === LF || c === CR) break;
      if (c === 91 || c === 123) raw++;
      else if ((c === 93 || c === 125) && raw > 0) raw--;
      if (raw > rawCap) {
        result.tooDeepAt = j;
        result.maxDepth = Math.max(result.maxDepth, raw);
        return result;
      }
      if (quote !== 0) {
        if (c === quote) {
          if (quote === 39 /* ' */ && text.charCodeAt(j + 1) === 39) j++;
          else {
            quote = 0;
            atNodeStart = false;
            lastToken = c;
          }
        } else if (c === 92 /* \ */ && quote === 34) j++;
        continue;
      }
      if (isBlank(c)) continue;
      if (c === 35 /* # */ && (j === lineContent || isBlank(text.charCodeAt(j - 1)))) {
        const end = skipLine(text, j);
        let e = end;
        while (e > j && isBreak(text.charCodeAt(e - 1))) e--;
        comment = { start: j, end: e };
        j = e;
        break;
      }
      lastToken = c;
      if ((c === 91 || c === 123) && (flow > 0 || atNodeStart)) {
        flow++;
        if (exceed(blockDepth + flow, j)) return result;
        atNodeStart = true;
      } else if ((c === 93 || c === 125) && flow > 0) {
        flow--;
        atNodeStart = false;
      } else if ((c === 39 || c === 34) && atNodeStart) quote = c;
      else if ((c === 124 || c === 62) /* | > */ && atNodeStart && flow === 0) {
        blockScalarParent = col;
        j = skipLine(text, j) - 1;
        break;
      } else if (c === 44 /* , */ && flow > 0) atNodeStart = true;
      else if ((c === 58 /* : */ || c === 45 || c === 63) && (isBlank(text.charCodeAt(j + 1)) || isBreak(text.charCodeAt(j + 1)) || (flow > 0 && c === 58))) atNodeStart = true;
      else if ((c === 33 /* ! */ || c === 38) /* & */ && atNodeStart) {
        // A tag or anchor: the node starts after it.
        while (j + 1 < n && !isBlank(text.charCodeAt(j + 1)) && !isBreak(text.charCodeAt(j + 1))) j++;
      } else atNodeStart = false;
    }
    if (flow > 0 && quote === 0 && j < n && (endsToken(lastToken) || nextLineStartsToken(text, skipLine(text, j)))) {
      result.flowBreaks.push(j);
      if (comment) result.flowComments.push(comment);
    }
    i = skipLine(text, j);
  }
  return result;
}

/** Offset of the next line's first character. */
function skipLine(text: string, from: number): number {
  let j = from;
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    j++;
    if (c === LF) break;
    if (c === CR) {
      if (text.charCodeAt(j) === LF) j++;
      break;
    }
  }
  return j;
}

/**
 * The text `yaml` should parse: flow-collection line breaks (and comments ending those lines) become
 * spaces, so every offset still points at the same character of the user's text.
 */
export function joinFlowLines(text: string, scan: TextPrescan): string {
  if (scan.flowBreaks.length === 0) return text;
  const blanks: [number, number][] = [];
  for (const b of scan.flowBreaks) blanks.push([b, text.charCodeAt(b) === CR && text.charCodeAt(b + 1) === LF ? b + 2 : b + 1]);
  for (const c of scan.flowComments) blanks.push([c.start, c.end]);
  blanks.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [s, e] of blanks) {
    if (s < at) continue;
    out += text.slice(at, s) + " ".repeat(e - s);
    at = e;
  }
  return out + text.slice(at);
}
