// The CLI in CI: SARIF and JUnit output, --output-file, --quiet, --max-warnings, short flags,
// full glob syntax, TERM=dumb, build positions and every Xray call, closed pipes and inputs the
// CLI refuses (devices, over 64 MiB).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cli, positionOf, run, tempDir } from './helpers.mjs';

const dir = tempDir('cli-ci-');
const write = (name, text) => {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
};
const GOOD = '{"type": "GITHUB", "pat": "<pat>", "requireUserPat": true}';
// One error (unknown field) and one warning (deprecated field) in one file.
const MIXED = '{\n  "type": "GITHUB", "pat": "<pat>", "requireUserPat": true,\n  "limitGitData": true,\n  "dispalyName": "x"\n}\n';
const WARNS = '{"type": "GITHUB", "pat": "<pat>", "requireUserPat": true, "limitGitData": true}';
write('good.json', GOOD);
write('mixed.json', MIXED);
write('warns.json', WARNS);
write('sets/a/one.json', GOOD);
write('sets/b/two.json', WARNS);
write('sets/c/three.json', MIXED);
write('sets/drafts/four.json', MIXED);
const inDir = (args, options = {}) => run(args, { cwd: dir, ...options });

test('--format sarif: a SARIF 2.1.0 log with the catalogue as rules and a located result per diagnostic', () => {
  const r = inDir(['validate', '--format', 'sarif', 'mixed.json', 'good.json']);
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  assert.equal(log.runs.length, 1);
  const [run0] = log.runs;
  const { driver } = run0.tool;
  assert.equal(driver.name, 'jira-integration-payloads');
  assert.match(driver.version, /^\d+\.\d+\.\d+/);
  // Every rule has an id and a text; rule ids are unique (SARIF requires it for ruleIndex).
  assert.ok(driver.rules.length > 100);
  assert.equal(new Set(driver.rules.map((x) => x.id)).size, driver.rules.length);
  for (const rule of driver.rules) {
    assert.equal(typeof rule.shortDescription.text, 'string');
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
  }
  assert.deepEqual(run0.results.map((x) => [x.ruleId, x.level]), [['deprecated-field', 'warning'], ['unknown-field', 'error']]);
  const dispaly = positionOf(MIXED, '"dispalyName"');
  for (const result of run0.results) {
    assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
    assert.equal(typeof result.message.text, 'string');
    const [{ physicalLocation: loc }] = result.locations;
    assert.equal(loc.artifactLocation.uri, 'mixed.json');
    assert.ok(Number.isInteger(loc.region.startLine) && loc.region.startLine >= 1);
    assert.ok(Number.isInteger(loc.region.startColumn) && loc.region.startColumn >= 1);
  }
  assert.deepEqual(run0.results[1].locations[0].physicalLocation.region, { startLine: dispaly.line, startColumn: dispaly.column });
  assert.equal(run0.columnKind, 'utf16CodeUnits');
});

test('--format sarif: standard input has no location; --quiet keeps errors only', () => {
  const r = inDir(['validate', '-f', 'sarif', '-q', '-'], { input: MIXED });
  const results = JSON.parse(r.stdout).runs[0].results;
  assert.deepEqual(results.map((x) => x.ruleId), ['unknown-field']);
  assert.equal(results[0].locations, undefined);
});

