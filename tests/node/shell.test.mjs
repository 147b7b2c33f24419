// The one curl command (js/cli/shell.mjs) the CLI and the admin page print: every word reaches
// curl as it was meant, in a POSIX sh (dash where it is installed) as in bash, and no secret is in
// the page's snippets (the CLI's are checked by tests/cli/secrets.test.mjs).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { CALLERS, curlCommand, shellQuote } from '../../js/cli/shell.mjs';
import { snippetBody, toFetch } from '../../www/js/snippets.js';

const api = createRequire(import.meta.url)('../../pkg');
const SHELLS = ['sh', 'bash'];

/** The arguments a stub curl receives when `shell` runs `command` with `env`. */
function curlArgs(shell, command, env = {}) {
  const script = `curl() { printf '%s\\0' "$@"; }\n${command}`;
  const out = execFileSync(shell, ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
  return out.split('\0').slice(0, -1);
}

const AWKWARD = ["it's", "''", "'", 'a\\b', '$HOME `id` $(id) "x"', 'two\nlines', 'tab\there', '!event', '*.json', 'ümlaut ✓', '', ' lead'];

test('shellQuote: the shell reads back exactly the text, whatever it holds', () => {
  for (const shell of SHELLS) {
    for (const text of AWKWARD) {
      const out = execFileSync(shell, ['-c', `printf '%s' ${shellQuote(text)}`], { encoding: 'utf8', env: { HOME: '/nowhere' } });
      assert.equal(out, text, `${shell}: ${JSON.stringify(text)}`);
    }
  }
});

test('curlCommand: method, URL, headers, token from the environment, body as one word', () => {
  const request = {
    method: 'POST',
    path: "/rest/gitplugin/1.0/integration?q=it's",
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
  };
  const body = { displayName: "Bob's $HOME `id`", apiFilter: "[?contains(name, 'api')]", lines: 'a\nb' };
  const command = curlCommand(request, { ...CALLERS.gij, body });
  assert.ok(!command.includes('tok3n'));
  for (const shell of SHELLS) {
    const argv = curlArgs(shell, command, { JIRA_PAT: 'tok3n', JIRA_BASE_URL: 'https://jira.example.com' });
    assert.deepEqual(argv, [
      '-X',
      'POST',
      "https://jira.example.com/rest/gitplugin/1.0/integration?q=it's",
      '-H',
      'Accept: application/json',
      '-H',
      'Content-Type: application/json',
      '-H',
      'Authorization: Bearer tok3n',
      '--data-raw',
      JSON.stringify(body, null, 2),
    ]);
  }
});

test('curlCommand: a full URL as given, Xray token variable, no body for a GET', () => {
  const request = { method: 'GET', path: '/x', url: "https://acme.jfrog.io/xray/api/v1/ticketing/jira-integrations/o'neil", headers: {} };
  const argv = curlArgs('sh', curlCommand(request, CALLERS.xray), { JFROG_ACCESS_TOKEN: 't' });
  assert.deepEqual(argv, ['-X', 'GET', request.url, '-H', 'Authorization: Bearer t']);
});

test('snippets: no secret in the curl command or fetch() call unless asked for', () => {
  const SECRET = 'Zq9snippetSecret';
  const bodies = [
    [api.redactIntegration, { type: 'GITLAB', pat: SECRET, global: true }],
    [api.redactIntegration, { type: 'GERRIT', origin: `https://bob:${SECRET}@gerrit.example.com`, username: 'u', password: SECRET }],
    [api.redactIntegration, { type: 'GITHUB', pat: 'p', global: true, apiPath: `/user/repos?access_token=${SECRET}` }],
    [api.redactXrayJiraIntegration, { connection_name: 'c', username: 'u', password: SECRET, jira_server_url: `https://u:${SECRET}@jira.example.com` }],
  ];
  const request = { method: 'POST', path: '/rest/gitplugin/1.0/integration', headers: {} };
  for (const [redact, body] of bodies) {
    const shown = snippetBody(body, redact(body), false);
    for (const snippet of [curlCommand(request, { ...CALLERS.gij, body: shown }), toFetch(request, { ...CALLERS.gij, body: shown })]) {
      assert.ok(!snippet.includes(SECRET), snippet);
    }
    const open = snippetBody(body, redact(body), true);
    assert.ok(curlCommand(request, { ...CALLERS.gij, body: open }).includes(SECRET), 'include secrets: the real values');
  }
});
