// The admin page (www/) in headless Chromium: www/ is served with pkg/ and the samples copied in
// (scripts/www-assets.mjs, as `make demo` does), driven by playwright-core with the system
// Chromium (no browser download). Also saves docs/screenshot.png and prints the cold start.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { harness, open as openPage, until, saveScreenshot } from './admin-form-harness.mjs';

const SECRET = "glpat-S3cr3t'value";
const state = harness();
const open = (options) => openPage(state, options);

test('cold start: fetch, compile, instantiate and first validation', async () => {
  // Warm the browser (process start-up, network service) on another URL, then measure the page in
  // a fresh context: no HTTP cache, no compiled-code cache.
  const warm = await state.browser.newContext();
  await (await warm.newPage()).goto(`${state.base}css/app.css`);
  await warm.close();
  const page = await open();
  const t = await page.evaluate(() => window.adminPage.timings);
  const ms = (v) => (v === undefined ? '?' : Math.round(v));
  console.log(
    `cold start: ${ms(t.firstValidation)} ms from navigation to the first validation ` +
      `(HTML at ${ms(t.htmlReceived)} ms; wasm ${t.wasmBytes} bytes fetched ${ms(t.wasmFetchStart)}-${ms(t.wasmFetchEnd)} ms; ` +
      `module compiled and instantiated at ${ms(t.moduleReady)} ms; forms built and validated in ${ms(t.panelsMs)} ms)`,
  );
  await page.context().close();
});

test('GERRIT with no origin: the error is on the origin field', async () => {
  const page = await open();
  await page.selectOption('#add-type', 'GERRIT');
  await until(page, () => document.querySelector('#add-f-origin')?.getAttribute('aria-invalid') === 'true');
  const field = await page.evaluate(() => {
    const input = document.querySelector('#add-f-origin');
    const described = input.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id));
    return {
      name: input.name,
      required: input.getAttribute('aria-required'),
      messages: described.filter(Boolean).map((el) => el.textContent),
      label: document.querySelector('label[for="add-f-origin"]').textContent,
    };
  });
  assert.equal(field.name, 'origin');
  assert.equal(field.required, 'true');
  assert.match(field.label, /required/);
  assert.ok(field.messages.some((m) => /origin/.test(m) && /Error/.test(m)), field.messages.join(' | '));
  // The summary lists it; clicking it focuses the field.
  const item = page.locator('#panel-add .diag[data-code="missing-required-field"]');
  assert.equal(await item.count(), 1);
  await item.click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'add-f-origin');
  // A nested path (the second project id) focuses the closest input.
  await page.selectOption('#add-f-global', 'false');
  await page.fill('#add-f-projectMappingIds', '10000, PROJ');
  await page.locator('#panel-add .diag[data-path="/projectMappingIds/1"]').click();
  assert.equal(await page.evaluate(() => document.activeElement.name), 'projectMappingIds');
  assert.match(await page.locator('#panel-add .count').textContent(), /error/);
  assert.equal(await page.locator('#panel-add .count').getAttribute('aria-live'), 'polite');
  await page.context().close();
});

test('an invalid JMESPath filter shows its position; fixed, it shows the preview', async () => {
  const page = await open();
  await page.selectOption('#add-type', 'GITHUB');
  await page.fill('#add-f-apiFilter', "[?owner.login=='acme-corp'");
  const msg = await until(page, () => {
    const input = document.querySelector('#add-f-apiFilter');
    const el = document.getElementById('add-f-apiFilter-msg');
    return input.getAttribute('aria-invalid') === 'true' && el.querySelector('.position') ? el.textContent : null;
  });
  assert.match(msg, /character \d+/);
  await page.fill('#add-f-apiFilter', "[?owner.login=='acme-corp']");
  const preview = await until(page, () => {
    const p = document.querySelector('#panel-add [data-preview="apiFilter"]');
    return p.dataset.state === 'ok' ? { summary: p.querySelector('.preview-summary').textContent, kept: p.querySelectorAll('.chip.kept').length, dropped: p.querySelectorAll('.chip.dropped').length } : null;
  });
  assert.match(preview.summary, /^Keeps \d+ of \d+ repositories/);
  assert.ok(preview.kept > 0 && preview.dropped > 0, JSON.stringify(preview));
  assert.equal(await page.getAttribute('#add-f-apiFilter', 'aria-invalid'), null);
  // The listing follows the host; GitLab's projects for a GitLab type.
  await page.selectOption('#add-type', 'GITLAB');
  assert.equal(await page.inputValue('#add-apiFilter-listing'), 'gitlab');
  // The tags pattern preview.
  await page.fill('#add-f-tagsFilter', '^v\\d+\\.\\d+\\.\\d+$');
  const tags = await until(page, () => {
    const p = document.querySelector('#panel-add [data-preview="tagsFilter"]');
    return p.dataset.state === 'ok' ? [...p.querySelectorAll('.chip.kept')].map((c) => c.textContent) : null;
  });
  assert.deepEqual(tags, ['v1.0.0', 'v1.0.1', 'v1.1.0', 'v2.0.0']);
  // The PR hide pattern (the vendor's example) previews on pull-request titles, then branches.
  await page.fill('#add-f-prHideFilter', '^(Test|test).*');
  const hiddenPulls = () =>
    until(page, () => {
      const p = document.querySelector('#panel-add [data-preview="prHideFilter"]');
      return p.dataset.state === 'ok' ? [...p.querySelectorAll('.chip.dropped')].map((c) => c.textContent) : null;
    });
  assert.deepEqual(await hiddenPulls(), ['Test: flaky checkout spec', 'test run for the new CI image']);
  await page.selectOption('#add-prHideFilter-source', 'branches');
  await until(page, () => document.querySelector('#panel-add [data-preview="prHideFilter"] .chip.dropped')?.textContent.startsWith('test/'));
  assert.deepEqual(await hiddenPulls(), ['test/flaky-checkout', 'test/ci-image']);
  await page.context().close();
});

