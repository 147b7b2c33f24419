// The browser build (pkg/web/index.mjs) in headless Chromium, served over HTTP on 127.0.0.1 by
// scripts/serve.mjs and driven by playwright-core with the system Chromium (no browser download).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { launchChromium, collectProblems } from './chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'pkg', 'package.json'), 'utf8'));

let server;
let browser;
let page;
const problems = [];

test.before(async () => {
  server = await serve(root, { port: 0 });
  browser = await launchChromium();
  page = await browser.newPage();
  collectProblems(page, problems);
  const { port } = server.address();
  await page.goto(`http://127.0.0.1:${port}/tests/e2e/index.html`);
  await page.waitForFunction(() => window.ready || window.loadError, null, { timeout: 30_000 });
});

test.after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

test('pkg/web/index.mjs loads in Chromium with no init call', async () => {
  assert.equal(await page.evaluate(() => window.loadError ?? null), null);
  assert.equal(await page.evaluate(() => window.api.version()), manifest.version);
});

test('exports take and return JS values in the browser', async () => {
  const path = await page.evaluate(() => window.api.validateIntegration({ type: 'GERRIT' }).diagnostics[0].path);
  assert.equal(path, '/origin');
  assert.equal(await page.evaluate(() => Array.isArray(window.api.ruleCatalogue())), true);
  const code = await page.evaluate(() => {
    const cyclic = {}; cyclic.self = cyclic;
    return window.api.validateIntegration(cyclic).diagnostics[0].code;
  });
  assert.equal(code, 'invalid-input');
  assert.equal(await page.evaluate(() => window.api.integrationTypes().length), 12);
});

test('the page logged no errors or warnings', () => {
  assert.deepEqual(problems, []);
});
