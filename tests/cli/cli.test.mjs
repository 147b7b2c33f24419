// The command-line tool in pkg/cli.mjs: every input kind, output format and exit code.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { cli, fixtures, positionOf, root, run, tempDir } from './helpers.mjs';

const api = createRequire(import.meta.url)(path.join(root, 'pkg'));
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'pkg', 'package.json'), 'utf8'));
const read = (name) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const lines = (s) => s.split('\n').filter((l) => l !== '');
const summary = (stdout) => lines(stdout).at(-1);
const json = (args, opts) => {
  const r = run([...args, '--format', 'json'], opts);
  return { ...r, results: JSON.parse(r.stdout) };
};

test('the package declares the CLI as its bin and ships it', () => {
  assert.deepEqual(manifest.bin, { 'jira-integration-payloads': './cli.mjs' });
  assert.ok(manifest.files.includes('cli.mjs'));
  assert.ok(fs.statSync(cli).mode & 0o111, 'cli.mjs is executable');
  assert.match(fs.readFileSync(cli, 'utf8'), /^#!\/usr\/bin\/env node\n/);
});

test('--help for the tool and every command; --version', () => {
  for (const args of [['--help'], ['-h'], ['help'], ['help', 'validate']]) {
    const r = run(args);
    assert.equal(r.code, 0, args.join(' '));
    assert.match(r.stdout, /^Usage: jira-integration-payloads /);
  }
  for (const command of ['validate', 'build', 'redact', 'schema']) {
    for (const flag of ['--help', '-h']) {
      const r = run([command, flag]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, new RegExp(`^Usage: jira-integration-payloads ${command} `));
      assert.equal(r.stderr, '');
    }
  }
  const v = run(['--version']);
  assert.equal(v.code, 0);
  assert.equal(v.stdout.trim(), manifest.version);
});

test('usage problems exit 2 with a clear message on stderr', () => {
  const cases = [
    [[], /Usage: jira-integration-payloads <command>/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['--frob'], /unknown option --frob/],
    [['validate', '--frob', 'valid.json'], /unknown option --frob for validate\nRun 'jira-integration-payloads validate --help'/],
    [['validate', '-x', 'valid.json'], /unknown option -x for validate/],
    [['validate', '--format', 'xml', 'valid.json'], /--format must be text, json, github, sarif or junit, not "xml"/],
    [['validate', '--operation', 'create', 'valid.json'], /--operation must be add or update, not "create"/],
    [['validate', '--api', 'bitbucket', 'valid.json'], /--api must be gij or xray/],
    [['validate', '--id', '7', 'valid.json'], /--id is only for --operation update/],
    [['validate', '--strict=yes', 'valid.json'], /--strict takes no value/],
    [['validate', 'valid.json', '--operation'], /--operation needs a value/],
    [['build', '--format', 'text', 'form.json'], /--format must be json or curl/],
    [['build', 'form.json', 'valid.json'], /build reads one file/],
    [['schema', 'gij-delete'], /unknown schema "gij-delete"; the names are gij-add, gij-update, xray-create, xray-update/],
    [['schema', 'gij-add', '--api', 'gij'], /give either NAME or --api\/--operation/],
  ];
  for (const [args, message] of cases) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '', args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
  }
});

test('a valid object file: exit 0 and a summary line', () => {
  const r = run(['validate', 'valid.json']);
  assert.equal(r.code, 0, r.stdout);
  assert.equal(r.stdout, '1 file, 1 payload, 0 errors, 0 warnings\n');
  assert.equal(r.stderr, '');
});

test('an object with errors: file:line:column: severity code path: message (suggestion), exit 1', () => {
  const r = run(['validate', 'errors.json']);
  assert.equal(r.code, 1);
  const text = read('errors.json');
  const key = positionOf(text, '"dispalyName"');
  assert.deepEqual(lines(r.stdout), [
    'errors.json:1:1: error missing-required-field /origin: GERRIT integrations need the host URL (origin). ("origin": "http://gerrit.example.com:8080")',
    `errors.json:${key.line}:${key.column}: error unknown-field /dispalyName: "dispalyName" is not a field of the integration API; did you mean "displayName"? (displayName)`,
    '1 file, 1 payload, 2 errors, 0 warnings',
  ]);
});

