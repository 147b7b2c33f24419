// No secret in a CLI line (issue 14): payloads with credentials in apiPath, origin, Xray's
// jira_server_url, misspelt credential keys and broken JSON, through validate (text, json and
// github formats), build (json and curl) and redact. The CLI prints what the core returns, so
// these check that the core's redaction reaches every output.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { run, tempDir } from './helpers.mjs';

const SECRET = 'Qz7cliSecretMarker';

const gij = [
  { type: 'GITHUB', pat: 'p', global: true, apiPath: `https://bob:${SECRET}@api.github.com/user/repos` },
  { type: 'GITHUB', pat: 'p', global: true, apiPath: `//bob:${SECRET}/?#\\x@api.github.com/user/repos` },
  { type: 'GITLAB', pat: 'p', global: true, apiPath: `/api/v4/projects?private_token=${SECRET}&page=2` },
  { type: 'GITLAB', pat: 'p', global: true, apiPath: `/api/v4/projectz?access_token=${SECRET}` },
  { type: 'GITHUB_SERVER', pat: 'p', origin: `https://ghe.example.com/#access_token=${SECRET}` },
  { type: 'GITHUB_SERVER', pat: 'p', origin: `ghe.example.com/x?a=1&token=${SECRET}@x` },
  { type: 'GITHUB_SERVER', pat: 'p', origin: `https://${SECRET}@BÜCHER.example` },
  { type: 'GITHUB', patt: SECRET, global: true },
  { type: 'GERRIT', origin: 'https://gerrit.example.com', username: 'u', passwrd: SECRET },
  { type: 'GITHUB', pat: SECRET, displayName: `ghp_${SECRET}0123456789ABCDEFGH` },
];
const xray = [
  { connection_name: 'c', auth_type: 'basic', username: 'u', pwd: SECRET, installation_type: 'server', jira_server_url: 'https://jira.example.com' },
  { connection_name: 'c', auth_type: 'basic', username: 'u', password: 'p', installation_type: 'server', jira_server_url: `https://u:${SECRET}@jira.example.com/?X-Amz-Signature=${SECRET}` },
];

function write(dir, name, text) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

function assertClean(what, r) {
  for (const [stream, text] of [['stdout', r.stdout], ['stderr', r.stderr]]) {
    assert.ok(!text.includes(SECRET), `${what} ${stream} shows the secret:\n${text}`);
  }
}

test('validate: no secret in text, json or github output, from objects or broken JSON text', () => {
  const dir = tempDir('secrets-');
  const files = [
    ['gij.json', 'gij', JSON.stringify(gij, null, 2)],
    ['gij.ndjson', 'gij', gij.map((p) => JSON.stringify(p)).join('\n')],
    ['xray.json', 'xray', JSON.stringify(xray, null, 2)],
  ];
  for (const [i, p] of [...gij, ...xray].entries()) {
    const text = JSON.stringify(p, null, 2);
    const at = text.lastIndexOf(SECRET) + SECRET.length;
    const api = i < gij.length ? 'gij' : 'xray';
    files.push([`broken-${i}.json`, api, `${text.slice(0, at)}" x${text.slice(at)}`]);
    files.push([`cut-${i}.json`, api, text.slice(0, at)]);
  }
  let lines = 0;
  for (const [name, api, text] of files) {
    const file = write(dir, name, text);
    for (const format of ['text', 'json', 'github']) {
      const r = run(['validate', '--api', api, '--format', format, '--info', file], { cwd: dir });
      assertClean(`validate ${name} --format ${format}`, r);
      lines += r.stdout.split('\n').length;
    }
  }
  assert.ok(lines > files.length * 3, 'the runs printed diagnostics');
});

test('build (json and curl) and redact: no secret unless --include-secrets', () => {
  const dir = tempDir('secrets-');
  for (const [i, p] of gij.entries()) {
    const file = write(dir, `form-${i}.json`, JSON.stringify(p));
    for (const format of ['json', 'curl']) {
      const r = run(['build', '--format', format, '--info', '--base-url', 'https://jira.example.com', file], { cwd: dir });
      assertClean(`build form-${i} --format ${format}`, r);
    }
    assertClean(`redact form-${i}`, run(['redact', file], { cwd: dir }));
  }
  for (const [i, p] of xray.entries()) {
    const file = write(dir, `xray-${i}.json`, JSON.stringify(p));
    for (const format of ['json', 'curl']) {
      assertClean(`build --api xray xray-${i}`, run(['build', '--api', 'xray', '--format', format, file], { cwd: dir }));
    }
    assertClean(`redact --api xray xray-${i}`, run(['redact', '--api', 'xray', file], { cwd: dir }));
  }
});

// Secrets the user typed (review finding 6): a path, glob, option value or command word that
// holds a credential is printed masked in every line and format, stdout and stderr alike.
const ARGV_SECRETS = [
  `https://bob:${SECRET}@git.example.com/x.json`,
  `x.json?token=${SECRET}`,
  `ghp_${SECRET}0123456789abcdef0123456789ab`,
];

