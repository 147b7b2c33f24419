// The admin page's tools beyond the form: nothing red before the admin acts, secrets masked in
// JSON mode, honest previews on the vendor's own filters, the Responses card, drafts in
// localStorage (never a secret), Reset, the vendor examples, Copy JSON body, and the links to
// the vendor's documentation (followed only on a click: the page requests nothing elsewhere).
import test from 'node:test';
import assert from 'node:assert/strict';
import { harness, open, until } from './admin-form-harness.mjs';

const state = harness();
const SECRET = 'glpat-S3cr3t-value';
const DRAFT_KEY = 'jira-integration-payloads:draft:add';

/** The texts of a preview once its state is `wanted`. */
function preview(page, field, wanted) {
  return until(
    page,
    ([name, s]) => {
      const p = document.querySelector(`#panel-add [data-preview="${name}"]`);
      return p.dataset.state === s ? p.querySelector('.preview-summary').textContent : null;
    },
    [field, wanted],
  );
}

test('on load nothing is red: the empty type is a to-do, an error once the admin acts', async () => {
  const page = await open(state);
  const onLoad = await page.evaluate(() => ({
    invalid: document.querySelectorAll('[aria-invalid="true"]').length,
    redFields: document.querySelectorAll('.has-error').length,
    count: document.querySelector('#add-count').textContent,
    state: document.querySelector('#panel-add').dataset.state,
  }));
  assert.deepEqual(onLoad, { invalid: 0, redFields: 0, count: '1 to fill in', state: 'ok' });
  assert.equal(await page.textContent('#panel-add .req-empty'), 'No request yet: 1 required value to fill in first.');
  // Acting anywhere in the tab (here the base URL) makes the missing type an error.
  await page.fill('#add-baseUrl', 'https://jira.example.com');
  await until(page, () => document.querySelector('#add-type').getAttribute('aria-invalid') === 'true');
  assert.equal(await page.textContent('#add-count'), '1 error');
  assert.equal(await page.textContent('#panel-add .req-empty'), 'No request yet: 1 error to fix first.');
  await page.context().close();
});

test("previews on the vendor's filters: a note about the sample, never an error on the filter", async () => {
  const page = await open(state);
  // GitLab's own example: the GitLab sample has no tag_list.
  await page.selectOption('#add-type', 'GITLAB');
  await page.fill('#add-f-apiFilter', "[?contains(tag_list, 'largemedia')]");
  assert.match(await preview(page, 'apiFilter', 'sample-note'), /sample has no tag_list/);
  assert.equal(await page.getAttribute('#add-f-apiFilter', 'aria-invalid'), null);
  assert.equal(await page.locator('#panel-add .diag[data-path^="/apiFilter"]').count(), 0);
  // Tracked folders and Gerrit have no sample: the preview says so, not "Keeps 0 of 10".
  for (const [type, host] of [
    ['FILESPACE', 'tracked folders'],
    ['GERRIT', 'Gerrit'],
  ]) {
    await page.selectOption('#add-type', type);
    await page.fill('#add-f-apiFilter', type === 'FILESPACE' ? "[?!starts_with(fullPath, '/srv/git/private')]" : "[?contains(name, 'git')]");
    const said = await preview(page, 'apiFilter', 'no-sample');
    assert.match(said, new RegExp(`no sample listing for ${host}`));
    assert.doesNotMatch(said, /Keeps/);
    assert.equal(await page.getAttribute('#add-f-apiFilter', 'aria-invalid'), null);
  }
  // A pasted listing with the field previews the tracked-folder filter.
  await page.selectOption('#add-type', 'FILESPACE');
  await page.fill('#add-f-apiFilter', "[?!starts_with(fullPath, '/srv/git/private')]");
  await page.fill('#add-apiFilter-listing-text', JSON.stringify([{ name: 'a', fullPath: '/srv/git/a' }, { name: 'b', fullPath: '/srv/git/private/b' }]));
  assert.match(await preview(page, 'apiFilter', 'ok'), /^Keeps 1 of 2 repositories/);
  // One finding per problem: Azure's filter without the {value: ...} wrapper is one warning.
  await page.selectOption('#add-type', 'AZURE_DEVOPS');
  await page.fill('#add-f-apiFilter', "[?contains(name,'x')]");
  await until(page, () => document.querySelector('#add-f-apiFilter-msg .msg-item'));
  const findings = await page.evaluate(() => [...document.querySelectorAll('#add-f-apiFilter-msg .msg-item')].map((m) => m.textContent));
  assert.equal(findings.length, 1, findings.join(' | '));
  assert.equal(await page.locator('#panel-add .diag[data-path^="/apiFilter"]').count(), 1);
  // The preview does not repeat the filter's own finding: it says what happened on the sample.
  await page.selectOption('#add-type', 'GITHUB');
  await page.fill('#add-f-apiFilter', '[].name');
  const note = await preview(page, 'apiFilter', 'sample-note');
  const finding = await page.textContent('#add-f-apiFilter-msg .msg-text');
  assert.ok(!note.includes(finding), `${note} repeats ${finding}`);
  assert.match(note, /On this listing/);
  await page.context().close();
});