test('an array of payloads: each diagnostic at its line and column in the file', () => {
  const text = read('array.json');
  const { code, results } = json(['validate', 'array.json']);
  assert.equal(code, 1);
  assert.deepEqual(results.map((r) => [r.index, r.line, r.ok]), [[0, 2, true], [1, 3, false], [2, 7, false], [3, 7, false], [4, 8, false]]);
  const at = (i, c) => results[i].diagnostics.filter((d) => d.code === c).map((d) => `${d.line}:${d.column}`);
  const region = positionOf(text, '"eu-west-9"');
  assert.deepEqual(at(1, 'unknown-aws-region'), [`${region.line}:${region.column}`]);
  // Payload 2 starts mid-line after indentation; payload 3 on the same line after it.
  const third = positionOf(text, '{"type": "GITHUB"');
  assert.deepEqual(at(2, 'missing-credentials'), [`${third.line}:${third.column}`]);
  const depth = positionOf(text, '"folderDepth"');
  assert.deepEqual(at(3, 'field-type-specific'), [`${depth.line}:${depth.column}`]);
  // Brackets, commas and escaped quotes inside strings do not split payloads; columns count
  // UTF-16 units (the emoji is two).
  const bogus = positionOf(text, '"bogus"');
  assert.deepEqual(at(4, 'unknown-field'), [`${bogus.line}:${bogus.column}`]);
});

test('NDJSON: line numbers preserved across blank lines, CRLF, and a malformed line', () => {
  const text = read('payloads.ndjson');
  const r = json(['validate', 'payloads.ndjson']);
  assert.equal(r.code, 1);
  assert.deepEqual(r.results.map((x) => [x.index, x.line, x.ok]), [[0, 1, true], [1, 3, false], [2, 5, false]]);
  const tags = positionOf(text, '5}');
  assert.deepEqual(r.results[1].diagnostics.map((d) => [d.code, d.line, d.column]), [['wrong-json-type', 3, tags.column]]);
  const syntax = r.results[2].diagnostics;
  const comma = positionOf(text, ',, ');
  assert.deepEqual(syntax.map((d) => [d.code, d.line, d.column]), [['invalid-json', 5, comma.column + 1]]);
  assert.match(syntax[0].message, new RegExp(`^Line 5, column ${comma.column + 1}: `));

  const crlf = run(['validate', 'crlf.ndjson']);
  const patt = positionOf(read('crlf.ndjson'), '"patt"');
  assert.ok(lines(crlf.stdout).includes(`crlf.ndjson:2:${patt.column}: error unknown-field /patt: "patt" is not a field of the integration API; did you mean "pat"? (pat)`), crlf.stdout);
});

test('NDJSON is recognised without the .ndjson extension (stdin, .json)', () => {
  const text = read('payloads.ndjson');
  for (const r of [json(['validate', '-'], { input: text }), json(['validate'], { input: text })]) {
    assert.deepEqual(r.results.map((x) => [x.file, x.line]), [['<stdin>', 1], ['<stdin>', 3], ['<stdin>', 5]]);
  }
});

test('malformed JSON: one invalid-json diagnostic at its line:column', () => {
  const r = run(['validate', 'malformed.json']);
  assert.equal(r.code, 1);
  const comma = positionOf(read('malformed.json'), ',\n}');
  assert.equal(lines(r.stdout)[0], `malformed.json:${comma.line}:${comma.column}: error invalid-json: Line ${comma.line}, column ${comma.column}: a trailing comma before a closing bracket or brace is not allowed in JSON. (Remove the comma after the last item.)`);
  assert.equal(summary(r.stdout), '1 file, 1 payload, 1 error, 0 warnings');
});