test("the vendor's update example with a trailing comma: the error is on line 5", async () => {
  const page = await open({ hash: '#update' });
  // A finding about an option (path "", params.option) is shown at and focuses its input.
  await page.locator('#panel-update .diag[data-code="invalid-integration-id"]').click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'update-integrationId');
  assert.equal(await page.getAttribute('#update-integrationId', 'aria-invalid'), 'true');
  await page.fill('#update-integrationId', '1');
  await page.click('#panel-update [data-mode="json"]');
  const text = '{\n  "id": 1,\n  "global": false,\n  "projectMappingIds": [10000],\n  "gitViewerEnabled": true,\n}';
  await page.fill('#update-json', text);
  const gutter = await until(page, () => {
    const lines = [...document.querySelectorAll('#panel-update .gutter-lines .ln')];
    const marked = lines.filter((l) => l.classList.contains('sev-error')).map((l) => l.textContent);
    return marked.length ? marked : null;
  });
  assert.deepEqual(gutter, ['5']);
  const item = page.locator('#panel-update .diag[data-code="invalid-json"]');
  assert.match(await item.textContent(), /Line 5, col \d+/);
  await item.click();
  const caret = await page.evaluate(() => {
    const ta = document.activeElement;
    return { id: ta.id, before: ta.value.slice(0, ta.selectionStart) };
  });
  assert.equal(caret.id, 'update-json');
  assert.equal(caret.before.split('\n').length, 5);
  assert.match(await page.textContent('#panel-update .caret-pos'), /^Ln 5, Col \d+$/);
  // Fixed, it switches back to the form with the fields filled in.
  await page.fill('#update-json', text.replace('true,\n}', 'true\n}'));
  await page.click('#panel-update [data-mode="form"]');
  assert.equal(await page.inputValue('#update-f-global'), 'false');
  assert.equal(await page.inputValue('#update-f-projectMappingIds'), '10000');
  assert.equal(await page.inputValue('#update-f-gitViewerEnabled'), 'true');
  // "id" equal to the integration id is never sent (the builder drops it), so the form does not list
  // it among the pasted keys it keeps.
  assert.equal(await page.locator('#update-extras li[data-key="id"]').count(), 0);
  assert.doesNotMatch(await page.textContent('#panel-update .req-body'), /"id"/);
  await page.context().close();
});

