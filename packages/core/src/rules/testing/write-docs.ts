/** Writes `docs/rules/*.md` from the rules' metadata: `node --import tsx packages/core/src/rules/testing/write-docs.ts`. */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../testing/shared";
import { expectedDocs } from "./docs-files";

const dir = join(REPO_ROOT, "docs", "rules");
mkdirSync(dir, { recursive: true });
const files = expectedDocs();
for (const name of readdirSync(dir)) if (name.endsWith(".md") && !files.has(name)) rmSync(join(dir, name));
for (const [name, text] of files) writeFileSync(join(dir, name), text);
process.stdout.write(`wrote ${files.size} files to ${dir}\n`);
