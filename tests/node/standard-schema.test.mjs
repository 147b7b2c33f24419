// gijSchema and xraySchema: Standard Schema v1 objects (standardschema.dev), called the way form
// libraries call them (react-hook-form's standardSchemaResolver, TanStack Form): read
// `~standard`, call `validate(value)`, await the result, map each issue's path of keys to a field.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import jip, { gijSchema, xraySchema, jsonSchema } from '../../pkg/node/index.mjs';

const require = createRequire(import.meta.url);
const cjs = require('../../pkg');

// What a resolver does with any Standard Schema: field name (dotted keys) -> first message.
async function resolve(schema, values) {
  const std = schema['~standard'];
  assert.equal(std.version, 1);
  assert.equal(typeof std.vendor, 'string');
  const result = await std.validate(values);
  if (!result.issues) return { values: result.value, errors: {} };
  const errors = {};
  for (const issue of result.issues) {
    const keys = (issue.path ?? []).map((k) => (typeof k === 'object' ? k.key : k));
    for (const k of keys) assert.ok(typeof k === 'string' || typeof k === 'number', String(k));
    errors[keys.join('.')] ??= issue.message;
  }
  return { values: {}, errors };
}

const gerrit = { type: 'GERRIT', origin: 'https://gerrit.example.com', username: 'u', password: 'p' };

test('a valid body is the value itself, with no issues', async () => {
  const result = gijSchema({ operation: 'add' })['~standard'].validate(gerrit);
  assert.equal(result.value, gerrit);
  assert.equal(result.issues, undefined);
  assert.deepEqual(await resolve(gijSchema(), gerrit), { values: gerrit, errors: {} });
});

test('errors are issues with the message, the code and a path of keys', async () => {
  const body = { type: 'GERRIT', username: 'u', password: 'p' };
  const { issues } = gijSchema()['~standard'].validate(body);
  const expected = jip.validateIntegration(body).diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(issues, expected.map((d) => ({ message: d.message, path: ['origin'], code: d.code })));
  assert.deepEqual(Object.keys((await resolve(gijSchema(), body)).errors), ['origin']);
});

test('array indices in paths are numbers; keys with "/" and "~" are decoded', () => {
  const body = { ...gerrit, projectMappingIds: [10000, 'x', 10100] };
  const diagnostics = jip.validateIntegration(body).diagnostics.filter((d) => d.severity === 'error');
  assert.ok(diagnostics.some((d) => d.path === '/projectMappingIds/1'), JSON.stringify(diagnostics));
  const { issues } = gijSchema()['~standard'].validate(body);
  assert.ok(issues.some((i) => i.path.length === 2 && i.path[0] === 'projectMappingIds' && i.path[1] === 1));
  // Unknown fields are errors: their keys come back decoded, and "0" in an object stays a string.
  const unknown = gijSchema()['~standard'].validate({ ...gerrit, 'a/b~c': 1, 0: 1 }).issues;
  assert.deepEqual(unknown.map((i) => [i.code, i.path]).sort(), [
    ['unknown-field', ['0']],
    ['unknown-field', ['a/b~c']],
  ]);
});

test('warnings do not fail validation', () => {
  const body = { ...gerrit, origin: 'http://gerrit.example.com' };
  const diagnostics = jip.validateIntegration(body).diagnostics;
  assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.severity !== 'error'), JSON.stringify(diagnostics));
  assert.equal(gijSchema()['~standard'].validate(body).value, body);
});

test('update options reach the validator', () => {
  const current = { success: 'true', integration: [{ id: 4, integrationType: 'GITHUB', displayName: 'GH' }] };
  const schema = gijSchema({ operation: 'update', integrationId: 4, current });
  const body = { type: 'GITHUB', tagsFilter: '(' };
  assert.deepEqual(
    schema['~standard'].validate(body).issues.map((i) => i.code),
    jip.validateIntegration(body, { operation: 'update', integrationId: 4, current })
      .diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
  );
  assert.ok(schema['~standard'].validate(body).issues.every((i) => i.path[0] === 'tagsFilter'));
});