test('copy as curl masks secrets and quotes for the shell', async () => {
  const page = await open();
  await page.selectOption('#add-type', 'GITLAB');
  await page.fill('#add-f-pat', SECRET);
  await page.fill('#add-f-apiFilter', "[?contains(name, 'api')]");
  await page.fill('#add-baseUrl', 'https://jira.example.com');
  await until(page, () => document.querySelector('#panel-add .request').dataset.ready === 'true');
  assert.doesNotMatch(await page.textContent('#panel-add .req-body'), /S3cr3t/);
  await page.click('#panel-add [data-copy="curl"]');
  const curl = await until(page, () => document.querySelector('#panel-add .request').dataset.lastCopied);
  assert.doesNotMatch(curl, /S3cr3t/);
  assert.match(curl, /\$JIRA_PAT/);
  const run = (command) => {
    // A stub curl prints its arguments, NUL-separated: the command must parse as intended.
    const out = execFileSync('bash', ['-c', `curl() { printf '%s\\0' "$@"; }\nJIRA_PAT=token\n${command}`], { encoding: 'utf8' });
    return out.split('\0').slice(0, -1);
  };
  const argv = run(curl);
  assert.deepEqual(argv.slice(0, 3), ['-X', 'POST', 'https://jira.example.com/rest/gitplugin/1.0/integration']);
  assert.ok(argv.includes('Authorization: Bearer token'));
  const body = JSON.parse(argv[argv.indexOf('--data-raw') + 1]);
  assert.deepEqual(body, { type: 'GITLAB', pat: '<pat>', apiFilter: "[?contains(name, 'api')]" });
  // With "include secrets", the real value, still quoted correctly.
  await page.check('#add-include-secrets');
  await page.click('#panel-add [data-copy="curl"]');
  const withSecret = await page.getAttribute('#panel-add .request', 'data-last-copied');
  const argv2 = run(withSecret);
  assert.equal(JSON.parse(argv2[argv2.indexOf('--data-raw') + 1]).pat, SECRET);
  // fetch(): placeholders again once unticked.
  await page.uncheck('#add-include-secrets');
  await page.click('#panel-add [data-copy="fetch"]');
  const snippet = await page.getAttribute('#panel-add .request', 'data-last-copied');
  assert.match(snippet, /await fetch\("https:\/\/jira\.example\.com\/rest\/gitplugin\/1\.0\/integration"/);
  assert.match(snippet, /"pat": "<pat>"/);
  assert.doesNotMatch(snippet, /S3cr3t/);
  await page.context().close();
});

test('Xray: authType in a pasted payload is flagged with the auth_type suggestion', async () => {
  const page = await open({ hash: '#xray' });
  await page.click('#panel-xray [data-mode="json"]');
  await page.fill(
    '#xray-json',
    JSON.stringify(
      { connection_name: 'prod-jira-cloud', authType: 'basic', username: 'bot@example.com', password: 'x', installation_type: 'cloud', jira_server_url: 'https://example.atlassian.net' },
      null,
      2,
    ),
  );
  const diag = await until(page, () => {
    const item = document.querySelector('#panel-xray .diag[data-path="/authType"]');
    return item ? item.textContent : null;
  });
  assert.match(diag, /auth_type/);
  assert.match(diag, /Line 3/);
  // Back in the form, authType is kept as a pasted key and still flagged.
  await page.click('#panel-xray [data-mode="form"]');
  assert.equal(await page.inputValue('#xray-f-connection_name'), 'prod-jira-cloud');
  assert.equal(await page.locator('#xray-extras li[data-key="authType"]').count(), 1);
  await page.context().close();
});

test('keyboard only: tab to the type select and change it with the keyboard', async () => {
  const page = await open();
  let id = '';
  for (let i = 0; i < 12 && id !== 'add-type'; i++) {
    await page.keyboard.press('Tab');
    id = await page.evaluate(() => document.activeElement.id);
  }
  assert.equal(id, 'add-type');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  await page.keyboard.press('ArrowDown');
  await until(page, () => document.querySelector('#add-type').value !== '');
  const first = await page.inputValue('#add-type');
  assert.equal(first, 'GITHUB');
  await page.keyboard.press('ArrowDown');
  await until(page, () => document.querySelector('#add-type').value === 'GITHUB_SERVER');
  // The form followed: GitHub Enterprise Server needs an origin.
  await until(page, () => document.querySelector('#add-f-origin')?.getAttribute('aria-required') === 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'add-type');
  // The tabs: arrows move between them.
  await page.focus('#tab-add');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tab-update', 'aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-update');
  assert.equal(await page.isVisible('#panel-update'), true);
  await page.keyboard.press('End');
  assert.equal(await page.getAttribute('#tab-xray', 'aria-selected'), 'true');
  await page.keyboard.press('Home');
  assert.equal(await page.getAttribute('#tab-add', 'aria-selected'), 'true');
  await page.context().close();
});

// The README shows docs/screenshot.png; a run refreshes it only with UPDATE_SCREENSHOT=1, so that
// tests leave the work tree clean. Otherwise the picture goes to test-results/.
test('screenshot (docs/screenshot.png with UPDATE_SCREENSHOT=1)', async () => {
  const page = await open({ viewport: { width: 1280, height: 1400 } });
  await page.selectOption('#add-type', 'GITLAB');
  await page.fill('#add-f-displayName', 'Acme GitLab');
  await page.fill('#add-f-pat', 'glpat-example-token');
  await page.fill('#add-f-apiFilter', "[?!archived && starts_with(path_with_namespace, 'platform/')]");
  await page.selectOption('#add-f-global', 'false');
  await page.fill('#add-f-projectMappingIds', '10000, 10100, 10000');
  await page.fill('#add-baseUrl', 'https://jira.example.com');
  await until(page, () => document.querySelector('#panel-add [data-preview="apiFilter"]').dataset.state === 'ok');
  await saveScreenshot(page, 'screenshot.png');
  await page.context().close();
});

test('the pages logged no errors or warnings', () => {
  assert.deepEqual(state.problems, []);
});
