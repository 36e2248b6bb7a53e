#!/usr/bin/env node
// The `lrlens-language-server` command: runs the bundled server (build it with `npm run build -w @lrlens/lsp`).
require("../dist/server.js");
