#!/usr/bin/env node
// The client's glue (extension.js) with stand-ins for the `vscode` module and for
// `vscode-languageclient/node` (there is no VS Code here): what it starts, with which options,
// what it says when the program is missing or does not start, and the restart on a change of
// settings. Runs with `npm test`.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const test = require('node:test');

const unix = process.platform !== 'win32';

/** A stand-in for the parts of the `vscode` API the extension uses; records what it is asked. */
function fakeVscode(settings) {
  const log = { errors: [], commands: {}, executed: [], output: [], configListeners: [] };
  const vscode = {
    window: {
      createOutputChannel: (name) => ({
        name,
        appendLine: (l) => log.output.push(l),
        show: () => {},
        dispose: () => {},
      }),
      showErrorMessage: (message, ...items) => {
        log.errors.push({ message, items });
        return Promise.resolve(items[0]);
      },
    },
    workspace: {
      workspaceFolders: settings.folder ? [{ uri: { fsPath: settings.folder } }] : undefined,
      getConfiguration: (section) => {
        assert.equal(section, 'tieuchi');
        return { get: (key) => settings[key] };
      },
      onDidChangeConfiguration: (f) => {
        log.configListeners.push(f);
        return { dispose: () => {} };
      },
      createFileSystemWatcher: (glob) => ({ glob }),
    },
    commands: {
      registerCommand: (id, f) => {
        log.commands[id] = f;
        return { dispose: () => {} };
      },
      executeCommand: (...args) => log.executed.push(args),
    },
  };
  return { vscode, log };
}

/** A stand-in LanguageClient that records its construction, start and stop. */
function fakeClientModule(startError) {
  const clients = [];
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, started: false, stopped: false });
      clients.push(this);
    }
    async start() {
      if (startError) throw new Error(startError);
      this.started = true;
    }
    async stop() {
      this.stopped = true;
    }
  }
  return { module: { LanguageClient }, clients };
}

/** Loads a fresh extension.js with the stand-ins. */
function loadExtension(settings, startError) {
  const { vscode, log } = fakeVscode(settings);
  const lc = fakeClientModule(startError);
  const original = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'vscode') return vscode;
    if (request === 'vscode-languageclient/node') return lc.module;
    return original.call(this, request, ...rest);
  };
  try {
    const file = require.resolve('../extension.js');
    delete require.cache[file];
    return { extension: require(file), log, clients: lc.clients };
  } finally {
    Module._load = original;
  }
}

const context = () => ({ subscriptions: [] });
const settle = () => new Promise((r) => setImmediate(r));

function fakeServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tieuchi-ext-'));
  test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const p = path.join(dir, 'tieuchi');
  fs.writeFileSync(p, '#!/bin/sh\n');
  fs.chmodSync(p, 0o755);
  return { dir, p };
}

test('starts `tieuchi lsp` over stdio for tieuchi documents', { skip: !unix && 'POSIX permissions' }, async () => {
  const server = fakeServer();
  const { extension, log, clients } = loadExtension({
    'server.path': server.p,
    'server.args': ['--verbose'],
    folder: server.dir,
  });
  const ctx = context();
  await extension.activate(ctx);
  assert.equal(clients.length, 1);
  const [c] = clients;
  // The id `tieuchi` is what makes the client read `tieuchi.trace.server`.
  assert.equal(c.id, 'tieuchi');
  assert.equal(c.started, true);
  assert.deepEqual(c.serverOptions, { command: server.p, args: ['lsp', '--verbose'], options: { cwd: server.dir } });
  // No transport: vscode-languageclient would add `--stdio` for TransportKind.stdio.
  assert.equal('transport' in c.serverOptions, false);
  assert.deepEqual(
    c.clientOptions.documentSelector.map((d) => d.language),
    ['tieuchi', 'tieuchi'],
  );
  assert.equal(c.clientOptions.synchronize.fileEvents.glob, '**/*.tc');
  assert.deepEqual(log.errors, []);
  assert.ok(ctx.subscriptions.length >= 3);
  assert.ok(log.commands['tieuchi.restartServer']);

  // A change of tieuchi.server.* restarts it; another setting does not.
  log.configListeners[0]({ affectsConfiguration: (s) => s === 'editor' });
  await settle();
  assert.equal(clients.length, 1);
  log.configListeners[0]({ affectsConfiguration: (s) => s === 'tieuchi.server' });
  await settle();
  assert.equal(clients.length, 2);
  assert.equal(clients[0].stopped, true);
  assert.equal(clients[1].started, true);

  // Two quick changes: the restarts run one after the other, one server remains.
  const change = { affectsConfiguration: (s) => s === 'tieuchi.server' };
  log.configListeners[0](change);
  log.configListeners[0](change);
  await log.commands['tieuchi.restartServer']();
  assert.equal(clients.length, 5);
  assert.deepEqual(
    clients.map((c) => c.started && !c.stopped),
    [false, false, false, false, true],
  );

  await extension.deactivate();
  assert.equal(clients[4].stopped, true);
});

test('a missing program: a message with a button to the settings, no client', async () => {
  const { extension, log, clients } = loadExtension({ 'server.path': path.join(os.tmpdir(), 'no-such-dir', 'tieuchi') });
  await extension.activate(context());
  await settle();
  assert.equal(clients.length, 0);
  assert.equal(log.errors.length, 1);
  assert.match(log.errors[0].message, /the language server cannot start: .*is not an executable file/);
  assert.match(log.errors[0].message, /Highlighting works without it/);
  assert.deepEqual(log.errors[0].items, ['Open Settings']);
  assert.deepEqual(log.executed, [['workbench.action.openSettings', 'tieuchi.server']]);
  // The restart command tries again (and says so again).
  await log.commands['tieuchi.restartServer']();
  assert.equal(log.errors.length, 2);
});

test('a program that does not start (no `lsp` command): the reason, and the output', { skip: !unix && 'POSIX permissions' }, async () => {
  const server = fakeServer();
  const { extension, log, clients } = loadExtension({ 'server.path': server.p }, 'Server initialization failed.');
  await extension.activate(context());
  await settle();
  assert.equal(clients.length, 1);
  assert.equal(log.errors.length, 1);
  assert.match(log.errors[0].message, /did not start: Server initialization failed\./);
  assert.ok(log.output.some((l) => l.includes('Server initialization failed.')));
  await extension.deactivate(); // nothing to stop: no error
});