test('JSON mode masks the secrets typed in the form unless "Include secrets" is ticked', async () => {
  const page = await open(state);
  await page.selectOption('#add-type', 'GITLAB');
  await page.fill('#add-f-pat', SECRET);
  await page.fill('#add-baseUrl', 'https://jira.example.com');
  await until(page, () => document.querySelector('#panel-add .request').dataset.ready === 'true');
  await page.click('#panel-add [data-mode="json"]');
  const json = await page.inputValue('#add-json');
  assert.doesNotMatch(json, /S3cr3t/);
  assert.equal(JSON.parse(json).pat, '<pat>');
  // The request still sends the real token (copied with secrets), and the form keeps it.
  await page.check('#add-include-secrets');
  await page.click('#panel-add [data-copy="json"]');
  const copied = JSON.parse(await page.getAttribute('#panel-add .request', 'data-last-copied'));
  assert.equal(copied.pat, SECRET);
  await page.click('#panel-add [data-mode="form"]');
  assert.equal(await page.inputValue('#add-f-pat'), SECRET);
  // Ticked, the JSON shows it; unticked in JSON mode, it is masked again at once.
  await page.click('#panel-add [data-mode="json"]');
  assert.equal(JSON.parse(await page.inputValue('#add-json')).pat, SECRET);
  await page.uncheck('#add-include-secrets');
  assert.equal(JSON.parse(await page.inputValue('#add-json')).pat, '<pat>');
  await page.check('#add-include-secrets');
  assert.equal(JSON.parse(await page.inputValue('#add-json')).pat, SECRET);
  await page.context().close();
});

