// Payload objects cross into wasm as their JSON.stringify text and are validated as a JSON text
// without line and column (src/wasm.rs, validate_object; tests/object_route.rs holds the core's two
// routes to the same reports on Node's texts). Here, through the built package, for JS values JSON
// has no word for: the object validators give exactly what the text validators give for
// JSON.stringify of the same value, with line and column dropped (a strict deep-equal), a getter or
// toJSON runs once per call as JSON.stringify runs it, and what JSON.stringify cannot write is an
// invalid-input diagnostic, after which the instance keeps working.
const test = require('node:test');
const assert = require('node:assert/strict');
const api = require('../../pkg');

const VALIDATORS = [
  ['validateIntegration', 'validateIntegrationJson', [{ operation: 'add' }, { operation: 'update' }, undefined]],
  ['validateXrayJiraIntegration', 'validateXrayJiraIntegrationJson', [{ operation: 'create' }, undefined]],
];
const GIJ = { type: 'GITHUB', pat: 'ghp_' + 'a'.repeat(36), requireUserPat: true, trackedFolders: ['a'] };

function withoutPositions(report) {
  for (const d of report.diagnostics) {
    delete d.line;
    delete d.column;
  }
  return report;
}

const nest = (depth) => {
  let v = 'x';
  for (let i = 0; i < depth; i += 1) v = i % 2 ? { k: v } : [v];
  return v;
};

class Form {
  constructor() {
    this.type = 'GITLAB';
    this.host = 'https://gitlab.example.com';
  }
}

function oddPayloads() {
  const symbolKeyed = { ...GIJ, [Symbol('s')]: 1 };
  const hidden = Object.defineProperty({ ...GIJ }, 'pat', { value: 'x', enumerable: false });
  return [
    GIJ,
    { ...GIJ, maxBranches: -0 },
    { ...GIJ, maxBranches: 1e21, port: 2 ** 53 + 1, ratio: 5e-324 },
    { ...GIJ, maxBranches: NaN, other: Infinity },
    { ...GIJ, trackedFolders: [1, , 3] },
    { ...GIJ, trackedFolders: [undefined, () => 1, Symbol('x')] },
    { ...GIJ, name: '\ud800', host: 'a\u2028b\u0000' },
    { ...GIJ, name: new Date(0), pat: { toJSON: () => 'ghp_' + 'b'.repeat(36) } },
    { ...GIJ, host: new Map([[1, 2]]), tags: new Uint8Array(2) },
    Object.assign(Object.create(null), GIJ),
    new Form(),
    symbolKeyed,
    hidden,
    { ...GIJ, deep: nest(127) },
    { ...GIJ, deep: nest(128) },
    { ...GIJ, deep: nest(300) },
    { ...GIJ, big: 'x'.repeat(1 << 20) },
    [GIJ],
    'GITHUB',
    42,
    -0,
    true,
    { toJSON: () => GIJ },
  ];
}

test('an object validates as the JSON text of JSON.stringify, without line and column', () => {
  let compared = 0;
  for (const [fromObject, fromText, optionsList] of VALIDATORS) {
    for (const payload of oddPayloads()) {
      for (const options of optionsList) {
        const expected = withoutPositions(api[fromText](JSON.stringify(payload), options));
        assert.deepStrictEqual(api[fromObject](payload, options), expected, JSON.stringify(payload)?.slice(0, 200));
        compared += 1;
      }
    }
  }
  assert.ok(compared > 100);
});

test('null, undefined and what JSON.stringify leaves out validate as null', () => {
  for (const [fromObject, fromText] of VALIDATORS) {
    for (const payload of [null, undefined, () => 1, Symbol('s')]) {
      assert.deepStrictEqual(api[fromObject](payload), withoutPositions(api[fromText]('null')));
    }
  }
});

test('a getter and a toJSON run once a call, as JSON.stringify runs them', () => {
  let gets = 0;
  let calls = 0;
  const payload = {
    ...GIJ,
    get host() {
      gets += 1;
      return 'https://github.com';
    },
    pat: { toJSON: () => ((calls += 1), 'ghp_' + 'c'.repeat(36)) },
  };
  api.validateIntegration(payload, { operation: 'add' });
  api.validateXrayJiraIntegration(payload);
  assert.deepEqual([gets, calls], [2, 2]);
});

test('what JSON.stringify cannot write is an invalid-input diagnostic; the instance keeps working', () => {
  const cyclic = { ...GIJ };
  cyclic.self = cyclic;
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const unreadable = [
    { ...GIJ, pat: 1n },
    cyclic,
    { get type() { throw new Error('ghp_' + 'd'.repeat(36)); } },
    new Proxy({}, { ownKeys() { throw new Error('no'); } }),
    revocable.proxy,
    { toJSON() { throw new TypeError('no'); } },
  ];
  for (const [fromObject] of VALIDATORS) {
    for (const payload of unreadable) {
      const report = api[fromObject](payload, {});
      assert.deepEqual(report.diagnostics.map((d) => d.code), ['invalid-input']);
      assert.ok(!JSON.stringify(report).includes('ddddd'));
    }
  }
  assert.deepStrictEqual(api.validateIntegration(GIJ), withoutPositions(api.validateIntegrationJson(JSON.stringify(GIJ))));
});

test('an object over the text limit is input-too-large, counted as today', () => {
  for (const [fromObject] of VALIDATORS) {
    const ascii = api[fromObject]({ big: 'x'.repeat(1 << 20) });
    assert.deepEqual(ascii.diagnostics.map((d) => d.code), ['input-too-large']);
    // Under the limit in UTF-16 units, over it in UTF-8 bytes.
    const wide = api[fromObject]({ big: 'é'.repeat(600_000) });
    assert.deepEqual(wide.diagnostics.map((d) => d.code), ['input-too-large']);
  }
});
