/** The exact contents `docs/rules/` must have (file name → text), shared by the generator script and the up-to-date test. */
import { BUILTIN_CHECKS } from "../builtin/catalogue";
import { renderIndex, renderRuleDoc } from "../docs/render-doc";
import { RULES } from "../index";

export function expectedDocs(): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of RULES) out.set(`${r.meta.id}.md`, renderRuleDoc(r.meta, "rule"));
  for (const b of BUILTIN_CHECKS) out.set(`${b.id}.md`, renderRuleDoc(b, "builtin"));
  out.set("README.md", renderIndex(RULES.map((r) => r.meta), BUILTIN_CHECKS));
  return out;
}
