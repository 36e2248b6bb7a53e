-- Drives the lrlens language server from a real headless Neovim: opens a config, waits for the
-- server's diagnostics, requests a hover, and writes what it saw as one JSON line to stdout.
-- Inputs (environment): LRLENS_SERVER, LRLENS_FILE, LRLENS_ROOT, LRLENS_LINE, LRLENS_CHAR.
local server, file, root = vim.env.LRLENS_SERVER, vim.env.LRLENS_FILE, vim.env.LRLENS_ROOT
local v = vim.version()
local out = { nvim = string.format("%d.%d.%d", v.major, v.minor, v.patch), diagnostics = {} }
local cmd = { "node", server, "--stdio" }

local function finish()
  io.stdout:write(vim.fn.json_encode(out) .. "\n")
  io.stdout:flush()
  vim.cmd("qa!")
end

local ok, err = pcall(function()
  -- Use the newest API this Neovim has: vim.lsp.config/enable (0.11), vim.lsp.start (0.8), start_client (0.7).
  if vim.lsp.config and vim.lsp.enable then
    vim.lsp.config("lrlens", { cmd = cmd, filetypes = { "yaml" }, root_dir = root })
    vim.lsp.enable("lrlens")
    out.api = "vim.lsp.config"
    vim.cmd("edit " .. vim.fn.fnameescape(file))
  elseif vim.lsp.start then
    vim.cmd("edit " .. vim.fn.fnameescape(file))
    vim.lsp.start({ name = "lrlens", cmd = cmd, root_dir = root })
    out.api = "vim.lsp.start"
  else
    vim.cmd("edit " .. vim.fn.fnameescape(file))
    local id = vim.lsp.start_client({ name = "lrlens", cmd = cmd, root_dir = root })
    vim.lsp.buf_attach_client(0, id)
    out.api = "vim.lsp.start_client"
  end
  local buf = vim.api.nvim_get_current_buf()
  out.filetype = vim.bo[buf].filetype
  out.got_diagnostics = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(out.diagnostics, { lnum = d.lnum, col = d.col, severity = d.severity, message = d.message, code = code })
  end
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = tonumber(vim.env.LRLENS_LINE), character = tonumber(vim.env.LRLENS_CHAR) } }
  local answers = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 20000)
  for _, a in pairs(answers or {}) do
    if a.result and a.result.contents then out.hover = a.result.contents.value or a.result.contents end
    if a.err then out.hover_error = a.err.message end
  end
end)
if not ok then out.error = tostring(err) end
finish()