function treeCopy() {
  const dir = tempDir('cli-tree-');
  fs.cpSync(path.join(fixtures, 'tree'), dir, { recursive: true });
  for (const skipped of ['.hidden', 'node_modules', 'sub/.git']) {
    fs.mkdirSync(path.join(dir, skipped), { recursive: true });
    fs.writeFileSync(path.join(dir, skipped, 'skip.json'), 'not json');
  }
  return dir;
}

test('a directory: *.json and *.ndjson recursively, sorted; dot-directories, node_modules and other files skipped', () => {
  const dir = treeCopy();
  const r = json(['validate', '.'], { cwd: dir });
  assert.deepEqual([...new Set(r.results.map((x) => x.file))], ['a.json', 'sub/b.ndjson', 'sub/deeper/c.json', 'sub/deeper/d.json']);
  assert.equal(r.code, 1);
  const t = run(['validate', dir]);
  assert.equal(summary(t.stdout), '4 files, 5 payloads, 2 errors, 0 warnings');
});

test('globs: *, ? and ** (quoted, expanded by the tool), files named twice counted once', () => {
  const dir = treeCopy();
  const files = (args) => [...new Set(json(['validate', ...args], { cwd: dir }).results.map((x) => x.file))];
  assert.deepEqual(files(['**/*.json']), ['a.json', 'sub/deeper/c.json', 'sub/deeper/d.json']);
  assert.deepEqual(files(['sub/**/?.json']), ['sub/deeper/c.json', 'sub/deeper/d.json']);
  assert.deepEqual(files(['sub/*']), ['sub/b.ndjson']);
  assert.deepEqual(files(['*.txt']), ['notes.txt']);
  assert.deepEqual(files(['sub/**', 'sub/b.ndjson']), ['sub/b.ndjson', 'sub/deeper/c.json', 'sub/deeper/d.json']);
  assert.deepEqual(files([`${dir}/sub/deeper/*.json`]).map((f) => path.basename(f)), ['c.json', 'd.json']);
  const none = run(['validate', 'nothing/**/*.json'], { cwd: dir });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no file matches nothing\/\*\*\/\*\.json/);
});

test('stdin with - and piped without a path', () => {
  const input = read('errors.json');
  for (const args of [['validate', '-'], ['validate']]) {
    const r = run(args, { input });
    assert.equal(r.code, 1);
    assert.match(lines(r.stdout)[0], /^<stdin>:1:1: error missing-required-field \/origin: /);
  }
});

test('--format json: one entry per payload with file, index, line, ok, diagnostics', () => {
  const r = json(['validate', 'valid.json', 'errors.json', 'warnings.json']);
  assert.equal(r.code, 1);
  assert.deepEqual(r.results.map((x) => Object.keys(x)), Array(3).fill(['file', 'index', 'line', 'ok', 'diagnostics']));
  assert.deepEqual(r.results.map((x) => [x.file, x.index, x.line, x.ok, x.diagnostics.length]), [
    ['valid.json', 0, 1, true, 0],
    ['errors.json', 0, 1, false, 2],
    ['warnings.json', 0, 1, true, 1],
  ]);
  assert.equal(r.results[2].diagnostics[0].code, 'deprecated-field');
});

test('--format github: annotations with escaped properties and messages', () => {
  const dir = tempDir('cli-gh-');
  const name = 'odd, name: 100%.json';
  fs.writeFileSync(path.join(dir, name), '{"type": "VSTS", "pat": "<pat>", "requireUserPat": true,\n "a%b\\ncd, e: f": 1, "limitGitData": true}');
  const r = run(['validate', '--format', 'github', name], { cwd: dir });
  assert.equal(r.code, 1);
  const file = 'file=odd%2C name%3A 100%25.json';
  assert.deepEqual(lines(r.stdout), [
    `::error ${file},line=2,col=2,title=unknown-field::/a%25b%0Acd, e: f: "a%25b%0Acd, e: f" is not a field of the integration API.`,
    `::warning ${file},line=2,col=22,title=deprecated-field::/limitGitData: limitGitData is deprecated and ignored by the server. (Remove limitGitData.)`,
    '1 file, 1 payload, 1 error, 1 warning',
  ]);
  const stdin = run(['validate', '--format', 'github', '-'], { input: read('errors.json') });
  assert.match(lines(stdin.stdout)[0], /^::error line=1,col=1,title=missing-required-field::\/origin: /);
});

