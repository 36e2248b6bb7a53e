#!/usr/bin/env node
// The `lrlens` command. A committed script (so npm links it at install time) that loads the bundle
// `npm run build` writes to ../dist/cli.js.
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const bundle = join(__dirname, "..", "dist", "cli.js");
if (!existsSync(bundle)) {
  process.stderr.write("lrlens: the CLI is not built yet; run `npm run build` at the repository root.\n");
  process.exitCode = 2;
} else {
  require(bundle);
}
