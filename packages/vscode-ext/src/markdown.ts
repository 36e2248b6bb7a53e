/** Escaping for text from configs that ends up in hover markdown, so a path or lambda can never become a link, image or HTML. */

const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~:]/g;

/**
 * Plain text → markdown that renders as exactly that text: markdown punctuation is backslash-escaped,
 * `<`, `>` and `&` become entities (VS Code strips raw HTML, but a hover must not even try), and line
 * breaks become spaces so the text cannot start a heading, list or fence.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`);
}

/** Shortens long text (constructor chains with long lambdas) to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
