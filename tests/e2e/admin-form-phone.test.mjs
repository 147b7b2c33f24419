// The admin page on a phone (390x844) and its accessibility: one column with no horizontal
// scroll, touch targets (WCAG 2.2 AA: 24 px, 44 px for the primary controls), a sticky findings
// count that jumps to Checks, and axe-core with zero serious or critical findings in every tab and
// state, light and dark. Saves docs/screenshot-phone.png with UPDATE_SCREENSHOT=1.
import test from 'node:test';
import assert from 'node:assert/strict';
import { harness, open, until, axeViolations, saveScreenshot, PHONE, DESKTOP } from './admin-form-harness.mjs';

const state = harness();

/** The page's width beyond the viewport, and the controls that stick out of it. */
function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [...document.querySelectorAll('button, select, input, textarea, [role="tab"], .engine-status')]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < 0 || r.right > width + 0.5;
      })
      .map((el) => el.id || el.textContent.trim().slice(0, 30));
    return { scroll: document.documentElement.scrollWidth - width, out };
  });
}

/** Visible controls smaller than `min` px in either direction. */
function smallTargets(page, selector, min) {
  return page.evaluate(
    ([sel, size]) =>
      [...document.querySelectorAll(sel)]
        .filter((el) => el.offsetParent !== null && !el.closest('[hidden]'))
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width < size || r.height < size)
        .map(({ el, r }) => `${el.id || el.className || el.textContent.trim().slice(0, 20)} ${Math.round(r.width)}x${Math.round(r.height)}`),
    [selector, min],
  );
}

/** Puts each tab in a few states and calls `check(label)` in each. */
async function everyState(page, check) {
  await check('add, on load');
  await page.selectOption('#add-type', 'GITLAB');
  await page.click('#panel-add .tools button:has-text("Load the vendor example")');
  await page.fill('#add-f-pat', ' glpat-x ');
  await page.fill('#add-f-tagsFilter', '(a+)+$');
  await page.fill('#add-response-status', '500');
  await page.fill('#add-response-body', '{"success": false, "error": "Repository with id=5 does not exist"}');
  await until(page, () => document.querySelector('#panel-add .response-result').dataset.state === 'error');
  await check('add, GitLab example with findings and a response');
  await page.click('#panel-add [data-mode="json"]');
  await check('add, JSON');
  await page.click('#tab-update');
  await page.fill('#update-integrationId', 'x');
  await check('update, with an error');
  await page.fill('#update-current', JSON.stringify({ success: 'true', integration: [{ id: 7, integrationType: 'GITLAB', displayName: 'Acme GitLab' }] }));
  await until(page, () => !document.querySelector('#panel-update .current-actions button').disabled);
  await check('update, with the current integration pasted');
  await page.click('#tab-xray');
  await page.click('#panel-xray .tools button:has-text("Load the vendor example")');
  await check('xray, create example');
  await page.click('#panel-xray [data-mode="json"]');
  await page.fill('#xray-json', '{\n  "connection_name": "prod",\n  "authType": "basic",\n  "password": "x"\n}');
  await until(page, () => document.querySelector('#panel-xray .diag[data-path="/authType"]'));
  await check('xray, JSON with findings');
  await page.click('#panel-xray [data-mode="form"]');
  await page.selectOption('#xray-operation', 'status');
  await check('xray, status check');
}

for (const colorScheme of ['light', 'dark']) {
  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ]) {
    test(`axe: no serious or critical finding in any tab or state (${colorScheme}, ${name})`, async () => {
      const page = await open(state, { viewport, colorScheme });
      const found = [];
      await everyState(page, async (label) => {
        // Each state as the admin first sees it: from the top of the page (the sticky findings
        // bar covers whatever happens to be at the bottom of the screen at other positions).
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(150);
        for (const v of await axeViolations(page)) found.push(`${label}: ${v}`);
      });
      assert.deepEqual(found, []);
      await page.context().close();
    });
  }
}

test('phone: one column, no horizontal scroll, nothing cut off, in every tab and state', async () => {
  const page = await open(state, { viewport: PHONE });
  const found = [];
  await everyState(page, async (label) => {
    const { scroll, out } = await overflow(page);
    if (scroll > 0 || out.length) found.push(`${label}: ${scroll} px wider; cut off: ${out.join(', ')}`);
  });
  assert.deepEqual(found, []);
  await page.context().close();
});

test('phone: touch targets of 24 px, 44 px for the primary controls', async () => {
  const page = await open(state, { viewport: PHONE });
  await page.selectOption('#add-type', 'GITLAB');
  await page.fill('#add-f-apiFilter', '[?');
  await until(page, () => document.querySelector('#panel-add .count').dataset.state === 'error');
  assert.deepEqual(await smallTargets(page, '#panel-add button, #panel-add select, #panel-add input, #panel-add textarea, #panel-add summary', 24), []);
  assert.deepEqual(await smallTargets(page, '[role="tab"], #panel-add .seg, #panel-add .req-actions .btn, #add-type, #panel-add .findings-bar', 44), []);
  await page.context().close();
});

test('phone: the sticky findings count follows the form and jumps to Checks', async () => {
  const page = await open(state, { viewport: PHONE });
  await page.selectOption('#add-type', 'GERRIT');
  await page.click('#panel-add .tools button:has-text("Load the vendor example")');
  await until(page, () => /error/.test(document.querySelector('#panel-add .findings-bar').textContent));
  // Scrolled into the middle of the form, the bar is on screen and Checks is not.
  await page.evaluate(() => document.querySelector('#add-f-refSpecCustom').scrollIntoView({ block: 'center' }));
  const seen = await page.evaluate(() => {
    const bar = document.querySelector('#panel-add .findings-bar').getBoundingClientRect();
    const checks = document.querySelector('#panel-add .checks').getBoundingClientRect();
    return { bar: bar.top >= 0 && bar.bottom <= innerHeight, checks: checks.top < innerHeight };
  });
  assert.deepEqual(seen, { bar: true, checks: false });
  assert.equal(await page.textContent('#panel-add .findings-bar'), `${await page.textContent('#panel-add .count')} · Checks`);
  await page.click('#panel-add .findings-bar');
  const after = await page.evaluate(() => ({
    focused: document.activeElement.id,
    top: Math.round(document.querySelector('#panel-add .checks').getBoundingClientRect().top),
  }));
  assert.equal(after.focused, 'add-checks');
  assert.ok(after.top >= 0 && after.top < 100, `Checks at ${after.top} px`);
  await page.context().close();
});

test('phone screenshot (docs/screenshot-phone.png with UPDATE_SCREENSHOT=1)', async () => {
  const page = await open(state, { viewport: PHONE });
  await page.selectOption('#add-type', 'GITLAB');
  await page.click('#panel-add .tools button:has-text("Load the vendor example")');
  await page.fill('#add-f-pat', 'glpat-example-token');
  await until(page, () => document.querySelector('#panel-add [data-preview="apiFilter"]').dataset.state === 'sample-note');
  await saveScreenshot(page, 'screenshot-phone.png');
  await page.context().close();
});

test('the pages logged no errors or warnings', () => {
  assert.deepEqual(state.problems, []);
});
