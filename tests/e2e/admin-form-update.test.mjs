// The Update tab never destroys data (issue 17): with the current integration pasted, only what the
// admin changes is sent, a clear is an explicit act the request panel names, a pasted integration
// that is not one (or not the one in the URL) is an error that blocks the request, and the Form and
// JSON modes make the same library call, so they agree on the findings and the body.
import test from 'node:test';
import assert from 'node:assert/strict';
import { harness, open as openPage, until, axeViolations } from './admin-form-harness.mjs';

const state = harness();

const CURRENT = {
  id: 1,
  integrationType: 'GITLAB_SERVER',
  displayName: 'MY GITLAB',
  origin: 'https://gitlab.example.com',
  tagsFilter: '^v.*',
  global: true,
  gitViewerEnabled: true,
};
const GET_RESPONSE = JSON.stringify({ success: 'true', integration: [CURRENT] }, null, 2);

/** The update tab with the integration id and the pasted GET response (and, if asked, the form filled from it). */
async function openUpdate({ id = '1', current = GET_RESPONSE, fillForm = false } = {}) {
  const page = await openPage(state, { hash: '#update' });
  await page.fill('#update-integrationId', id);
  await page.fill('#update-current', current);
  if (fillForm) {
    await until(page, () => !document.querySelector('#panel-update .current-actions button').disabled);
    await page.click('#panel-update .current-actions button');
  }
  return page;
}

/**
 * What the tab shows once the checks have run on the inputs as they are: the body (null when no
 * request is offered), whether any copy button works, the finding codes and the request note.
 */
async function shown(page) {
  return page.evaluate(() => {
    window.adminPage.panels['panel-update'].schedule.now(); // the checks are debounced
    const panel = document.querySelector('#panel-update');
    const card = panel.querySelector('.card.request');
    const ready = card.dataset.ready === 'true';
    const note = panel.querySelector('.req-note');
    return {
      body: ready ? JSON.parse(panel.querySelector('.req-body').textContent) : null,
      copyable: [...card.querySelectorAll('[data-copy]')].some((b) => !b.disabled),
      codes: [...panel.querySelectorAll('.summary-list .diag')].map((d) => d.dataset.code).sort(),
      note: note && !note.hidden ? note.textContent : '',
      url: ready ? panel.querySelector('.req-line .url').textContent : '',
    };
  });
}

async function switchMode(page, mode) {
  await page.click(`#panel-update [data-mode="${mode}"]`);
  await until(page, (m) => document.querySelector('#panel-update').dataset.mode === m, mode);
}

test('an unchanged paste sends an empty body and says it changes nothing', async () => {
  for (const fillForm of [false, true]) {
    const page = await openUpdate({ fillForm });
    if (fillForm) assert.equal(await page.inputValue('#update-f-displayName'), 'MY GITLAB');
    const s = await shown(page);
    assert.deepEqual(s.body, {}, `fillForm ${fillForm}`);
    assert.match(s.url, /\/integration\/1$/);
    assert.ok(s.codes.includes('empty-update'), s.codes.join());
    assert.match(s.note, /Changes nothing/);
    await page.context().close();
  }
});

test('editing one field sends only that field', async () => {
  const page = await openUpdate({ fillForm: true });
  await page.fill('#update-f-displayName', 'Platform GitLab');
  const s = await shown(page);
  assert.deepEqual(s.body, { displayName: 'Platform GitLab' });
  assert.match(s.note, /Clears nothing/);
  assert.ok(!s.codes.includes('empty-update'));
  await page.context().close();
});

test('emptying a field filled from the current integration clears it, and the request says so', async () => {
  const page = await openUpdate({ fillForm: true });
  await page.fill('#update-f-tagsFilter', '');
  const s = await shown(page);
  assert.deepEqual(s.body, { tagsFilter: '' });
  assert.match(s.note, /Clears tagsFilter/);
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
  // Without the form filled from it, an empty field is "keep": typed and emptied again, nothing is sent.
  const keep = await openUpdate();
  await keep.fill('#update-f-tagsFilter', '^x');
  await keep.fill('#update-f-tagsFilter', '');
  assert.deepEqual((await shown(keep)).body, {});
  await keep.context().close();
});

test('emptying the project ids filled from the current integration sends []', async () => {
  const current = JSON.stringify({ ...CURRENT, global: false, gitViewerEnabled: false, projectMappingIds: [10000, 10100] });
  const page = await openUpdate({ current, fillForm: true });
  assert.equal(await page.inputValue('#update-f-projectMappingIds'), '10000, 10100');
  await page.fill('#update-f-projectMappingIds', '');
  const s = await shown(page);
  assert.deepEqual(s.body, { projectMappingIds: [] });
  assert.match(s.note, /Clears projectMappingIds/);
  await page.context().close();
});

