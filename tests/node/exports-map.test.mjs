// Resolves the package by name, as an installed dependency, through the "exports" map.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../../pkg/', import.meta.url));
const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
const name = manifest.name;

// A throwaway project with the package linked into node_modules.
const project = fs.mkdtempSync(path.join(os.tmpdir(), 'pkg-consumer-'));
fs.mkdirSync(path.join(project, 'node_modules'));
fs.symlinkSync(pkg, path.join(project, 'node_modules', name), 'dir');
test.after(() => fs.rmSync(project, { recursive: true, force: true }));

function node(args, code) {
  return execFileSync(process.execPath, [...args, '-e', code], {
    cwd: project,
    encoding: 'utf8',
  }).trim();
}
const where = (file) => fs.realpathSync(path.join(pkg, file));

test('require(name) resolves to the nodejs build', () => {
  assert.equal(node([], `console.log(require.resolve(${JSON.stringify(name)}))`), where(manifest.main));
  assert.equal(node([], `console.log(require(${JSON.stringify(name)}).version())`), manifest.version);
});

test('import(name) in Node resolves to pkg/node/index.mjs and works', () => {
  const code = `import { version } from ${JSON.stringify(name)};
    console.log(import.meta.resolve(${JSON.stringify(name)}), version());`;
  const [url, version] = node(['--input-type=module'], code).split(' ');
  assert.equal(fileURLToPath(url), where('node/index.mjs'));
  assert.equal(version, manifest.version);
});

test('the "browser" condition resolves to pkg/web/index.mjs', () => {
  const code = `console.log(import.meta.resolve(${JSON.stringify(name)}))`;
  const url = node(['--input-type=module', '--conditions=browser'], code);
  assert.equal(fileURLToPath(url), where('web/index.mjs'));
});

test('every file the manifest points at exists and is published', () => {
  const targets = [manifest.main, manifest.module, manifest.browser, manifest.types];
  const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
  walk(manifest.exports);
  for (const target of targets) {
    assert.ok(fs.existsSync(path.join(pkg, target)), `${target} exists`);
    const top = path.normalize(target).split(path.sep)[0];
    assert.ok(
      manifest.files.some((f) => path.normalize(f).split(path.sep)[0] === top) || target === './package.json',
      `${target} is in "files"`,
    );
  }
});

test('"./web", "./init" and "./wasm" resolve whatever the conditions', () => {
  const code = `for (const sub of ['web', 'init', 'wasm']) console.log(import.meta.resolve(${JSON.stringify(name)} + '/' + sub))`;
  for (const flags of [[], ['--conditions=browser']]) {
    const urls = node(['--input-type=module', ...flags], code).split('\n').map((u) => fileURLToPath(u));
    assert.deepEqual(urls, [where('web/index.mjs'), where('web/init.mjs'), where(manifest.exports['./wasm'])]);
  }
});

test('a default import works under Node, from ES modules and CommonJS', () => {
  const esm = `import jip from ${JSON.stringify(name)}; console.log(jip.version(), typeof jip.gijSchema)`;
  assert.equal(node(['--input-type=module'], esm), `${manifest.version} function`);
  const cjs = `const jip = require(${JSON.stringify(name)}).default; console.log(jip.version(), typeof jip.xraySchema)`;
  assert.equal(node([], cjs), `${manifest.version} function`);
});