test('Responses: Xray FAULTY_CONFIGURATION with HTTP 200 is a failure; a Jira error is explained', async () => {
  const page = await open(state, { hash: '#xray' });
  await page.selectOption('#xray-operation', 'status');
  await page.fill('#xray-response-status', '200');
  await page.fill('#xray-response-body', JSON.stringify({ status: 'FAULTY_CONFIGURATION', integration_name: 'onprem-jira', password: SECRET }));
  // The card updates as each input changes: wait for the one about the whole response.
  const xray = await until(page, () => {
    const r = document.querySelector('#panel-xray .response-result');
    return /FAULTY_CONFIGURATION/.test(r.textContent) ? { state: r.dataset.state, text: r.textContent } : null;
  });
  assert.equal(xray.state, 'error');
  assert.match(xray.text, /Failure/);
  assert.match(xray.text, /HTTP 200/);
  assert.match(xray.text, /FAULTY_CONFIGURATION/);
  assert.doesNotMatch(xray.text, /S3cr3t/);
  await page.click('#tab-add');
  await page.fill('#add-response-status', '200');
  await page.fill('#add-response-body', '{"success": false, "error": "Repository with id=5 does not exist", "advice": "Please try again with an existing id"}');
  const gij = await until(page, () => {
    const r = document.querySelector('#panel-add .response-result');
    return /id=5/.test(r.textContent) ? { state: r.dataset.state, text: r.textContent } : null;
  });
  assert.equal(gij.state, 'error');
  assert.match(gij.text, /Repository with id=5 does not exist/);
  assert.match(gij.text, /Please try again with an existing id/);
  // A success body with a failing status is a failure.
  await page.fill('#add-response-status', '500');
  await page.fill('#add-response-body', '{"success": true}');
  await until(page, () => /HTTP 500 is a failure/.test(document.querySelector('#panel-add .response-result').textContent));
  assert.equal(await page.getAttribute('#panel-add .response-result', 'data-state'), 'error');
  await page.context().close();
});

test('drafts survive a reload without any secret; Reset forgets them', async () => {
  const context = await state.browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await open(state, { context });
  await page.selectOption('#add-type', 'GITLAB_SERVER');
  await page.fill('#add-f-displayName', 'Acme GitLab');
  await page.fill('#add-f-pat', SECRET);
  await page.fill('#add-f-origin', `https://bot:${SECRET}@gitlab.example.com`);
  await page.fill('#add-baseUrl', 'https://jira.example.com');
  // Saved after the last input (the base URL), so the draft has everything typed.
  await until(page, () => /jira\.example\.com/.test(localStorage.getItem('jira-integration-payloads:draft:add') ?? ''));
  const stored = await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);
  assert.doesNotMatch(stored, /S3cr3t/);
  await page.close();
  const again = await open(state, { context });
  assert.equal(await again.inputValue('#add-type'), 'GITLAB_SERVER');
  assert.equal(await again.inputValue('#add-f-displayName'), 'Acme GitLab');
  assert.equal(await again.inputValue('#add-baseUrl'), 'https://jira.example.com');
  assert.equal(await again.inputValue('#add-f-pat'), '');
  assert.equal(await again.inputValue('#add-f-origin'), '');
  assert.match(await again.textContent('#panel-add .draft-status'), /restored/);
  // A draft in JSON mode keeps the JSON with placeholders for secrets, misspelt keys included
  // (the redaction does not know "passwrd"; the draft keeps no text under an unknown key).
  await again.click('#panel-add [data-mode="json"]');
  await again.fill('#add-json', JSON.stringify({ type: 'GITLAB', pat: SECRET, passwrd: SECRET, displayName: 'From JSON' }));
  await until(again, () => /From JSON/.test(localStorage.getItem('jira-integration-payloads:draft:add') ?? ''));
  const jsonDraft = await again.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);
  assert.doesNotMatch(jsonDraft, /S3cr3t/);
  assert.match(jsonDraft, /<passwrd>/);
  // Back in the form, "passwrd" is a pasted key: not in the draft either.
  await again.click('#panel-add [data-mode="form"]');
  await until(again, () => /"mode":"form"/.test(localStorage.getItem('jira-integration-payloads:draft:add') ?? ''));
  assert.equal(await again.locator('#add-extras li[data-key="passwrd"]').count(), 1);
  assert.doesNotMatch(await again.evaluate((key) => localStorage.getItem(key), DRAFT_KEY), /S3cr3t/);
  await again.click('#panel-add .tools button:has-text("Reset")');
  assert.equal(await again.evaluate((key) => localStorage.getItem(key), DRAFT_KEY), null);
  assert.equal(await again.inputValue('#add-type'), '');
  assert.equal(await again.getAttribute('#panel-add', 'data-mode'), 'form');
  await again.close();
  const fresh = await open(state, { context });
  assert.equal(await fresh.inputValue('#add-type'), '');
  assert.equal(await fresh.getAttribute('#add-type', 'aria-invalid'), null);
  await context.close();
});

