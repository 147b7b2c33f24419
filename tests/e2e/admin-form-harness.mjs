// Shared by tests/e2e/admin-form*.test.mjs: a copy of www/ served with pkg/ and the samples
// copied in (scripts/www-assets.mjs, as `make demo` does; a copy per test file, so files that run
// in parallel do not replace each other's www/pkg), headless Debian Chromium driven by
// playwright-core (no browser download), a fresh context per page, and every console error,
// page error, failed request and HTTP error collected for the file's last test.
import test from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { prepareWww } from '../../scripts/www-assets.mjs';
import { launchChromium, collectProblems } from './chromium.mjs';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1360, height: 900 };

/**
 * Registers the file's before/after hooks; returns the state the tests use.
 * @returns {{ browser: import('playwright-core').Browser, base: string, problems: string[] }}
 */
export function harness() {
  const state = { browser: null, base: '', problems: [], server: null, dir: '' };
  test.before(async () => {
    state.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-form-'));
    const built = new Set(['pkg', 'samples'].map((d) => path.join(root, 'www', d)));
    fs.cpSync(path.join(root, 'www'), path.join(state.dir, 'www'), { recursive: true, filter: (src) => !built.has(src) });
    fs.symlinkSync(path.join(root, 'pkg'), path.join(state.dir, 'pkg'));
    prepareWww({ root: state.dir, samples: path.join(root, 'tests', 'fixtures', 'samples') });
    state.server = await serve(path.join(state.dir, 'www'), { port: 0, warm: true });
    state.base = `http://127.0.0.1:${state.server.address().port}/`;
    state.browser = await launchChromium();
  });
  test.after(async () => {
    await state.browser?.close();
    await new Promise((resolve) => (state.server ? state.server.close(resolve) : resolve()));
    if (state.dir) fs.rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}

/**
 * A fresh page (own context: no cache, empty storage unless `context` is given) on the admin
 * page, once the library has loaded.
 */
export async function open(state, { viewport = DESKTOP, hash = '', colorScheme = 'light', context } = {}) {
  const ctx = context ?? (await state.browser.newContext({ viewport, colorScheme }));
  const page = await ctx.newPage();
  page.setDefaultTimeout(10_000);
  collectProblems(page, state.problems);
  await page.goto(state.base + hash);
  await page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 30_000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true');
  return page;
}

/** Waits until `fn` (run in the page) returns a truthy value, and returns it. */
export async function until(page, fn, arg) {
  const handle = await page.waitForFunction(fn, arg, { timeout: 10_000 });
  return handle.jsonValue();
}

/**
 * Saves the page from its top, nothing focused or hovered, to docs/NAME with UPDATE_SCREENSHOT=1 (the
 * README's pictures), else to test-results/ so that a test run leaves the work tree clean.
 */
export async function saveScreenshot(page, name) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => {
    document.activeElement.blur();
    window.scrollTo(0, 0);
  });
  await page.waitForTimeout(400);
  const dir = path.join(root, process.env.UPDATE_SCREENSHOT ? 'docs' : 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name) });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is (axe injected, no network). */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`).join('; ')}`);
}
