#!/usr/bin/env node
// The manifest (package.json) and the language configuration: what VS Code reads to tie `.tc`
// files to the grammar, the configuration and the client. Runs with `npm test`.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const test = require('node:test');

const ROOT = path.join(__dirname, '..');
const manifest = require('../package.json');
const readJson = (rel) => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));

test('the language, its grammar and its configuration are contributed', () => {
  assert.equal(manifest.name, 'tieuchi');
  assert.equal(manifest.publisher, 'tieuchi');
  assert.ok(manifest.engines.vscode, 'engines.vscode');
  const [lang] = manifest.contributes.languages;
  assert.equal(lang.id, 'tieuchi');
  assert.deepEqual(lang.extensions, ['.tc']);
  assert.ok(lang.aliases.includes('tieuchi'));
  assert.doesNotThrow(() => readJson(lang.configuration));
  const [grammar] = manifest.contributes.grammars;
  assert.equal(grammar.language, 'tieuchi');
  assert.equal(grammar.scopeName, 'source.tieuchi');
  assert.equal(readJson(grammar.path).scopeName, 'source.tieuchi');
});

test('the settings and their defaults', () => {
  const props = manifest.contributes.configuration.properties;
  assert.equal(props['tieuchi.server.path'].default, 'tieuchi');
  assert.deepEqual(props['tieuchi.server.args'].default, []);
  assert.deepEqual(props['tieuchi.trace.server'].enum, ['off', 'messages', 'verbose']);
});

test('the client is plain JavaScript with its dependency declared', () => {
  assert.ok(fs.existsSync(path.join(ROOT, manifest.main)), manifest.main);
  const source = fs.readFileSync(path.join(ROOT, manifest.main), 'utf8');
  assert.match(source, /require\('vscode-languageclient\/node'\)/);
  assert.ok(manifest.dependencies['vscode-languageclient']);
  assert.doesNotThrow(() => require.resolve('vscode-languageclient/node', { paths: [ROOT] }));
  // The command it registers is the one contributed.
  for (const { command } of manifest.contributes.commands) assert.ok(source.includes(`'${command}'`), command);
});

test('the package leaves out the tests and the development modules', () => {
  const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
  for (const entry of ['test/**', 'node_modules/vscode-textmate/**', 'node_modules/vscode-oniguruma/**']) {
    assert.ok(ignore.includes(entry), entry);
  }
});

const config = readJson('language-configuration.json');

test('comments, brackets and auto-closed quotes', () => {
  assert.equal(config.comments.lineComment, '//');
  assert.deepEqual(config.brackets, [
    ['{', '}'],
    ['(', ')'],
  ]);
  const opens = config.autoClosingPairs.map((p) => p.open);
  assert.deepEqual(opens, ['{', '(', '"']);
});

test('a word is a Vietnamese name, a date or a percent', () => {
  const word = new RegExp(config.wordPattern.pattern, 'g' + config.wordPattern.flags);
  assert.deepEqual('ngưỡng>=80% and tỷ_lệ@ca_nam'.match(word), ['ngưỡng', '80%', 'and', 'tỷ_lệ', 'ca_nam']);
  assert.deepEqual('đạt == "Đạt" from 2024-01-01'.match(word), ['đạt', 'Đạt', 'from', '2024-01-01']);
  // Decomposed (NFD) letters keep their combining marks.
  const nfd = 'đạt'.normalize('NFD');
  assert.deepEqual(nfd.match(word), [nfd]);
});

test('indentation after { and (, not after one inside a string or comment', () => {
  const rules = config.indentationRules;
  const inc = new RegExp(rules.increaseIndentPattern);
  const dec = new RegExp(rules.decreaseIndentPattern);
  const next = new RegExp(rules.indentNextLinePattern);
  for (const line of ['assessment a "A" {', 'test "a\\\\" { // {', '  criterion C1 "{" required {', 'x = max(']) {
    assert.ok(inc.test(line), line);
  }
  for (const line of ['criterion C1 "x {"', 'x // {', 'x { y }', 'input a "A": count']) {
    assert.ok(!inc.test(line), line);
  }
  assert.ok(dec.test('  }') && dec.test(')') && !dec.test('x }'));
  assert.ok(next.test('let ty_le "Tỷ lệ" =') && next.test('let x = // then') && !next.test('let x = 1'));
});