test('--strict fails on warnings; --info shows recommendations', () => {
  assert.equal(run(['validate', 'warnings.json']).code, 0);
  const strict = run(['validate', '--strict', 'warnings.json']);
  assert.equal(strict.code, 1);
  assert.equal(summary(strict.stdout), '1 file, 1 payload, 0 errors, 1 warning');
  const payload = '{"type": "GITLAB", "pat": "<pat>"}';
  assert.equal(run(['validate', '-'], { input: payload }).stdout, '1 file, 1 payload, 0 errors, 0 warnings\n');
  const info = run(['validate', '--info', '-'], { input: payload });
  assert.equal(info.code, 0);
  assert.match(info.stdout, /^<stdin>:1:1: info require-user-pat-recommended \/requireUserPat: /);
  assert.equal(summary(info.stdout), '1 file, 1 payload, 0 errors, 0 warnings, 1 info');
  assert.equal(run(['validate', '--strict', '-'], { input: payload }).code, 0, 'info never fails');
});

test('I/O problems exit 2: missing file, unreadable directory; the readable files are still reported', () => {
  const r = run(['validate', 'valid.json', 'no-such-file.json', 'errors.json']);
  assert.equal(r.code, 2);
  assert.equal(summary(r.stdout), '2 files, 2 payloads, 2 errors, 0 warnings');
  assert.equal(r.stderr, 'jira-integration-payloads: cannot read no-such-file.json: no such file or directory\n');
  const alone = run(['validate', 'no-such-file.json']);
  assert.equal(alone.code, 2);
  assert.equal(alone.stdout, '');
  const notDir = run(['validate', 'valid.json/x.json']);
  assert.equal(notDir.code, 2);
  assert.match(notDir.stderr, /cannot read valid\.json\/x\.json: a part of the path is not a directory/);
  const empty = tempDir('cli-empty-');
  const none = run(['validate', empty]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no \*\.json or \*\.ndjson file under /);
  const missingCurrent = run(['validate', '--operation', 'update', '--current', 'nope.json', 'update.json']);
  assert.equal(missingCurrent.code, 2);
  assert.match(missingCurrent.stderr, /cannot read --current: no such file or directory/);
});

// Root reads every directory, so as root the CLI runs as nobody (65534), when nobody can read it.
test('an unreadable directory exits 2; the rest of the tree is still checked', (t) => {
  const asRoot = process.getuid?.() === 0;
  const nobody = { uid: 65534, gid: 65534 };
  if (asRoot && spawnSync(process.execPath, [cli, '--version'], nobody).status !== 0) {
    t.skip('running as root and nobody cannot read pkg/cli.mjs');
    return;
  }
  const dir = treeCopy();
  if (asRoot) fs.chmodSync(dir, 0o755);
  fs.chmodSync(path.join(dir, 'sub', 'deeper'), 0o000);
  try {
    const r = run(['validate', '.'], { cwd: dir, ...(asRoot ? nobody : {}) });
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr, 'jira-integration-payloads: cannot read directory sub/deeper: permission denied\n');
    assert.equal(summary(r.stdout), '2 files, 3 payloads, 1 error, 0 warnings');
  } finally {
    fs.chmodSync(path.join(dir, 'sub', 'deeper'), 0o755);
  }
});

