#!/usr/bin/env node
// The TextMate grammar's test (`npm test`). It tokenizes every `.tc` file of the repository
// (`git ls-files '*.tc'` from the repository root) with vscode-textmate and vscode-oniguruma
// (the engine VS Code itself uses) and checks the scopes against a small independent scan of
// the same text (comments, strings, keywords, identifiers as grammar/criteria.pest reads them);
// then checks chosen tokens of test/fixtures/sample.tc against sample.scopes.json exactly; then
// checks that broken copies of the grammar are caught, so that the checks cannot pass vacuously.
'use strict';

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const oniguruma = require('vscode-oniguruma');
const textmate = require('vscode-textmate');

const HERE = __dirname;
const GRAMMAR_PATH = path.join(HERE, '..', 'syntaxes', 'tieuchi.tmLanguage.json');
const SAMPLE = path.join(HERE, 'fixtures', 'sample.tc');
const SAMPLE_SCOPES = path.join(HERE, 'fixtures', 'sample.scopes.json');
const MIN_FILES = 10;

// The keywords: the 47 of the language today, and any other that its specification
// (docs/language.md, "Keywords:"), the pest grammar (rule `keyword` of grammar/criteria.pest) or a
// lexer's table under src/syntax/ (`("word", WORD_KW)`) names, so that a keyword added there is
// checked here too.
const REPO = path.join(HERE, '..', '..', '..');
const KEYWORDS = readKeywords();

function readKeywords() {
  const words = new Set(
    ('assessment provisional criterion otherwise required invalid not_met outcome percent ruleset ' +
      'unknown choice expect number period points source target yes_no among count false given ' +
      'input param valid area date fail from pass test text true when and for let met not per set ' +
      'use in na or to').split(' '),
  );
  assert.equal(words.size, 47);
  const spec = path.join(REPO, 'docs', 'language.md');
  const m = /^- Keywords:((?:.|\n(?!\s*\n|- ))*)/m.exec(fs.readFileSync(spec, 'utf8'));
  assert.ok(m, `no "- Keywords:" item in ${spec}`);
  const listed = m[1].split(/[\s.,]+/).filter((w) => /^[a-z_]+$/.test(w));
  assert.ok(listed.length >= 40, `only ${listed.length} keywords read from ${spec}`);
  listed.forEach((w) => words.add(w));
  const pest = path.join(REPO, 'grammar', 'criteria.pest');
  if (fs.existsSync(pest)) {
    const rule = /^keyword\s*=\s*@\{\s*\(([^)]*)\)/m.exec(fs.readFileSync(pest, 'utf8'));
    assert.ok(rule, `no rule \`keyword\` in ${pest}`);
    for (const w of rule[1].matchAll(/"([^"]+)"/g)) words.add(w[1]);
  }
  for (const file of rustFiles(path.join(REPO, 'src', 'syntax'))) {
    for (const w of fs.readFileSync(file, 'utf8').matchAll(/\("([a-z_]+)",\s*[A-Z_]+_KW\)/g)) words.add(w[1]);
  }
  return words;
}

function rustFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return rustFiles(p);
    return e.name.endsWith('.rs') ? [p] : [];
  });
}

const IDENT_START = /[\p{L}_]/u;
const IDENT_CHAR = /[\p{L}\p{M}\p{Nd}\p{Pc}]/u;

/** The independent scan: comment, string, keyword and identifier tokens as UTF-16 offsets. */
function scan(text) {
  const tokens = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      let j = text.indexOf('\n', i);
      if (j < 0) j = n;
      tokens.push({ kind: 'comment', start: i, end: j });
      i = j;
    } else if (c === '"') {
      let j = i + 1;
      let closed = false;
      while (j < n) {
        if (text[j] === '\\') {
          j += 2;
        } else if (text[j] === '"') {
          j += 1;
          closed = true;
          break;
        } else {
          j += 1;
        }
      }
      j = Math.min(j, n);
      tokens.push({ kind: 'string', start: i, end: j, closed });
      i = j;
    } else if (IDENT_START.test(codePointAt(text, i))) {
      let j = i + codePointAt(text, i).length;
      while (j < n && IDENT_CHAR.test(codePointAt(text, j))) j += codePointAt(text, j).length;
      const word = text.slice(i, j);
      tokens.push({ kind: KEYWORDS.has(word) ? 'keyword' : 'ident', start: i, end: j, word });
      i = j;
    } else if (/[0-9]/.test(c)) {
      // A number, with whatever identifier characters stick to it (not an identifier then).
      let j = i + 1;
      while (j < n && IDENT_CHAR.test(codePointAt(text, j))) j += codePointAt(text, j).length;
      i = j;
    } else {
      i += codePointAt(text, i).length;
    }
  }
  return tokens;
}