test('xraySchema checks create and update bodies', () => {
  const create = xraySchema()['~standard'].validate({ connection_name: 'j' });
  assert.ok(create.issues.length > 0);
  for (const issue of create.issues) assert.ok(Array.isArray(issue.path) && issue.code, JSON.stringify(issue));
  const update = xraySchema({ operation: 'update', connectionName: 'j' })['~standard'].validate({ connection_name: 'j' });
  assert.equal(update.issues, undefined, JSON.stringify(update.issues));
});

test('invalid options are a TypeError naming the factory, at once', () => {
  const throwing = new Proxy({}, { get() { throw new Error('no'); }, ownKeys() { throw new Error('no'); } });
  const flaky = { get operation() { this.reads = (this.reads ?? 0) + 1; if (this.reads > 1) throw new Error('no'); return 'add'; } };
  const bad = [{ operation: 'remove' }, 5, 'add', [1], throwing, { operation: 'add', n: 10n },
    { operation: 'update' }, { operation: 'update', integrationId: 'x' }];
  bad.forEach((options, i) => {
    assert.throws(() => gijSchema(options), (e) => e instanceof TypeError && /^gijSchema: options/.test(e.message), `bad[${i}]`);
  });
  assert.throws(() => gijSchema(flaky), TypeError);
  for (const options of [{ operation: 'delete' }, 5, throwing]) {
    assert.throws(() => xraySchema(options), (e) => e instanceof TypeError && /^xraySchema: options/.test(e.message));
  }
  for (const options of [undefined, null, {}, { operation: 'update', integrationId: 3 }]) gijSchema(options);
});

test('bad values of any type are issues, never exceptions, and never echo a secret', () => {
  const cyclic = { type: 'GITHUB', pat: 'ghp_DO_NOT_LEAK_1' };
  cyclic.self = cyclic;
  const values = [undefined, null, 5, 'GITHUB', [], 10n, Symbol('s'), () => 1, cyclic,
    new Proxy({}, { get() { throw new Error('no'); } }), { type: 'GITHUB', pat: ' ghp_DO_NOT_LEAK_2' }];
  for (const value of values) {
    const result = gijSchema()['~standard'].validate(value);
    assert.ok(result.issues.length > 0, String(typeof value));
    assert.ok(!JSON.stringify(result.issues).includes('DO_NOT_LEAK'));
  }
  assert.equal(gijSchema()['~standard'].validate(gerrit).value, gerrit, 'the instance keeps working');
});

test('Standard JSON Schema: the body schema for the operation; other targets throw', () => {
  assert.deepEqual(gijSchema()['~standard'].jsonSchema.input({ target: 'draft-2020-12' }), jsonSchema('gij-add'));
  assert.deepEqual(gijSchema({ operation: 'update', integrationId: 1 })['~standard'].jsonSchema.output({ target: 'draft-2020-12' }), jsonSchema('gij-update'));
  assert.deepEqual(xraySchema({ operation: 'update', connectionName: 'j' })['~standard'].jsonSchema.input({ target: 'draft-2020-12' }), jsonSchema('xray-update'));
  assert.throws(() => gijSchema()['~standard'].jsonSchema.input({ target: 'draft-07' }), TypeError);
});

test('the CommonJS entry has the same factories', () => {
  assert.deepEqual(cjs.gijSchema()['~standard'].validate({ type: 'GERRIT' }).issues,
    gijSchema()['~standard'].validate({ type: 'GERRIT' }).issues);
  assert.equal(typeof cjs.xraySchema, 'function');
});

test('pointerKeys decodes RFC 6901 escapes', async () => {
  const source = fs.readFileSync(new URL('../../js/standard-schema.mjs', import.meta.url), 'utf8');
  const { pointerKeys } = await import(`data:text/javascript,${encodeURIComponent(source)}`);
  assert.deepEqual(pointerKeys('', {}), []);
  assert.deepEqual(pointerKeys('/a~1b/c~0d/~01', { 'a/b': { 'c~d': {} } }), ['a/b', 'c~d', '~1']);
  assert.deepEqual(pointerKeys('/ids/2', { ids: [1, 2, 3] }), ['ids', 2]);
  assert.deepEqual(pointerKeys('/ids/2', { ids: { 2: 1 } }), ['ids', '2']);
  assert.deepEqual(pointerKeys('/ids/02', { ids: [1, 2, 3] }), ['ids', '02']);
  assert.deepEqual(pointerKeys('/a/0', new Proxy({}, { get() { throw new Error('no'); } })), ['a', '0']);
});
