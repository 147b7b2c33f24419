// The CommonJS entry of the built package: `require` loads the wasm synchronously, no init call.
const test = require('node:test');
const assert = require('node:assert/strict');
const api = require('../../pkg');
const { version } = require('../../pkg/package.json');

test('require() gives ready-to-call functions', () => {
  assert.equal(api.version(), version);
});

test('a GERRIT payload without origin gets an error at /origin', () => {
  const r = api.validateIntegration({ type: 'GERRIT', username: 'u', password: 'p' });
  assert.equal(r.ok, false);
  assert.deepEqual(r.diagnostics.map((d) => [d.severity, d.code, d.path]), [['error', 'missing-required-field', '/origin']]);
});

test('bad input is a diagnostic, and the instance keeps working', () => {
  const cyclic = {}; cyclic.self = cyclic;
  assert.deepEqual(api.validateIntegration(cyclic).diagnostics.map((d) => d.code), ['invalid-input']);
  assert.deepEqual(api.validateIntegration({ big: 10n }).diagnostics.map((d) => d.code), ['invalid-input']);
  assert.equal(api.validateIntegration({ type: 'VSTS', pat: 't', requireUserPat: true }).ok, true);
});

test('options are checked', () => {
  const r = api.validateIntegration({ type: 'VSTS', pat: 't' }, { operation: 'remove' });
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['invalid-option']);
});

test('the builder returns method, url, headers and a canonical body', () => {
  const r = api.buildIntegrationRequest(
    { type: 'GITLAB_SERVER', origin: ' https://gitlab.example.com ', pat: 'glpat-x', global: 'false', projectMappingIds: '10000, 10100', requireUserPat: 'on' },
    { operation: 'add', baseUrl: 'https://jira.example.com/' });
  assert.equal(r.ok, true, JSON.stringify(r.diagnostics));
  assert.equal(r.request.method, 'POST');
  assert.equal(r.request.url, 'https://jira.example.com/rest/gitplugin/1.0/integration');
  assert.deepEqual(r.request.body, {
    type: 'GITLAB_SERVER', origin: 'https://gitlab.example.com', pat: 'glpat-x', global: false,
    projectMappingIds: [10000, 10100], requireUserPat: true,
  });
});

test('an update sends only what changes', () => {
  const current = { success: 'true', integration: [{ id: 4, integrationType: 'GITHUB', displayName: 'GH', global: true }] };
  const r = api.buildIntegrationRequest({ type: 'GITHUB', displayName: 'GH', global: 'true', tagsFilter: '^v' },
    { operation: 'update', integrationId: 4, current });
  assert.equal(r.request.method, 'PUT');
  assert.equal(r.request.path, '/rest/gitplugin/1.0/integration/4');
  assert.deepEqual(r.request.body, { tagsFilter: '^v' });
});

test('secrets never appear in diagnostics', () => {
  // A GitHub token has its real shape: ghp_ and 36 letters and digits.
  const secret = 'ghp_DONOTLEAK0123456789abcdefghijklmnopq';
  const r = api.validateIntegration({ type: 'GITHUB', pat: ` ${secret}`, password: secret, username: secret, pat2: secret });
  assert.ok(!JSON.stringify(r.diagnostics).includes('DONOTLEAK'), JSON.stringify(r.diagnostics));
  assert.ok(!JSON.stringify(api.redactIntegration({ pat: secret, nested: { password: secret } })).includes('DONOTLEAK'));
});

test('responses, types and the catalogue are plain data', () => {
  const resp = api.parseIntegrationResponse('{"success": false, "error": "Repository with id=5 does not exist", "advice": "Try again"}');
  assert.equal(resp.ok, false);
  assert.equal(resp.advice, 'Try again');
  const types = api.integrationTypes();
  assert.equal(types.length, 12);
  const gerrit = types.find((t) => t.type === 'GERRIT');
  assert.ok(gerrit.fields.find((f) => f.name === 'origin').required);
  const codes = api.ruleCatalogue();
  for (const c of codes) assert.ok(['error', 'warning', 'info'].includes(c.severity));
});

test('field languages: JMESPath with a preview, Java regex with a preview, refspecs', () => {
  const listing = [{ name: 'svc-a', full_name: 'acme/svc-a', archived: false }, { name: 'web', full_name: 'acme/web', archived: true }];
  const j = api.checkJmesPath("[?starts_with(name, 'svc-')]", { type: 'GITHUB', sample: listing });
  assert.equal(j.ok, true, JSON.stringify(j.diagnostics));
  assert.deepEqual(j.preview.kept.map((r) => r.name), ['acme/svc-a']);
  assert.deepEqual(j.preview.dropped.map((r) => r.name), ['acme/web']);
  const bad = api.checkJmesPath("[?name == 'x'", { type: 'GITHUB' });
  assert.equal(bad.ok, false);
  assert.ok(bad.diagnostics[0].span, JSON.stringify(bad.diagnostics));
  assert.ok(bad.diagnostics[0].params.excerpt.includes('^'));
  const tags = ['release-1', 'release-2', 'release-2.3', 'release-3', 'release-4'];
  const r = api.checkJavaRegex('^((?!release-2).)*$', { tags, mode: 'show' });
  assert.deepEqual(r.preview.shown, ['release-1', 'release-3', 'release-4']);
  assert.equal(api.checkJavaRegex('(?P<n>a)').ok, false);
  assert.equal(api.checkRefSpecs('+refs/meta/*:refs/meta/*').ok, true);
});

test('a deeply nested JMESPath filter is a diagnostic, not a trap', () => {
  for (const expr of ['['.repeat(1500), '('.repeat(5000) + 'a' + ')'.repeat(5000), '!'.repeat(100000), '{a:'.repeat(3000)]) {
    const r = api.checkJmesPath(expr, { type: 'GITHUB' });
    assert.equal(r.ok, false);
  }
  assert.equal(api.validateIntegration({ type: 'GITHUB', pat: 't', apiFilter: '[?'.repeat(2000) }).ok, false);
  assert.equal(api.checkJmesPath('[?archived]').ok, true);
});

test('a 10 MB JSON text answers with the size-limit diagnostic, and the instance keeps working', () => {
  const text = JSON.stringify({ type: 'GITHUB', pat: 'p', displayName: 'x'.repeat(10 * 1024 * 1024) });
  for (const validate of [api.validateIntegrationJson, api.validateXrayJiraIntegrationJson]) {
    const r = validate(text);
    assert.equal(r.ok, false, validate.name);
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['input-too-large'], validate.name);
    assert.equal(r.diagnostics[0].params.limit, 1024 * 1024);
    assert.equal(r.diagnostics[0].params.size, text.length);
  }
  assert.equal(api.validateIntegrationJson('{"type": "VSTS", "pat": "t"}').ok, true);
});