test('an integration id that is not the pasted integration’s is an error at the id', async () => {
  const page = await openUpdate({ id: '9' });
  const s = await shown(page);
  assert.equal(s.body, null);
  assert.equal(s.copyable, false);
  assert.ok(s.codes.includes('current-id-mismatch'), s.codes.join());
  assert.equal(await page.getAttribute('#update-integrationId', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#update-integrationId-msg'), /integrationId 9/);
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

test('a pasted list, error response or broken JSON is an error at the paste, and no request is offered', async () => {
  const cases = {
    list: JSON.stringify({ success: 'true', integrations: [CURRENT, { ...CURRENT, id: 2 }] }),
    'error-response': JSON.stringify({ success: false, error: 'Integration not found', advice: 'Check the id.' }),
    'not-json': GET_RESPONSE.replace('"id": 1', '"id": 1,,'),
  };
  for (const [found, text] of Object.entries(cases)) {
    const page = await openUpdate({ current: text });
    assert.equal(await page.isDisabled('#panel-update .current-actions button'), true, found);
    const s = await shown(page);
    assert.equal(s.body, null, found);
    assert.equal(s.copyable, false, found);
    assert.ok(s.codes.includes('invalid-current'), `${found}: ${s.codes.join()}`);
    assert.equal(await page.getAttribute('#update-current', 'aria-invalid'), 'true', found);
    const described = await page.getAttribute('#update-current', 'aria-describedby');
    assert.ok(described.split(' ').includes('update-current-msg'), described);
    assert.match(await page.textContent('#update-current-msg'), /current is/, found);
    // Nor does JSON mode offer a request.
    await switchMode(page, 'json');
    const j = await shown(page);
    assert.equal(j.body, null, `${found} (JSON)`);
    assert.ok(j.codes.includes('invalid-current'), `${found} (JSON)`);
    if (found === 'list') assert.deepEqual(await axeViolations(page), []);
    await page.context().close();
  }
});

test('Form and JSON mode agree on the findings and the body', async () => {
  const cases = [
    ['unchanged', async () => {}, {}],
    ['one field', (page) => page.fill('#update-f-displayName', 'Platform GitLab'), { displayName: 'Platform GitLab' }],
    ['a clear', (page) => page.fill('#update-f-tagsFilter', ''), { tagsFilter: '' }],
    [
      'a clear and a change',
      async (page) => {
        await page.fill('#update-f-displayName', '');
        await page.selectOption('#update-f-global', 'false');
        await page.fill('#update-f-projectMappingIds', '10000');
      },
      { displayName: '', global: false, projectMappingIds: [10000] },
    ],
    [
      'an error and a clear',
      async (page) => {
        await page.fill('#update-f-tagsFilter', '^(v.*');
        await page.fill('#update-f-displayName', '');
      },
      null,
    ],
  ];
  for (const [name, edit, body] of cases) {
    const page = await openUpdate({ fillForm: true });
    await edit(page);
    const form = await shown(page);
    assert.deepEqual(form.body, body, name);
    await switchMode(page, 'json');
    const json = await shown(page);
    assert.deepEqual(json, form, `${name}: JSON mode`);
    // With no request (an error), the editor holds the form's values, its clears included.
    if (body === null) assert.equal(JSON.parse(await page.inputValue('#update-json')).displayName, '', name);
    await switchMode(page, 'form');
    assert.deepEqual(await shown(page), form, `${name}: back in Form mode`);
    await page.context().close();
  }
  // A body pasted in JSON with the integration's id and type: neither is sent, and back in the form
  // they are not listed as keys the form would send.
  const page = await openUpdate();
  await switchMode(page, 'json');
  await page.fill('#update-json', JSON.stringify({ id: 1, integrationType: 'GITLAB_SERVER', displayName: 'MY GITLAB', tagsFilter: '' }));
  const json = await shown(page);
  assert.deepEqual(json.body, { tagsFilter: '' });
  await switchMode(page, 'form');
  assert.deepEqual(await shown(page), json);
  assert.equal(await page.locator('#update-extras li').count(), 0);
  // A pasted key the form has no control for that equals the current value is kept in the list,
  // and the list says it is not sent.
  await switchMode(page, 'json');
  await page.fill('#update-json', JSON.stringify({ global: 'true', displayName: 'New name' }));
  const pasted = await shown(page);
  assert.deepEqual(pasted.body, { displayName: 'New name' });
  await switchMode(page, 'form');
  assert.deepEqual(await shown(page), pasted);
  const item = page.locator('#update-extras li[data-key="global"]');
  assert.equal(await item.getAttribute('data-sent'), 'false');
  assert.match(await item.textContent(), /not sent/);
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

test('no console error, page error or failed request', () => {
  assert.deepEqual(state.problems, []);
});
