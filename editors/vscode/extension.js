// The VS Code client of the tieuchi language server: starts `tieuchi lsp` over stdio for
// `tieuchi` documents (.tc files). Highlighting (syntaxes/) and the language configuration work
// without the server.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { findServer, serverArgs } = require('./lib/server');

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel | undefined} */
let output;

/** Called by VS Code when a `tieuchi` document opens. */
async function activate(context) {
  output = vscode.window.createOutputChannel('tieuchi');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('tieuchi.restartServer', () => restart()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('tieuchi.server')) restart();
    }),
  );
  await start();
}

/** Called by VS Code when the extension stops. */
async function deactivate() {
  await stop();
}

async function start() {
  const config = vscode.workspace.getConfiguration('tieuchi');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const found = findServer(config.get('server.path'), { workspaceFolder: folder });
  if (found.missing) {
    reportMissing(found.missing);
    return;
  }
  const args = serverArgs(config.get('server.args'));
  output.appendLine(`Starting ${found.command} ${args.join(' ')}`);
  // No `transport` on purpose: the client then speaks over the process's stdin and stdout
  // without adding a `--stdio` argument that `tieuchi lsp` does not need.
  const serverOptions = { command: found.command, args, options: { cwd: folder } };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'tieuchi' },
      { scheme: 'untitled', language: 'tieuchi' },
    ],
    // The server reads the files a document `use`s: tell it when one changes on disk.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.tc') },
    outputChannel: output,
  };
  // The id `tieuchi` makes the client read the setting `tieuchi.trace.server`.
  client = new LanguageClient('tieuchi', 'tieuchi', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    const why = e && e.message ? e.message : String(e);
    client = undefined;
    output.appendLine(`The language server did not start: ${why}`);
    vscode.window
      .showErrorMessage(
        `tieuchi: the language server (${found.command} ${args.join(' ')}) did not start: ${why}. ` +
          'A tieuchi older than `tieuchi lsp` cannot run it; highlighting still works.',
        'Show Output',
      )
      .then((choice) => choice && output.show());
  }
}

async function stop() {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop();
    } catch (e) {
      output?.appendLine(`Stopping the language server: ${e && e.message ? e.message : e}`);
    }
  }
}

/** The restarts one after another, so that quick changes of settings start one server. */
let restarting = Promise.resolve();

function restart() {
  restarting = restarting
    .then(stop)
    .then(start)
    .catch((e) => output?.appendLine(`Restarting the language server: ${e && e.message ? e.message : e}`));
  return restarting;
}

function reportMissing(why) {
  output.appendLine(`The language server cannot start: ${why}`);
  vscode.window
    .showErrorMessage(
      `tieuchi: the language server cannot start: ${why} Highlighting works without it.`,
      'Open Settings',
    )
    .then((choice) => {
      if (choice) vscode.commands.executeCommand('workbench.action.openSettings', 'tieuchi.server');
    });
}

module.exports = { activate, deactivate };
