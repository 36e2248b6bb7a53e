/** Core helpers the CLI uses for fixing, re-exported in one place. */
export { applyAllFixes, applyEdits, BUILTIN_IDS } from "@lrlens/core";
