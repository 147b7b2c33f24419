// The CommonJS entry of the built package: `require` loads the wasm synchronously, no init call.
const test = require('node:test');
const assert = require('node:assert/strict');
const api = require('../../pkg');
const { version } = require('../../pkg/package.json');

test('require() gives ready-to-call functions', () => {
  assert.equal(api.version(), version);
});

test('a JS array crosses into the wasm (serde-wasm-bindgen)', () => {
  assert.equal(api.jsonPointer(['a/b', '0']), '/a~1b/0');
  assert.equal(api.jsonPointer([]), '');
});

test('bad input throws a JS Error instead of trapping', () => {
  assert.throws(() => api.jsonPointer(42), Error);
  // The instance is still usable afterwards.
  assert.equal(api.jsonPointer(['x']), '/x');
});

test('a JsValue result arrives as plain JS data', () => {
  const codes = api.catalogue();
  assert.ok(Array.isArray(codes));
  for (const code of codes) {
    assert.equal(typeof code.id, 'string');
    assert.ok(['error', 'warning', 'info'].includes(code.severity));
  }
});
