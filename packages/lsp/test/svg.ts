/** Test helpers for pictures in hovers: pull the SVG out of a markdown data URI and check it is well-formed XML. */

/** The decoded SVG documents of every `data:image/svg+xml;base64,` image in a markdown string. */
export function svgImages(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => Buffer.from(m[1], "base64").toString("utf8"));
}

/**
 * A small XML well-formedness check: balanced tags, quoted attributes, no raw `<` or stray `&`
 * in text, one root element. Returns the problems found (empty when well-formed).
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const body = xml.replace(/^\s*<\?xml[^?]*\?>/, "").replace(/<!--[\s\S]*?-->/g, "").replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  const tag = /<\/?([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf("<", i);
    const text = body.slice(i, lt < 0 ? body.length : lt);
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) problems.push(`stray & in text: ${text.slice(0, 40)}`);
    if (stack.length === 0 && text.trim() !== "") problems.push(`text outside the root: ${text.trim().slice(0, 40)}`);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(body);
    if (!m) {
      problems.push(`malformed tag at ${lt}: ${body.slice(lt, lt + 40)}`);
      break;
    }
    const closing = body[lt + 1] === "/";
    if (closing) {
      if (stack.pop() !== m[1]) problems.push(`unbalanced </${m[1]}>`);
    } else if (m[3] !== "/") {
      if (stack.length === 0) roots++;
      stack.push(m[1]);
    } else if (stack.length === 0) roots++;
    i = tag.lastIndex;
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(" > ")}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
