#!/usr/bin/env node
// The `lrlens` command. A committed script (so npm links it at install time) that loads the bundle
// `npm run build` writes to ../dist/cli.js.
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");

if (!existsSync(join(__dirname, "..", "dist", "cli.js"))) {
  process.stderr.write("lrlens: the CLI is not built yet; run `npm run build` at the repository root.\n");
  process.exitCode = 2;
} else {
  require("../dist/cli.js");
}