function codePointAt(text, i) {
  return String.fromCodePoint(text.codePointAt(i));
}

async function loadOniguruma() {
  const wasmPath = path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm');
  const wasm = fs.readFileSync(wasmPath);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return {
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s) => new oniguruma.OnigString(s),
  };
}

async function loadGrammar(onigLib, rawText) {
  const registry = new textmate.Registry({
    onigLib: Promise.resolve(onigLib),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.tieuchi' ? textmate.parseRawGrammar(rawText, GRAMMAR_PATH) : null,
  });
  const grammar = await registry.loadGrammar('source.tieuchi');
  assert.ok(grammar, 'the grammar source.tieuchi loads');
  return grammar;
}

/**
 * Tokenizes a whole text line by line. Returns the lines, each with its offset in the text and
 * the scopes of each of its UTF-16 code units; throws when a line does not tokenize fully.
 */
function tokenize(grammar, text, file) {
  const lines = [];
  let ruleStack = textmate.INITIAL;
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (;;) {
    const m = re.exec(text);
    const end = m ? m.index : text.length;
    const line = text.slice(start, end);
    const where = `${file}:${lines.length + 1}`;
    const r = grammar.tokenizeLine(line, ruleStack);
    assert.ok(!r.stoppedEarly, `${where}: tokenizing stopped early`);
    const scopes = new Array(line.length);
    let expected = 0;
    for (const t of r.tokens) {
      assert.equal(t.startIndex, expected, `${where}: tokens leave a gap at column ${expected}`);
      const stop = Math.min(t.endIndex, line.length);
      for (let k = t.startIndex; k < stop; k++) scopes[k] = t.scopes;
      expected = Math.max(expected, stop);
    }
    assert.equal(expected, line.length, `${where}: tokens stop at column ${expected}`);
    lines.push({ offset: start, text: line, scopes, tokens: r.tokens });
    ruleStack = r.ruleStack;
    if (!m) break;
    start = m.index + m[0].length;
  }
  return lines;
}

/** Calls `f(lineIndex, column, scopes)` for each code unit of [start, end) that is on a line. */
function eachUnit(lines, start, end, f) {
  let li = lineIndex(lines, start);
  for (let off = start; off < end; off++) {
    while (li + 1 < lines.length && lines[li + 1].offset <= off) li++;
    const col = off - lines[li].offset;
    if (col < lines[li].text.length) f(li, col, lines[li].scopes[col]);
  }
}

function lineIndex(lines, off) {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].offset <= off) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const has = (scopes, prefix) => scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));

/**
 * The checks of one file against the independent scan. Returns a list of failures (empty when
 * the file passes) and counts of what was checked.
 */
function checkFile(grammar, file, text) {
  const failures = [];
  const counts = { lines: 0, comment: 0, string: 0, keyword: 0, ident: 0, identWithKeyword: 0 };
  let lines;
  try {
    lines = tokenize(grammar, text, file);
  } catch (e) {
    return { failures: [e.message], counts };
  }
  counts.lines = lines.length;
  const where = (li, col) => `${file}:${li + 1}:${col + 1}`;
  for (const tok of scan(text)) {
    counts[tok.kind]++;
    let bad = null;
    const want = {
      comment: (s) => has(s, 'comment.line'),
      string: (s) => has(s, 'string.quoted'),
      keyword: (s) => has(s, 'keyword'),
      ident: (s) =>
        !has(s, 'keyword') && ['variable', 'entity.name', 'support.function'].some((x) => has(s, x)),
    }[tok.kind];
    eachUnit(lines, tok.start, tok.end, (li, col, scopes) => {
      if (!bad && !want(scopes)) bad = { li, col, scopes };
    });
    if (tok.kind === 'ident' && [...KEYWORDS].some((k) => tok.word.includes(k))) {
      counts.identWithKeyword++;
    }
    if (bad) {
      const what = {
        comment: 'a comment not scoped comment.line',
        string: 'a string not scoped string.quoted',
        keyword: `the keyword \`${tok.word}\` without a keyword scope`,
        ident: `the identifier \`${tok.word}\` scoped as a keyword or not as a name`,
      }[tok.kind];
      failures.push(`${where(bad.li, bad.col)}: ${what} (${bad.scopes.join(' ')})`);
    }
  }
  return { failures, counts };
}

