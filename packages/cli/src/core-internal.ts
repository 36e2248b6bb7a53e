/**
 * Core helpers the CLI needs that `@lrlens/core`'s public index does not export yet (requested
 * from its owner). Imported by path in this one place, so switching to the package import is a
 * one-line change.
 */
export { applyAllFixes, applyEdits } from "../../core/src/text/apply-edits";
export { BUILTIN_IDS } from "../../core/src/rules/builtin/catalogue";
