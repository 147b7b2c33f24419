// A batch of 10,000 payloads in one NDJSON file, generated in a temporary directory: it finishes
// well within a generous ceiling, every payload is reported at its line, and the progress line
// appears only on a terminal.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cli, run, tempDir } from './helpers.mjs';

const COUNT = 10_000;
const CEILING_MS = 60_000;

const dir = tempDir('cli-large-');
const file = path.join(dir, 'batch.ndjson');
const good = (i) => JSON.stringify({ type: 'GITLAB_SERVER', origin: `https://gitlab${i}.example.com`, pat: `<pat-${i}>`, displayName: `GitLab ${i}`, global: false, projectMappingIds: [10000 + i], requireUserPat: true });
// Every 1000th payload lacks its origin (an error); every 500th carries limitGitData (a warning).
const payload = (i) => {
  if (i % 1000 === 999) return JSON.stringify({ type: 'GERRIT', username: 'u', password: 'p' });
  if (i % 500 === 250) return good(i).replace('}', ', "limitGitData": true}');
  return good(i);
};
fs.writeFileSync(file, `${Array.from({ length: COUNT }, (_, i) => payload(i)).join('\n')}\n`);

test(`${COUNT} NDJSON payloads, --format json`, (t) => {
  const start = process.hrtime.bigint();
  const r = run(['validate', '--format', 'json', 'batch.ndjson'], { cwd: dir });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  t.diagnostic(`validated ${COUNT} payloads in ${ms.toFixed(0)} ms (${((ms * 1000) / COUNT).toFixed(0)} µs each, including Node start-up)`);
  assert.ok(ms < CEILING_MS, `${ms} ms`);
  assert.equal(r.code, 1);
  const results = JSON.parse(r.stdout);
  assert.equal(results.length, COUNT);
  assert.deepEqual(results.map((x) => x.line), Array.from({ length: COUNT }, (_, i) => i + 1));
  const failed = results.filter((x) => !x.ok);
  assert.deepEqual(failed.map((x) => x.line), Array.from({ length: COUNT / 1000 }, (_, k) => k * 1000 + 1000));
  assert.ok(failed.every((x) => x.diagnostics.every((d) => d.line === x.line)));
  assert.equal(r.stderr, '', 'no progress line without a terminal');
});

test(`${COUNT} NDJSON payloads, text summary and --strict`, (t) => {
  const start = process.hrtime.bigint();
  const r = run(['validate', '--strict', 'batch.ndjson'], { cwd: dir });
  t.diagnostic(`text output in ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms`);
  assert.equal(r.code, 1);
  assert.equal(r.stdout.split('\n').at(-2), `1 file, ${COUNT} payloads, 10 errors, 20 warnings`);
});

// `script` gives the CLI a terminal for stdout and stderr (util-linux's and BSD's take different
// arguments; only util-linux's is tried).
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout?.includes('util-linux');
test('a progress line on stderr when it is a terminal and the batch has over 200 payloads', { skip: !hasScript && 'no util-linux script(1)' }, () => {
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} validate batch.ndjson`;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.match(r.stdout, /validating payload \d+ of 10000/);
  assert.match(r.stdout, /\r\x1b\[K/, 'the line is cleared');
  assert.match(r.stdout, /1 file, 10000 payloads, 10 errors, 20 warnings/);
});