/**
 * Exact scopes of chosen tokens of a text: each expectation names a line (1-based), a token's
 * text, its occurrence on the line (`nth`, from 1) and its scopes after `source.tieuchi`.
 */
function checkExact(grammar, name, text, expectations) {
  const lines = tokenize(grammar, text, name);
  const failures = [];
  for (const e of expectations) {
    const line = lines[e.line - 1];
    const label = `${name}:${e.line} \`${e.text}\`${e.nth ? ` (#${e.nth})` : ''}`;
    if (!line) {
      failures.push(`${label}: no such line`);
      continue;
    }
    let col = -1;
    for (let k = 0; k < (e.nth || 1); k++) {
      col = line.text.indexOf(e.text, col + 1);
      if (col < 0) break;
    }
    if (col < 0) {
      failures.push(`${label}: not on that line`);
      continue;
    }
    const tok = line.tokens.find((t) => t.startIndex === col);
    const got = tok ? tok.scopes.slice(1) : null;
    const gotText = tok ? line.text.slice(tok.startIndex, tok.endIndex) : null;
    if (gotText !== e.text) {
      failures.push(`${label}: the token there is \`${gotText}\`, not \`${e.text}\``);
    } else if (JSON.stringify(got) !== JSON.stringify(e.scopes)) {
      failures.push(`${label}: scopes ${JSON.stringify(got)}, expected ${JSON.stringify(e.scopes)}`);
    } else if (tok.scopes[0] !== 'source.tieuchi') {
      failures.push(`${label}: outer scope ${tok.scopes[0]}`);
    }
  }
  return failures;
}

const VARIABLE = ['variable.other.tieuchi'];

// Small texts for what the repository's files do not show (they need not parse).
const CASES = [
  {
    name: 'unclosed choice list',
    text: 'input a "A": choice(x "X", y\ninput b "B": count\n',
    tokens: [
      { line: 1, text: 'y', scopes: ['entity.name.variable.option.tieuchi'] },
      { line: 2, text: 'input', scopes: ['keyword.declaration.input.tieuchi'] },
      { line: 2, text: 'b', scopes: ['entity.name.variable.input.tieuchi'] },
    ],
  },
  {
    name: 'keywords inside Vietnamese and other identifiers',
    text: `let toàn = nào + ${'toàn'.normalize('NFD')} + x_in + in2 + notice + na_x + đa\n`,
    tokens: [
      { line: 1, text: 'toàn', scopes: ['entity.name.variable.let.tieuchi'] },
      { line: 1, text: 'nào', scopes: VARIABLE },
      { line: 1, text: 'toàn'.normalize('NFD'), scopes: VARIABLE },
      { line: 1, text: 'x_in', scopes: VARIABLE },
      { line: 1, text: 'in2', scopes: VARIABLE },
      { line: 1, text: 'notice', scopes: VARIABLE },
      { line: 1, text: 'na_x', scopes: VARIABLE },
      { line: 1, text: 'đa', scopes: VARIABLE },
    ],
  },
  {
    name: 'strings across lines, escaped quotes, a comment after a backslash',
    text: 'source "a\\\\" // c\nsource "x \\" y\nz" na\n',
    tokens: [
      { line: 1, text: '\\\\', scopes: ['string.quoted.double.tieuchi', 'constant.character.escape.tieuchi'] },
      { line: 1, text: '//', scopes: ['comment.line.double-slash.tieuchi', 'punctuation.definition.comment.tieuchi'] },
      { line: 2, text: '\\"', scopes: ['string.quoted.double.tieuchi', 'constant.character.escape.tieuchi'] },
      { line: 2, text: ' y', scopes: ['string.quoted.double.tieuchi'] },
      { line: 3, text: 'z', scopes: ['string.quoted.double.tieuchi'] },
      { line: 3, text: 'na', scopes: ['keyword.other.result.tieuchi', 'constant.language.result.tieuchi'] },
    ],
  },
  {
    name: 'a decimal percent, a built-in name',
    text: 'x = 1.5% + max_points\n',
    tokens: [
      { line: 1, text: '1.5%', scopes: ['constant.numeric.percent.tieuchi'] },
      { line: 1, text: 'max_points', scopes: ['variable.language.tieuchi'] },
    ],
  },
];

/** The exact scopes of the sample (sample.scopes.json) and of the small cases above. */
function checkSample(grammar) {
  const text = fs.readFileSync(SAMPLE, 'utf8');
  const expectations = JSON.parse(fs.readFileSync(SAMPLE_SCOPES, 'utf8')).tokens;
  const failures = checkExact(grammar, 'sample.tc', text, expectations);
  let checked = expectations.length;
  for (const c of CASES) {
    failures.push(...checkExact(grammar, c.name, c.text, c.tokens));
    checked += c.tokens.length;
  }
  return { failures, checked };
}

function repositoryFiles() {
  const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: HERE, encoding: 'utf8' }).trim();
  const listed = execFileSync('git', ['ls-files', '-z', '--', '*.tc'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean)
    .map((f) => path.join(root, f));
  const files = [...new Set([...listed, SAMPLE])];
  return { root, files };
}

