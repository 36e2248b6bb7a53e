/** The one place that says where a rule's documentation lives (diagnostics carry it as their docs link). */

export const DOCS_BASE_URL = "https://github.com/lrlens/lrlens/blob/main/docs/rules/";

export function docsUrlFor(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