function assertNoArgvLeak(what, r) {
  assertClean(what, r);
  assert.notEqual(`${r.stdout}${r.stderr}`, '', `${what} printed nothing`);
}

test('argv: a secret in a file path, a glob or a directory is masked in every validate format', () => {
  const dir = tempDir('secrets-argv-');
  const form = JSON.stringify({ type: 'GITHUB', pat: 'p', global: 'maybe' });
  for (const arg of ARGV_SECRETS) {
    const file = path.join(dir, arg);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file.endsWith('.json') ? file : `${file}.json`, form);
  }
  const existing = ARGV_SECRETS.map((a) => (a.endsWith('.json') ? a : `${a}.json`));
  const globs = [`https://bob:${SECRET}@git.example.com/*.json`, `ghp_${SECRET}*`];
  const missing = [`https://bob:${SECRET}@nowhere.example.com/y.json`, `https://bob:${SECRET}@nowhere.example.com/*.json`];
  const dirs = [`https://bob:${SECRET}@git.example.com`];
  for (const format of ['text', 'json', 'github', 'sarif', 'junit']) {
    for (const args of [existing, globs, missing, dirs, [...existing, ...missing]]) {
      const r = run(['validate', '--format', format, ...args], { cwd: dir });
      assertNoArgvLeak(`validate --format ${format} ${args.join(' ')}`, r);
    }
  }
  // The files were read: their diagnostics name them (masked).
  const r = run(['validate', '--format', 'json', ...existing], { cwd: dir });
  assert.equal(JSON.parse(r.stdout).length, existing.length);
  assert.match(r.stdout, /\[REDACTED\]/);
});

test('argv: a secret in a command, option name or value, -o path or --current path is masked', () => {
  const dir = tempDir('secrets-argv-');
  const form = path.join(dir, 'form.json');
  fs.writeFileSync(form, JSON.stringify({ type: 'GITHUB', pat: 'p', global: true }));
  const missing = `https://bob:${SECRET}@nowhere.example.com/y.json`;
  const runs = [];
  for (const s of ARGV_SECRETS) {
    runs.push(
      [s],
      ['help', s],
      [`--${s}`],
      ['validate', `--${s}`, form],
      ['validate', '--format', s, form],
      ['validate', '--api', s, form],
      ['validate', '--operation', s, form],
      ['validate', '--max-warnings', s, form],
      ['validate', '-o', `nowhere/${s}`, form],
      ['validate', '--api', 'gij', '--operation', 'update', '--current', s, form],
      ['build', '--format', s, form],
      ['build', '--api', 'xray', '--path-style', s, form],
      ['build', '-o', `nowhere/${s}`, form],
      ['build', s],
      ['redact', s],
      ['redact', '-o', `nowhere/${s}`, form],
      ['schema', s],
      ['schema', '-o', `nowhere/${s}`],
    );
  }
  runs.push(['validate', '--api', 'gij', '--operation', 'update', '--current', form, missing]);
  for (const args of runs) assertNoArgvLeak(args.join(' '), run(args, { cwd: dir }));
  // A credential from the environment, expanded by the shell into an argument of no known shape.
  const env = { JIRA_TOKEN: SECRET };
  for (const args of [[`notes-${SECRET}.json`], ['validate', `notes-${SECRET}.json`], ['validate', '--format', `f${SECRET}`, form]]) {
    assertNoArgvLeak(`${args.join(' ')} with $JIRA_TOKEN`, run(args, { cwd: dir, env }));
  }
});

test('argv: build and redact mask a secret path in their diagnostics, --base-url and --id', () => {
  const dir = tempDir('secrets-argv-');
  const name = `https://bob:${SECRET}@git.example.com/form.json`;
  fs.mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), '{"type": "GITHUB", "pat": "p", "global": "maybe", }');
  assertNoArgvLeak('build (broken JSON)', run(['build', name], { cwd: dir }));
  assertNoArgvLeak('redact (broken JSON)', run(['redact', name], { cwd: dir }));
  fs.writeFileSync(path.join(dir, name), '{"type": "GITHUB", "pat": "p", "global": "maybe"}');
  assertNoArgvLeak('build (invalid form)', run(['build', name], { cwd: dir }));
  fs.writeFileSync(path.join(dir, name), '{"type": "GITHUB", "pat": "p", "global": true}');
  for (const format of ['json', 'curl']) {
    const r = run(['build', '--format', format, '--base-url', `https://bob:${SECRET}@jira.example.com`, name], { cwd: dir });
    assertNoArgvLeak(`build --format ${format} --base-url`, r);
    for (const id of ARGV_SECRETS) {
      const args = ['build', '--api', 'xray', '--operation', 'delete', '--id', id, '--format', format];
      const built = run([...args, '--base-url', 'https://xray.example.com'], { cwd: dir });
      assertNoArgvLeak(args.join(' '), built);
      assert.equal(built.code, 0, built.stderr);
    }
  }
});