test('--format junit: a testsuite per file, a testcase per payload, failures for errors', () => {
  write('batch.ndjson', `${GOOD}\n${MIXED.replaceAll('\n', '')}\n${WARNS}\n`);
  const r = inDir(['validate', '--format', 'junit', 'batch.ndjson', 'good.json']);
  assert.equal(r.code, 1);
  const x = r.stdout;
  assert.match(x, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="jira-integration-payloads" tests="4" failures="1" errors="0">\n/);
  assert.match(x, /<testsuite name="batch\.ndjson" tests="3" failures="1" errors="0" skipped="0">/);
  assert.match(x, /<testsuite name="good\.json" tests="1" failures="0" errors="0" skipped="0">/);
  assert.match(x, /<testcase classname="batch\.ndjson" name="payload 2 \(line 2\)">\n\s*<failure message="unknown-field: [^"]*" type="unknown-field">/);
  assert.match(x, /<testcase classname="batch\.ndjson" name="payload 3 \(line 3\)">\n\s*<system-out>batch\.ndjson:3:\d+: warning deprecated-field/);
  assert.match(x, /<testcase classname="good\.json" name="payload 1 \(line 1\)"\/>/);
  assert.match(x, /<\/testsuites>\n$/);
  // Quotes in messages are escaped: no raw " inside an attribute value.
  for (const attr of x.matchAll(/message="([^"]*)"/g)) assert.doesNotMatch(attr[1], /[<>]/);
  const strict = inDir(['validate', '--format', 'junit', '--strict', 'warns.json']);
  assert.match(strict.stdout, /failures="1"/);
  assert.match(strict.stdout, /<failure message="deprecated-field: /);
});

test('-o/--output-file writes the report to a file, nothing to stdout', () => {
  const out = path.join(dir, 'out', 'report.sarif');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const r = inDir(['validate', '-f', 'sarif', '-o', out, 'mixed.json']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).runs[0].results.length, 2);
  const text = inDir(['validate', '--output-file=out/report.txt', 'good.json']);
  assert.equal(text.stdout, '');
  assert.equal(fs.readFileSync(path.join(dir, 'out', 'report.txt'), 'utf8'), '1 file, 1 payload, 0 errors, 0 warnings\n');
  const bad = inDir(['validate', '-o', 'no/such/dir/r.txt', 'good.json']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /cannot write no\/such\/dir\/r\.txt/);
  const schema = inDir(['schema', '-o', 'out/s.json', 'gij-add']);
  assert.equal(schema.stdout, '');
  assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'out', 's.json'), 'utf8')).title, 'Git Integration for Jira: add an integration');
});

test('--quiet: errors only, no summary', () => {
  const r = inDir(['validate', '--quiet', 'mixed.json', 'warns.json']);
  assert.equal(r.code, 1);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => l.split(' ')[2]), ['unknown-field']);
  const clean = inDir(['validate', '-q', 'warns.json']);
  assert.equal(clean.code, 0);
  assert.equal(clean.stdout, '');
});

test('--max-warnings N fails above N warnings; --strict is --max-warnings 0', () => {
  const args = ['validate', 'warns.json', 'sets/b/two.json'];
  assert.equal(inDir(args).code, 0);
  assert.equal(inDir([...args, '--max-warnings', '2']).code, 0);
  assert.equal(inDir([...args, '--max-warnings', '1']).code, 1);
  assert.equal(inDir([...args, '--max-warnings=0']).code, 1);
  assert.equal(inDir([...args, '-s']).code, 1);
  assert.equal(inDir([...args, '-s', '--max-warnings', '5']).code, 1);
  for (const bad of ['-1', 'x', '1.5']) {
    const r = inDir([...args, `--max-warnings=${bad}`]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--max-warnings must be a whole number/);
  }
});

