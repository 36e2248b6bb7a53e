/**
 * Escaping for every place a config's strings are shown: SVG/XML text and attributes, webview
 * HTML, and hover markdown. Config text is untrusted (a cloned repo can contain anything), so
 * each function makes its output inert in its target language, never merely "usually fine".
 */

/** Characters XML 1.0 forbids even as references, and lone surrogates: replaced, not dropped, so the reader sees something was there. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Bidirectional overrides and isolates reorder the text around them ("Trojan Source"); shown text must read as stored. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const REPLACEMENT = "\uFFFD";

const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };

function neutraliseControls(s: string): string {
  return s.replace(XML_INVALID, REPLACEMENT).replace(BIDI_CONTROLS, REPLACEMENT);
}

/** Text content or a quoted attribute value of XML/SVG: `& < > " '` as entities, invalid characters as U+FFFD. */
export function escapeXml(s: string): string {
  return neutraliseControls(String(s)).replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

/** HTML text or a quoted attribute value (webview): as `escapeXml`, with `'` and backtick as numeric references. */
export function escapeHtml(s: string): string {
  return neutraliseControls(String(s)).replace(/[&<>"'`]/g, (c) => HTML_ENTITIES[c]);
}

/**
 * Inline markdown text (hovers): every ASCII punctuation character is backslash-escaped, which
 * CommonMark guarantees renders as the literal character. So `](javascript:...)`, `<script>`,
 * `*emphasis*`, `| table |`, `# heading`, autolinks (`https\://`) and HTML entities (`\&amp;`)
 * stay plain text. Line breaks become spaces: a label must not start a new block.
 */
export function escapeMarkdown(s: string): string {
  return neutraliseControls(String(s).replace(/\r\n|[\r\n\t]/g, " ")).replace(/[!-/:-@[-`{-~]/g, "\\$&");
}

/**
 * A complete inline code span showing `s` literally (backslashes do not escape inside code, so
 * the fence is made longer than any backtick run in `s`, and padded when `s` touches a backtick).
 * Not for GFM table cells, where `|` would still split the cell.
 */
export function escapeMarkdownCode(s: string): string {
  const text = neutraliseControls(String(s).replace(/\r\n|[\r\n\t]/g, " "));
  if (text === "") return "` `";
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  // CommonMark strips one space from each side when both are present, so pad whenever the edge could merge or be stripped.
  const pad = text.startsWith("`") || text.endsWith("`") || (text.startsWith(" ") && text.endsWith(" ") && text.trim() !== "") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