/** Every check, for one grammar text: the repository's files and the sample. */
function runAll(grammar, files, root) {
  const failures = [];
  const totals = { files: 0, lines: 0, comment: 0, string: 0, keyword: 0, ident: 0, identWithKeyword: 0 };
  for (const file of files) {
    const rel = path.relative(root, file);
    const { failures: f, counts } = checkFile(grammar, rel, fs.readFileSync(file, 'utf8'));
    failures.push(...f);
    totals.files++;
    for (const k of Object.keys(counts)) totals[k] += counts[k];
  }
  const sample = checkSample(grammar);
  failures.push(...sample.failures);
  return { failures, totals, sampleChecked: sample.checked };
}

// Broken copies of the grammar that the checks above must reject.
const MUTANTS = [
  {
    what: 'strings without escapes (`"a\\\\"` then `// note` would stay a string)',
    edit: (g) => {
      g.repository.string.patterns = [];
    },
  },
  {
    what: 'keywords without the identifier boundary after them (`passed` would start with `pass`)',
    edit: (g) => {
      for (const p of g.repository.keyword.patterns) p.match = p.match.replace(/\(\?!\[[^\]]*\]\)$/, '');
    },
  },
  {
    what: 'no comment rule',
    edit: (g) => {
      g.patterns = g.patterns.filter((p) => p.include !== '#comment');
    },
  },
  {
    what: 'identifiers of ASCII letters only (Vietnamese names split into pieces)',
    edit: (g) => {
      g.repository.identifier.patterns[1].match = '[A-Za-z_][A-Za-z0-9_]*';
    },
  },
];

async function main() {
  const onigLib = await loadOniguruma();
  const rawText = fs.readFileSync(GRAMMAR_PATH, 'utf8');
  const { root, files } = repositoryFiles();
  if (files.length - 1 < MIN_FILES) {
    throw new Error(`found ${files.length - 1} .tc files under ${root} (git ls-files '*.tc'); expected at least ${MIN_FILES}`);
  }

  const grammar = await loadGrammar(onigLib, rawText);
  const { failures, totals, sampleChecked } = runAll(grammar, files, root);
  // Every keyword of the parser, used or not in the files: alone, after `x ` and before ` x`.
  for (const k of KEYWORDS) {
    failures.push(...checkFile(grammar, `the keyword ${k}`, `${k}\nx ${k} x\n`).failures);
  }
  if (failures.length > 0) {
    for (const f of failures.slice(0, 50)) console.error(`FAIL ${f}`);
    if (failures.length > 50) console.error(`… and ${failures.length - 50} more`);
    process.exitCode = 1;
    return;
  }
  // The counts show the checks bite: an empty scan would pass anything.
  for (const k of ['comment', 'string', 'keyword', 'ident', 'identWithKeyword']) {
    assert.ok(totals[k] > 0, `the scan found no ${k} token`);
  }
  console.log(
    `ok: ${totals.files} .tc files, ${totals.lines} lines: ${totals.comment} comments, ` +
      `${totals.string} strings, ${totals.keyword} keywords, ${totals.ident} identifiers ` +
      `(${totals.identWithKeyword} containing a keyword) scoped as the scan reads them; ` +
      `${sampleChecked} tokens of the sample and small cases scoped exactly`,
  );

  for (const m of MUTANTS) {
    const raw = JSON.parse(rawText);
    m.edit(raw);
    const mutant = await loadGrammar(onigLib, JSON.stringify(raw));
    const r = runAll(mutant, files, root);
    if (r.failures.length === 0) {
      console.error(`FAIL a broken grammar passes the checks: ${m.what}`);
      process.exitCode = 1;
    } else {
      console.log(`ok: a broken grammar is caught (${r.failures.length} failures): ${m.what}`);
    }
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exitCode = 1;
});
