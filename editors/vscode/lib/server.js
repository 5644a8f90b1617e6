// Finding the `tieuchi` program that runs the language server, from the settings. Plain Node (no
// `vscode` module) so that `npm test` can check it (test/server.test.js).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const DEFAULT_COMMAND = 'tieuchi';

/**
 * Where the server program is.
 *
 * `setting` is `tieuchi.server.path`: a command looked up on the PATH (default `tieuchi`), or a
 * path to the program (`~/` is the home folder, `${workspaceFolder}` or a relative path is taken
 * from the first workspace folder `workspaceFolder`).
 * Returns `{ command }` (an absolute path) or `{ missing }`, a sentence saying what was not found
 * and how to fix it.
 */
function findServer(setting, { env = process.env, platform = process.platform, workspaceFolder } = {}) {
  const wanted = typeof setting === 'string' && setting.trim() !== '' ? setting.trim() : DEFAULT_COMMAND;
  const isPath = wanted.includes('/') || (platform === 'win32' && wanted.includes('\\')) || wanted.startsWith('~');
  if (isPath) {
    let p = wanted.replace(/^~(?=$|[\\/])/, os.homedir());
    if (workspaceFolder) p = p.split('${workspaceFolder}').join(workspaceFolder);
    if (!path.isAbsolute(p)) {
      if (!workspaceFolder) {
        return { missing: `the relative path "${wanted}" in the setting tieuchi.server.path needs an open folder; write a full path.` };
      }
      p = path.resolve(workspaceFolder, p);
    }
    const found = candidates(p, env, platform).find(isExecutable);
    return found
      ? { command: found }
      : { missing: `"${p}" (the setting tieuchi.server.path) is not an executable file.` };
  }
  const searchPath = (platform === 'win32' ? env.Path || env.PATH : env.PATH) || '';
  const sep = platform === 'win32' ? ';' : ':';
  for (const dir of searchPath.split(sep)) {
    if (dir === '') continue;
    const found = candidates(path.join(dir, wanted), env, platform).find(isExecutable);
    if (found) return { command: found };
  }
  return {
    missing:
      `the program "${wanted}" is not on the PATH. Install tieuchi (\`cargo install --path .\` in its ` +
      'repository) or set tieuchi.server.path to the program.',
  };
}

/** The names a program may have: on Windows, with each extension of PATHEXT too. */
function candidates(p, env, platform) {
  if (platform !== 'win32' || path.extname(p) !== '') return [p];
  const exts = (env.PATHEXT || '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean);
  return [...exts.map((e) => p + e), p];
}

function isExecutable(p) {
  try {
    if (!fs.statSync(p).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The server's arguments: `lsp`, then the strings of `tieuchi.server.args`. */
function serverArgs(extra) {
  return ['lsp', ...(Array.isArray(extra) ? extra.filter((a) => typeof a === 'string') : [])];
}

module.exports = { DEFAULT_COMMAND, findServer, serverArgs };
