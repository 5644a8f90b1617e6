#!/usr/bin/env node
// Finding the server program (lib/server.js): on the PATH, by path, and the message when it is
// missing. Runs with `npm test`.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const test = require('node:test');
const { findServer, serverArgs } = require('../lib/server');

const unix = process.platform !== 'win32';

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tieuchi-vscode-'));
  test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function program(dir, name, mode = 0o755) {
  const p = path.join(dir, name);
  fs.writeFileSync(p, '#!/bin/sh\n');
  fs.chmodSync(p, mode);
  return p;
}

test('the default command is found on the PATH', { skip: !unix && 'POSIX permissions' }, () => {
  const empty = tempDir();
  const bin = tempDir();
  const tieuchi = program(bin, 'tieuchi');
  const env = { PATH: [empty, bin].join(':') };
  assert.deepEqual(findServer(undefined, { env }), { command: tieuchi });
  assert.deepEqual(findServer('', { env }), { command: tieuchi });
  assert.deepEqual(findServer('  tieuchi ', { env }), { command: tieuchi });
});

test('a program that is not executable is not taken', { skip: !unix && 'POSIX permissions' }, () => {
  const bin = tempDir();
  program(bin, 'tieuchi', 0o644);
  const r = findServer('tieuchi', { env: { PATH: bin } });
  assert.equal(r.command, undefined);
  assert.match(r.missing, /"tieuchi" is not on the PATH/);
});

test('a missing program says how to install it or set the path', () => {
  const r = findServer('tieuchi', { env: { PATH: tempDir() } });
  assert.equal(r.command, undefined);
  assert.match(r.missing, /cargo install --path \./);
  assert.match(r.missing, /tieuchi\.server\.path/);
  assert.match(findServer('tieuchi', { env: {} }).missing, /not on the PATH/);
});

test('a path setting is used as it is, relative paths from the workspace folder', { skip: !unix && 'POSIX permissions' }, () => {
  const folder = tempDir();
  fs.mkdirSync(path.join(folder, 'target', 'debug'), { recursive: true });
  const built = program(path.join(folder, 'target', 'debug'), 'tieuchi');
  assert.deepEqual(findServer(built, { env: {} }), { command: built });
  assert.deepEqual(findServer('target/debug/tieuchi', { env: {}, workspaceFolder: folder }), { command: built });
  assert.deepEqual(findServer('${workspaceFolder}/target/debug/tieuchi', { env: {}, workspaceFolder: folder }), {
    command: built,
  });
  assert.match(findServer('target/debug/tieuchi', { env: {} }).missing, /needs an open folder/);
  const gone = path.join(folder, 'nothing', 'tieuchi');
  assert.match(findServer(gone, { env: {} }).missing, /is not an executable file/);
  // A folder is not a program.
  assert.match(findServer(path.join(folder, 'target'), { env: {} }).missing, /is not an executable file/);
});

test('~ is the home folder', { skip: !unix && 'POSIX permissions' }, () => {
  const r = findServer('~/surely-no-such-tieuchi-program', { env: {} });
  assert.match(r.missing, new RegExp(`"${os.homedir().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/surely-no-such`));
});

test('Windows: PATHEXT extensions and ; separators', { skip: !unix && 'POSIX permissions' }, () => {
  const bin = tempDir();
  const exe = program(bin, 'tieuchi.EXE');
  program(bin, 'tieuchi');
  const env = { Path: `C:\\nowhere;${bin}`, PATHEXT: '.COM;.EXE' };
  // The program with an extension first (the bare name is no Windows program).
  assert.deepEqual(findServer('tieuchi', { env, platform: 'win32' }), { command: exe });
  // Without PATHEXT, the usual extensions.
  assert.deepEqual(findServer('tieuchi', { env: { PATH: bin }, platform: 'win32' }), { command: exe });
});

test('the arguments are lsp then the strings of tieuchi.server.args', () => {
  assert.deepEqual(serverArgs(undefined), ['lsp']);
  assert.deepEqual(serverArgs(['--log', 'debug']), ['lsp', '--log', 'debug']);
  assert.deepEqual(serverArgs('--log'), ['lsp']);
  assert.deepEqual(serverArgs(['-v', 3, null]), ['lsp', '-v']);
});