test('a dangling symlink: the other files are reported, exit 2', () => {
  const dir = tempDir('cli-io-');
  fs.writeFileSync(path.join(dir, 'ok.json'), read('valid.json'));
  fs.symlinkSync(path.join(dir, 'gone.json'), path.join(dir, 'dangling.json'));
  const r = run(['validate', 'ok.json', 'dangling.json'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '1 file, 1 payload, 0 errors, 0 warnings\n');
  assert.match(r.stderr, /cannot read dangling\.json: no such file or directory/);
});

test('updates: --id, the body\'s own id, and --current', () => {
  const noId = run(['validate', '--operation', 'update', '-'], { input: '{"displayName": "x"}' });
  assert.equal(noId.code, 1);
  assert.match(noId.stdout, /error invalid-integration-id: An update needs integrationId/);
  assert.equal(run(['validate', '--operation', 'update', 'update.json']).code, 0, 'the body id serves as integrationId');
  const mismatch = run(['validate', '--operation', 'update', '--id', '8', 'update.json']);
  assert.equal(mismatch.code, 1);
  assert.match(mismatch.stdout, /error id-mismatch \/id: /);
  const same = run(['validate', '--operation', 'update', '--id', '7', '--current', 'current.json', '--strict', 'update.json']);
  assert.equal(same.code, 0, same.stdout);
  const unchanged = run(['validate', '--operation', 'update', '--current', 'current.json', '-'], { input: '{"id": 7, "displayName": "Payments repositories"}' });
  assert.match(unchanged.stdout, /warning empty-update: The update sets only values the integration already has\./);
  const badCurrent = run(['validate', '--operation', 'update', '--current', 'malformed.json', 'update.json']);
  assert.equal(badCurrent.code, 2);
  assert.match(badCurrent.stderr, /--current malformed\.json is not valid JSON/);
});

test('colour only on request (FORCE_COLOR) or a terminal, never with NO_COLOR', () => {
  assert.doesNotMatch(run(['validate', 'errors.json']).stdout, /\x1b\[/);
  const forced = run(['validate', 'errors.json'], { env: { FORCE_COLOR: '1' } });
  assert.match(forced.stdout, /\x1b\[1;31merror\x1b\[22;39m/);
  assert.equal(forced.stdout.replace(/\x1b\[[0-9;]*m/g, ''), run(['validate', 'errors.json']).stdout);
  assert.doesNotMatch(run(['validate', 'errors.json'], { env: { FORCE_COLOR: '0' } }).stdout, /\x1b\[/);
  assert.doesNotMatch(run(['validate', 'errors.json'], { env: { NO_COLOR: '1' } }).stdout, /\x1b\[/);
  assert.doesNotMatch(run(['validate', '--format', 'github', 'errors.json'], { env: { FORCE_COLOR: '1' } }).stdout, /\x1b\[/);
});

test('no progress line when stderr is not a terminal', () => {
  const input = Array(300).fill('{"type": "VSTS", "pat": "<pat>", "requireUserPat": true}').join('\n');
  const r = run(['validate', '-'], { input });
  assert.equal(r.code, 0);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, '1 file, 300 payloads, 0 errors, 0 warnings\n');
});

test('build: the request as JSON with secrets masked, diagnostics on stderr', () => {
  const r = run(['build', 'form.json', '--base-url', 'https://jira.example.com']);
  assert.equal(r.code, 0, r.stderr);
  const request = JSON.parse(r.stdout);
  assert.equal(request.method, 'POST');
  assert.equal(request.url, 'https://jira.example.com/rest/gitplugin/1.0/integration');
  assert.deepEqual(request.body, {
    type: 'GITLAB_SERVER', origin: 'https://gitlab.example.com', pat: '[REDACTED]', global: false,
    projectMappingIds: [10000, 10100], requireUserPat: true,
  });
  assert.doesNotMatch(r.stdout + r.stderr, /glpat/);
  const secret = JSON.parse(run(['build', '--include-secrets', 'form.json']).stdout);
  assert.equal(secret.body.pat, "glpat-it's-secret");
  assert.equal(secret.url, undefined);
});

test('build --format curl: the shared shell-quoted command, masked unless --include-secrets', () => {
  const masked = run(['build', '--format', 'curl', 'form.json']);
  assert.equal(masked.code, 0);
  assert.equal(masked.stdout, `curl -X POST "$JIRA_BASE_URL"'/rest/gitplugin/1.0/integration' \\
  -H 'Accept: application/json' \\
  -H 'Content-Type: application/json' \\
  -H "Authorization: Bearer $JIRA_PAT" \\
  --data-raw '{
  "type": "GITLAB_SERVER",
  "origin": "https://gitlab.example.com",
  "pat": "[REDACTED]",
  "global": false,
  "projectMappingIds": [
    10000,
    10100
  ],
  "requireUserPat": true
}'\n`);
  const open = run(['build', '--format', 'curl', '--include-secrets', '--base-url', 'https://jira.example.com', 'form.json']);
  assert.match(open.stdout, /^curl -X POST 'https:\/\/jira\.example\.com\/rest\/gitplugin\/1\.0\/integration' /);
  assert.match(open.stdout, /"pat": "glpat-it'\\''s-secret"/);
  const update = run(['build', '--format', 'curl', '--operation', 'update', '--id', '7', '--current', 'current.json', '-'],
    { input: '{"type": "GITLAB", "displayName": "Payments repositories", "tagsFilter": "^v"}' });
  assert.equal(update.stdout, `curl -X PUT "$JIRA_BASE_URL"'/rest/gitplugin/1.0/integration/7' \\
  -H 'Accept: application/json' \\
  -H 'Content-Type: application/json' \\
  -H "Authorization: Bearer $JIRA_PAT" \\
  --data-raw '{
  "tagsFilter": "^v"
}'\n`);
});

test('build: errors exit 1 with nothing on stdout; malformed form JSON gives its position', () => {
  const r = run(['build', 'bad-form.json']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^bad-form\.json:1:1: error missing-required-field \/origin: GERRIT integrations need the host URL/m);
  const m = run(['build', 'malformed.json']);
  assert.equal(m.code, 1);
  assert.equal(m.stdout, '');
  assert.match(m.stderr, /^malformed\.json:3:17: error invalid-json: /);
  const strict = run(['build', '--strict', '-'], { input: '{"type": "GITHUB", "pat": "p", "requireUserPat": "on", "limitGitData": "on"}' });
  assert.equal(strict.code, 1);
  assert.equal(strict.stdout, '');
  assert.match(strict.stderr, /warning deprecated-field/);
  assert.equal(run(['build', '-'], { input: '{"type": "GITHUB", "pat": "p", "requireUserPat": "on", "limitGitData": "on"}' }).code, 0);
});

test('redact: an object, an array and NDJSON keep their shape, secrets are gone', () => {
  const obj = run(['redact', '-'], { input: '{"type": "GITHUB", "pat": "ghp_SECRET", "origin": "https://bob:hunter2@ghe.example.com"}' });
  assert.equal(obj.code, 0);
  assert.doesNotMatch(obj.stdout, /SECRET|hunter2/);
  assert.deepEqual(JSON.parse(obj.stdout).pat, '[REDACTED]');
  const arr = JSON.parse(run(['redact', 'array.json']).stdout);
  assert.equal(arr.length, 5);
  assert.equal(arr[1].password, '[REDACTED]');
  assert.equal(arr[1].username, '<user>');
  const nd = run(['redact', 'crlf.ndjson']);
  assert.equal(nd.code, 0);
  assert.deepEqual(lines(nd.stdout).map((l) => JSON.parse(l).pat), ['[REDACTED]', undefined]);
  const broken = run(['redact', 'payloads.ndjson']);
  assert.equal(broken.code, 1, 'a malformed line is not silently dropped');
  assert.equal(broken.stdout, '');
  assert.match(broken.stderr, /^payloads\.ndjson:5:35: error invalid-json: Line 5, column 35: /);
  const bad = run(['redact', 'malformed.json']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^malformed\.json:3:17: error invalid-json/);
});

test('schema: prints the same schema as the shipped file and the wasm export', () => {
  for (const [args, name] of [[[], 'gij-add'], [['gij-update'], 'gij-update'], [['--operation', 'update'], 'gij-update']]) {
    const r = run(['schema', ...args]);
    assert.equal(r.code, 0, r.stderr);
    const file = fs.readFileSync(path.join(root, 'pkg', 'schemas', `${name}.schema.json`), 'utf8');
    assert.equal(r.stdout, file);
    assert.deepEqual(JSON.parse(r.stdout), api.jsonSchema(name));
  }
});

test('--api xray: validate create and update (--id is the connection name), with exact positions', () => {
  const text = read('xray.ndjson');
  const r = run(['validate', '--api', 'xray', 'xray.ndjson']);
  assert.equal(r.code, 1);
  const alias = positionOf(text, '"authType"');
  const kind = positionOf(text, '"Data Center"');
  assert.deepEqual(lines(r.stdout), [
    'xray.ndjson:2:1: error xray-missing-required-field /auth_type: auth_type is missing; creating an integration needs it. ("auth_type": "basic")',
    `xray.ndjson:${alias.line}:${alias.column}: error xray-unknown-field /authType: "authType" is not a field; the Xray API spells its fields in snake_case: "auth_type". (auth_type)`,
    `xray.ndjson:${kind.line}:${kind.column}: error xray-invalid-installation-type /installation_type: Self-managed Jira (Server or Data Center) is installation_type server. (server)`,
    '1 file, 2 payloads, 3 errors, 0 warnings',
  ]);
  const update = json(['validate', '--api', 'xray', '--operation', 'update', '--id', 'onprem-jira', 'xray.ndjson']);
  assert.deepEqual(update.results[0].diagnostics.map((d) => d.code), ['xray-connection-name-mismatch']);
  assert.equal(run(['validate', '--api', 'xray', '--operation', 'update', '-'], { input: '{"connection_name": "c", "skip_proxy": true}' }).code, 0);
  const usage = run(['validate', '--api', 'xray', '--operation', 'add', 'xray.ndjson']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--operation must be create or update, not "add"/);
  assert.match(run(['validate', '--api', 'xray', '--operation', 'update', '--current', 'current.json', 'xray.ndjson']).stderr, /--current is only for --api gij --operation update/);
});

test('--api xray: build (curl with $JFROG_URL), redact and schema', () => {
  const curl = run(['build', '--api', 'xray', '--operation', 'update', '--id', 'onprem-jira', '--format', 'curl', 'xray-form.json']);
  assert.equal(curl.code, 0, curl.stderr);
  assert.equal(curl.stdout, `curl -X PUT "$JFROG_URL"'/xray/api/v1/ticketing/jira-integrations/onprem-jira' \\
  -H 'Accept: application/json' \\
  -H 'Content-Type: application/json' \\
  -H "Authorization: Bearer $JFROG_ACCESS_TOKEN" \\
  --data-raw '{
  "connection_name": "onprem-jira",
  "password": "[REDACTED]",
  "jira_server_url": "https://jira2.example.com",
  "skip_proxy": false
}'\n`);
  const open = JSON.parse(run(['build', '--api', 'xray', '--operation', 'update', '--include-secrets', '--base-url', 'https://acme.jfrog.io', 'xray-form.json']).stdout);
  assert.equal(open.url, 'https://acme.jfrog.io/xray/api/v1/ticketing/jira-integrations/onprem-jira');
  assert.equal(open.body.password, "it's-secret");
  const create = run(['build', '--api', 'xray', 'xray-form.json']);
  assert.equal(create.code, 1);
  assert.equal(create.stdout, '');
  assert.match(create.stderr, /^xray-form\.json:1:1: error xray-missing-required-field \/username: /m);
  const redacted = lines(run(['redact', '--api', 'xray', 'xray.ndjson']).stdout).map((l) => JSON.parse(l));
  assert.deepEqual(redacted.map((p) => p.password), ['[REDACTED]', '[REDACTED]']);
  for (const [args, name] of [[['xray-create'], 'xray-create'], [['--api', 'xray'], 'xray-create'], [['--api', 'xray', '--operation', 'update'], 'xray-update']]) {
    const r = run(['schema', ...args]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, fs.readFileSync(path.join(root, 'pkg', 'schemas', `${name}.schema.json`), 'utf8'));
  }
});