test('short flags: -a -p -f -s -q -o -u, and combined -sq', () => {
  const xray = inDir(['validate', '-a', 'xray', '-p', 'update', '-f', 'json', '-'], { input: '{"connection_name": "c", "skip_proxy": true}' });
  assert.equal(xray.code, 0, xray.stderr);
  assert.equal(JSON.parse(xray.stdout)[0].ok, true);
  assert.equal(inDir(['validate', '-sq', 'warns.json']).code, 1);
  const built = inDir(['build', '-u', 'https://jira.example.com', '-f', 'curl', '-'], { input: GOOD });
  assert.match(built.stdout, /^curl -X POST 'https:\/\/jira\.example\.com\//);
});

test('globs: braces, character classes and negated patterns (tinyglobby)', () => {
  const files = (args) => JSON.parse(inDir(['validate', '-f', 'json', ...args]).stdout).map((x) => x.file);
  assert.deepEqual(files(['sets/{a,b}/*.json']), ['sets/a/one.json', 'sets/b/two.json']);
  assert.deepEqual(files(['sets/[ac]/*.json']), ['sets/a/one.json', 'sets/c/three.json']);
  assert.deepEqual(files(['sets/**/*.json', '!sets/drafts/**']), ['sets/a/one.json', 'sets/b/two.json', 'sets/c/three.json']);
  // A negation also removes files a directory argument found.
  assert.deepEqual(files(['sets', '!**/three.json', '!sets/drafts/*']), [path.join('sets', 'a', 'one.json'), path.join('sets', 'b', 'two.json')]);
  const none = inDir(['validate', 'sets/{x,y}/*.json']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no file matches sets\/\{x,y\}\/\*\.json/);
});

test('TERM=dumb turns colour off; FORCE_COLOR still wins', () => {
  const dumb = inDir(['validate', 'mixed.json'], { env: { TERM: 'dumb' } });
  assert.doesNotMatch(dumb.stdout, /\x1b\[/);
  const forced = inDir(['validate', 'mixed.json'], { env: { TERM: 'dumb', FORCE_COLOR: '1' } });
  assert.match(forced.stdout, /\x1b\[1;31merror/);
});

test('build: diagnostics at the line and column of their field in the form file', () => {
  const form = '{\n  "type": "GITHUB",\n  "pat": "<pat>",\n  "requireUserPat": "on",\n  "projectMappingIds": "10000, x"\n}\n';
  write('form-bad.json', form);
  const r = inDir(['build', 'form-bad.json']);
  assert.equal(r.code, 1);
  const at = positionOf(form, '"10000, x"');
  assert.match(r.stderr, new RegExp(`^form-bad\\.json:${at.line}:${at.column}: error \\S+ /projectMappingIds`, 'm'));
});

test('build --api xray: details, delete and status take --id and no file', () => {
  const expect = {
    details: ['GET', '/xray/api/v1/ticketing/jira-integrations/my%20jira/details'],
    delete: ['DELETE', '/xray/api/v1/ticketing/jira-integrations/my%20jira'],
    status: ['GET', '/xray/api/v1/ticketing/integrations/status/check?integrationName=my%20jira'],
  };
  for (const [operation, [method, requestPath]] of Object.entries(expect)) {
    const r = inDir(['build', '--api', 'xray', '--operation', operation, '--id', 'my jira']);
    assert.equal(r.code, 0, `${operation}: ${r.stderr}`);
    const request = JSON.parse(r.stdout);
    assert.equal(request.method, method);
    assert.equal(request.path, requestPath);
    assert.equal(request.body, undefined);
  }
  const terraform = JSON.parse(inDir(['build', '-a', 'xray', '-p', 'details', '--id', 'j', '--path-style', 'terraform']).stdout);
  assert.equal(terraform.path, '/xray/api/v1/ticketing/jira-integrations/j');
  const withFile = inDir(['build', '--api', 'xray', '--operation', 'delete', '--id', 'j', 'good.json']);
  assert.equal(withFile.code, 2);
  assert.match(withFile.stderr, /build --operation delete reads no file/);
  const gij = inDir(['build', '--operation', 'delete', '--id', 'j']);
  assert.match(gij.stderr, /--operation must be add or update, not "delete"/);
});

test('a closed pipe ends the CLI quietly (validate | head -1)', () => {
  write('many.ndjson', `${Array.from({ length: 3000 }, () => MIXED.replaceAll('\n', '')).join('\n')}\n`);
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} validate many.ndjson | head -1`;
  const r = spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.stdout.split('\n').length, 2);
  assert.equal(r.stderr, '');
});

test('devices, FIFOs and inputs over 64 MiB are refused with exit 2', () => {
  const zero = run(['validate', '/dev/zero']);
  assert.equal(zero.code, 2);
  assert.equal(zero.stderr, 'jira-integration-payloads: /dev/zero is not a regular file\n');
  const build = run(['build', '/dev/zero']);
  assert.equal(build.code, 2);
  assert.match(build.stderr, /\/dev\/zero is not a regular file/);
  const big = Buffer.alloc(64 * 1024 * 1024 + 1, 0x20);
  const stdin = run(['validate', '-'], { input: big });
  assert.equal(stdin.code, 2);
  assert.match(stdin.stderr, /standard input is larger than 64 MiB/);
  fs.writeFileSync(path.join(dir, 'big.json'), big);
  const file = inDir(['validate', 'big.json']);
  assert.equal(file.code, 2);
  assert.match(file.stderr, /big\.json is larger than 64 MiB/);
  fs.rmSync(path.join(dir, 'big.json'));
});

test('one byte order mark is dropped, as the library does; a second is invalid JSON', () => {
  const dir = tempDir('jip-bom-');
  const body = '{"type":"GITLAB","pat":"t","requireUserPat":true}';
  fs.writeFileSync(path.join(dir, 'one.json'), `\uFEFF${body}`);
  fs.writeFileSync(path.join(dir, 'two.json'), `\uFEFF\uFEFF${body}`);
  const one = run(['validate', '--format', 'json', 'one.json'], { cwd: dir });
  assert.equal(one.code, 0, one.stderr);
  const two = run(['validate', '--format', 'json', 'two.json'], { cwd: dir });
  assert.notEqual(two.code, 0);
  assert.match(two.stdout, /"invalid-json"/);
});
