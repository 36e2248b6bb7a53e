// Lint rules that guard lrlens' invariants: nothing is ever evaluated, and the core does no I/O.
import tseslint from "typescript-eslint";

const noDynamicCode = {
  "no-eval": "error",
  "no-implied-eval": "error",
  "no-new-func": "error",
  "no-restricted-syntax": [
    "error",
    { selector: "CallExpression[callee.name='require'][arguments.0.type!='Literal']", message: "No dynamic require: lrlens never loads code chosen by input." },
    { selector: "ImportExpression[source.type!='Literal']", message: "No dynamic import of computed paths." },
    { selector: "NewExpression[callee.name='Function']", message: "No new Function: lrlens never evaluates config text." },
  ],
};

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/*.vsix", "packages/vscode-ext/.vscode-test/**"] },
  {
    files: ["**/*.ts", "**/*.mts", "**/*.mjs", "**/*.js"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: noDynamicCode,
  },
  {
    // Architecture invariant: the core is pure (file access goes through the Host interface).
    files: ["packages/core/src/**/*.ts"],
    ignores: ["packages/core/src/**/*.test.ts", "packages/core/src/testing/**", "packages/core/src/**/testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["fs", "node:*", "path", "os", "child_process", "vscode", "vscode-*"], message: "packages/core does no I/O and knows no editor: go through the Host interface." },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "process", message: "core is pure" }, { name: "console", message: "core is pure: return diagnostics instead" }, { name: "require", message: "core is pure" }],
    },
  },
);
