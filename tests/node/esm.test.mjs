// The ES-module entries of the built package, in Node.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const manifest = require('../../pkg/package.json');
const cjs = require('../../pkg');

test('pkg/node/index.mjs re-exports every CommonJS export', async () => {
  const esm = await import('../../pkg/node/index.mjs');
  assert.deepEqual(Object.keys(esm).sort(), Object.keys(cjs).sort());
  assert.equal(esm.version(), manifest.version);
  assert.equal(esm.validateIntegration({ type: 'GERRIT' }).ok, false);
});

test('pkg/web/index.mjs initialises itself with top-level await', async () => {
  // Node's fetch refuses file: URLs; a browser fetches the wasm over HTTP (tests/e2e does that).
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => {
    const href = String(url);
    if (!href.startsWith('file:')) return realFetch(url);
    return new Response(await fs.readFile(new URL(href)), {
      headers: { 'Content-Type': 'application/wasm' },
    });
  };
  try {
    const web = await import('../../pkg/web/index.mjs');
    assert.deepEqual(Object.keys(web).sort(), Object.keys(cjs).sort());
    assert.equal(web.version(), manifest.version);
    assert.equal(web.validateIntegration({ type: 'GERRIT' }).diagnostics[0].path, '/origin');
  } finally {
    globalThis.fetch = realFetch;
  }
});
