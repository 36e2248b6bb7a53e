/** Test-only: every `.yml`/`.yaml` file under a folder (absolute paths, sorted), for sweeps over the fixtures and the corpus. */
import { readdirSync } from "node:fs";
import { join } from "node:path";

export function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}