test('the vendor example per type, and Copy JSON body with placeholders', async () => {
  const page = await open(state);
  await page.click('#panel-add .tools button:has-text("Load the vendor example")');
  assert.match(await page.textContent('#panel-add .draft-status'), /Choose the integration type first/);
  await page.selectOption('#add-type', 'FILESPACE');
  await page.click('#panel-add .tools button:has-text("Load the vendor example")');
  assert.equal(await page.inputValue('#add-f-origin'), '/srv/git/*');
  assert.equal(await page.inputValue('#add-f-folderDepth'), '2');
  assert.equal(await page.inputValue('#add-f-apiFilter'), "[?!starts_with(fullPath, '/srv/git/private')]");
  await page.selectOption('#add-type', 'TFS_SERVER');
  await page.click('#panel-add .tools button:has-text("Load the vendor example")');
  assert.equal(await page.inputValue('#add-f-username'), 'all');
  assert.equal(await page.inputValue('#add-f-pat'), '');
  await page.fill('#add-f-pat', SECRET);
  await until(page, () => document.querySelector('#panel-add .request').dataset.ready === 'true');
  await page.click('#panel-add [data-copy="json"]');
  const body = JSON.parse(await page.getAttribute('#panel-add .request', 'data-last-copied'));
  assert.deepEqual(body, { type: 'TFS_SERVER', origin: 'http://tfs.example.com:8080/tfs', username: 'all', pat: '<pat>', tfsCollection: 'DefaultCollection' });
  await page.context().close();
});

test('every field and finding links to the vendor page; the page requests nothing elsewhere', async () => {
  const context = await state.browser.newContext({ viewport: { width: 1360, height: 900 } });
  const foreign = [];
  context.on('request', (request) => {
    if (!request.url().startsWith(state.base) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  const page = await open(state, { context });
  await page.selectOption('#add-type', 'GITLAB');
  await page.fill('#add-f-apiFilter', '[?');
  await until(page, () => document.querySelector('#add-f-apiFilter-msg .doc-link'));
  const links = await page.evaluate(() => ({
    fields: [...document.querySelectorAll('#panel-add .field[data-field]')].map((f) => [f.dataset.field, f.querySelector('.hint .doc-link')?.href]),
    filterFinding: document.querySelector('#add-f-apiFilter-msg .doc-link').href,
    summary: document.querySelector('#panel-add .sev-group li .doc-link').href,
    attrs: [...document.querySelectorAll('.doc-link')].every((a) => a.target === '_blank' && a.rel === 'noopener noreferrer'),
  }));
  assert.ok(links.fields.length > 10);
  assert.deepEqual(links.fields.filter(([, href]) => !href), []);
  assert.match(Object.fromEntries(links.fields).apiFilter, /working-with-jmespath-filters/);
  assert.match(Object.fromEntries(links.fields).tagsFilter, /tag-filters/);
  assert.match(Object.fromEntries(links.fields).displayName, /add-new-integration-gij-self-managed/);
  assert.match(await page.getAttribute('#add-type-hint .doc-link', 'href'), /add-new-integration-type-api-examples/);
  assert.match(links.filterFinding, /working-with-jmespath-filters/);
  assert.match(links.summary, /^https:\/\/help\.gitkraken\.com\//);
  assert.equal(links.attrs, true);
  await page.click('#tab-xray');
  assert.match(await page.getAttribute('#xray-f-jira_server_url-hint .doc-link', 'href'), /create-jira-integration/);
  await page.selectOption('#xray-operation', 'update');
  assert.match(await page.getAttribute('#xray-f-jira_server_url-hint .doc-link', 'href'), /update-jira-integration/);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('the pages logged no errors or warnings', () => {
  assert.deepEqual(state.problems, []);
});
