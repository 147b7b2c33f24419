// src/read_options.js on its own: which options objects it recognises in one call (the wasm side,
// src/wasm.rs, maps its answers; tests/wasm/shared.rs checks the results match a full read).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

// An ES module in a folder without "type": "module": imported from its text, as a browser would.
const source = fs.readFileSync(new URL('../../src/read_options.js', import.meta.url), 'utf8');
const { operationOnly, takeOperation } = await import(
  `data:text/javascript,${encodeURIComponent(source)}`
);

const OTHER = 7;

test('each operation-only object is recognised by its position', () => {
  ['add', 'update', 'create', 'details', 'delete', 'status'].forEach((op, i) => {
    assert.equal(operationOnly({ operation: op }), i + 1, op);
  });
});

test('an operation-only object with another value hands that value over, read once', () => {
  for (const value of ['Update', null, 5, true, [1], { a: 1 }, undefined]) {
    assert.equal(operationOnly({ operation: value }), OTHER);
    assert.equal(takeOperation(), value);
    assert.equal(takeOperation(), undefined, 'taken only once');
  }
  let reads = 0;
  const getter = { get operation() { reads += 1; return 'Update'; } };
  assert.equal(operationOnly(getter), OTHER);
  assert.equal(reads, 1);
});

test('anything else is left to the full read', () => {
  const nonEnumerable = Object.defineProperty({ operation: 'add' }, 'x', { value: 1 });
  const inherited = Object.create({ operation: 'add' });
  const throwing = new Proxy({ operation: 'add' }, { get() { throw new Error('no'); } });
  const keysThrow = new Proxy({}, { ownKeys() { throw new Error('no'); } });
  const cases = [undefined, null, 'add', 5, ['add'], {}, { operation: 'add', x: 1 },
    { [Symbol('s')]: 1, operation: 'add' }, nonEnumerable, inherited, throwing, keysThrow];
  for (const options of cases) assert.equal(operationOnly(options), 0);
});
