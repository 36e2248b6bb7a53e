/** Test-only access to `../shared/` (reference vectors, suite curves, corpus), skipping visibly when it is absent. */
import { describe } from "vitest";
import { hasShared, SHARED_DIR } from "./shared-paths";

export { REPO_ROOT, SHARED_DIR, hasShared, readSharedJson, sharedPath } from "./shared-paths";

/** Like `describe`, but when ../shared is absent it registers one visible todo and prints why, instead of failing. */
export function describeShared(name: string, fn: () => void): void {
  if (hasShared) {
    describe(name, fn);
    return;
  }
  console.warn(`[lrlens] SKIPPED "${name}": ${SHARED_DIR} not found (CI has it; a fresh clone does not).`);
  describe.todo(`${name} (needs ${SHARED_DIR})`);
}
