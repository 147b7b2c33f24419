// Bad arguments through the package's own JS glue (tests/wasm/leaks.rs calls the exports from
// Rust, past the glue): the glue of a string parameter used to copy whatever `.length` promised
// before checking for a string, so a Buffer leaked its bytes until the instance trapped at
// 4 GiB, and `{length: -1}` trapped at once.
const test = require('node:test');
const assert = require('node:assert/strict');
const api = require('../../pkg');

const STRING_FUNCTIONS = [
  ['checkJmesPath', 'expression'],
  ['checkJavaRegex', 'pattern'],
  ['checkRefSpecs', 'text'],
  ['checkApiPath', 'path'],
  ['validateIntegrationJson', 'text'],
  ['validateXrayJiraIntegrationJson', 'text'],
  ['parseIntegrationResponse', 'text'],
  ['knownApiPaths', 'type'],
  ['jsonSchema', 'name'],
  ['redactText', 'text'],
];

const works = () => assert.equal(api.checkJmesPath('[?private]').ok, true);

test('a non-string where a string is expected is a TypeError naming the argument', () => {
  const values = [new Uint8Array(8), { length: -1 }, { length: 2 ** 32 }, 5n, Symbol('s'), 5, null];
  for (const [name, argument] of STRING_FUNCTIONS) {
    for (const value of values) {
      assert.throws(() => api[name](value), (e) => e instanceof TypeError && e.message.includes(argument), name);
    }
  }
  assert.throws(() => api.parseXrayResponse(200, Buffer.alloc(8)), /text/);
  assert.throws(() => api.parseXrayResponse(10n, '{}'), /status/);
  works();
});

test('100,000 Buffers where a string is expected: nothing leaks, the instance keeps working', () => {
  // 64 KiB each: 6.4 GB in all, past wasm's 4 GiB if a call kept its bytes.
  const buffer = Buffer.alloc(1 << 16, 0x61);
  for (let i = 0; i < 100_000; i += 1) {
    assert.throws(() => api.checkJmesPath(buffer), TypeError);
  }
  works();
});

test('100,000 unreadable payloads and options: a diagnostic each, the instance keeps working', () => {
  const throwing = { get type() { throw new Error('no'); } };
  for (let i = 0; i < 100_000; i += 1) {
    assert.equal(api.validateIntegration({ big: 1n }).diagnostics[0].code, 'invalid-input');
    assert.equal(api.validateIntegration(throwing).diagnostics[0].code, 'invalid-input');
    assert.equal(api.validateIntegrationJson('{}', { operation: 1n }).diagnostics[0].code, 'invalid-input');
  }
  works();
});

test('redactText masks what it shows and a text over the limit whole', () => {
  assert.equal(api.redactText('cannot read https://bob:hunter2@git.example.com/x.json'), 'cannot read https://bob:[REDACTED]@git.example.com/x.json');
  assert.equal(api.redactText('no secret here'), 'no secret here');
  assert.equal(api.redactText(`https://bob:hunter2@h/${'a'.repeat(1 << 20)}`), '[REDACTED]');
  works();
});
