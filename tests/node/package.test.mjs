// What pkg/ ships: one .wasm for both builds, the manifest's metadata, the documents, the default
// export, and the "./init" entry (no top-level await) driven by hand.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = path.join(root, 'pkg');
const manifest = require('../../pkg/package.json');

test('the package holds one .wasm, which the Node build reads', () => {
  const wasm = fs.readdirSync(pkg, { recursive: true }).filter((f) => String(f).endsWith('.wasm'));
  assert.deepEqual(wasm, [path.normalize(manifest.exports['./wasm'])]);
  assert.equal(require('../../pkg').validateIntegration({ type: 'VSTS', pat: 't' }).ok, true);
});

test('the manifest says what npm users need', () => {
  assert.equal(manifest.license, 'MIT');
  assert.match(manifest.repository.url, /^git\+https:\/\/.+\.git$/);
  assert.ok(manifest.keywords.includes('jira') && manifest.keywords.includes('standard-schema'));
  assert.deepEqual(manifest.engines, require('../../package.json').engines);
  // The entry that instantiates the wasm on import is never side-effect free.
  assert.ok(manifest.sideEffects.includes('./web/index.mjs'));
  for (const doc of ['LICENSE', 'README.md', 'CHANGELOG.md']) assert.ok(fs.existsSync(path.join(pkg, doc)), doc);
  assert.match(fs.readFileSync(path.join(pkg, 'LICENSE'), 'utf8'), /^MIT License/);
});

test('the package README imports by package name, and its CommonJS examples run as scripts', () => {
  const readme = fs.readFileSync(path.join(pkg, 'README.md'), 'utf8');
  assert.ok(!readme.includes('./pkg'), 'no repository paths');
  assert.match(readme, /require\("jira-integration-payloads"\)/);
  assert.match(readme, /Authorization/);
  const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  const scripts = blocks.filter((b) => b.includes('require('));
  assert.ok(scripts.length > 0);
  // A top-level `await` in a CommonJS example is a SyntaxError here.
  for (const code of scripts) new vm.Script(code);
});

test('a default export holds every function, in each entry', async () => {
  const cjs = require('../../pkg');
  assert.equal(cjs.default, cjs);
  const node = await import('../../pkg/node/index.mjs');
  const names = Object.keys(node).filter((n) => n !== 'default').sort();
  assert.deepEqual(Object.keys(node.default).filter((n) => n !== 'default').sort(), names);
  for (const n of names) assert.equal(node.default[n], node[n], n);
  const init = await import('../../pkg/web/init.mjs');
  assert.deepEqual(Object.keys(init.default).sort(), names);
});

test('"./init": initSync with the bytes, then the functions; init needs its argument', async () => {
  const web = await import('../../pkg/web/init.mjs');
  assert.throws(() => web.init(), { name: 'TypeError', message: /^init: wasm/ });
  assert.throws(() => web.initSync(), { name: 'TypeError', message: /^initSync: wasm/ });
  web.initSync(fs.readFileSync(path.join(pkg, manifest.exports['./wasm'])));
  assert.equal(web.version(), manifest.version);
  assert.equal(web.gijSchema()['~standard'].validate({ type: 'GERRIT' }).issues[0].path[0], 'origin');
  assert.equal(web.default.validateIntegration({ type: 'GERRIT' }).ok, false);
});

test('"./init": init shares one promise between calls', async () => {
  const url = new URL(`../../pkg/web/init.mjs?fresh=${Date.now()}`, import.meta.url);
  const web = await import(url.href);
  const bytes = fs.readFileSync(path.join(pkg, manifest.exports['./wasm']));
  const first = web.init(bytes);
  assert.equal(web.init(bytes), first);
  assert.equal(await first, undefined);
  assert.equal(web.version(), manifest.version);
});
