// The exported JSON Schemas against the Rust rules, through ajv (draft 2020-12):
// - soundness: ajv never accepts a payload the rules reject with a type, enum, range, unknown-field
//   or required-field error (the codes in COVERED);
// - completeness on the examples: ajv accepts every reference example the rules accept, and every
//   generated payload the rules accept without error (except where the schema is stricter on
//   purpose: duplicate project ids, a warning for the rules, fail `uniqueItems`).
// Fixtures: the reference's examples, a minimal valid payload per integration type (from
// integrationTypes()), their mutations (each field dropped, set to values of every JSON type,
// enum values changed, the type swapped), and the hand-written cases in fixtures/schema-cases.json.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fixtures, root } from './helpers.mjs';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const api = require(path.join(root, 'pkg'));

const NAMES = ['gij-add', 'gij-update', 'xray-create', 'xray-update'];

/** The codes a schema must catch: the rules' type, enum, range, unknown-field and required errors. */
const COVERED = new Set([
  'body-not-object',
  'wrong-json-type',
  'unknown-integration-type',
  'missing-type',
  'missing-required-field',
  'missing-credentials',
  'unknown-aws-region',
  'field-type-specific',
  'out-of-range',
  'not-an-integer',
  'invalid-project-id',
  'project-key-not-id',
  'too-many-project-ids',
  'unknown-field',
  'api-path-missing-slash',
  // Xray equivalents.
  'xray-wrong-json-type',
  'xray-string-too-long',
  'xray-invalid-auth-type',
  'xray-oauth-not-supported',
  'xray-invalid-installation-type',
  'xray-missing-required-field',
  'xray-connection-name-whitespace',
]);
/**
 * Whether the schema must catch an error: a covered code; string-too-long except for GIJ secrets
 * (their 10,000-character limit is not in the field table); xray-unknown-field for the exact
 * names the schema lists (typos and case variants are beyond it).
 */
function covered(d, schema) {
  if (d.severity !== 'error') return false;
  if (COVERED.has(d.code)) return true;
  if (d.code === 'string-too-long') return !/\/(pat|password)$/.test(d.path);
  if (d.code === 'xray-unknown-field') return Object.hasOwn(schema.properties, d.path.slice(1));
  return false;
}
/** Warnings for the rules that the schema treats as errors on purpose. */
const STRICTER = new Set(['duplicate-project-id']);

const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
// The editor keywords (VS Code's defaultSnippets and enumDescriptions), as the README tells ajv users.
ajv.addVocabulary(['defaultSnippets', 'enumDescriptions']);
const schemas = Object.fromEntries(NAMES.map((name) => {
  const file = JSON.parse(fs.readFileSync(path.join(root, 'pkg', 'schemas', `${name}.schema.json`), 'utf8'));
  return [name, file];
}));
const validators = Object.fromEntries(NAMES.map((name) => [name, ajv.compile(schemas[name])]));

/** How the rules validate a payload for each schema (update bodies name their id in the URL). */
const RULES = {
  'gij-add': (p) => api.validateIntegration(p, { operation: 'add' }),
  'gij-update': (p) => api.validateIntegration(p, { operation: 'update', integrationId: 1 }),
  'xray-create': (p) => api.validateXrayJiraIntegration(p, { operation: 'create' }),
  'xray-update': (p) => api.validateXrayJiraIntegration(p, { operation: 'update' }),
};

// --- The reference's examples ------------------------------------------------------------------

/** JSON objects in the ```json blocks of the reference's "Realistic example payloads", by schema. */
function referenceExamples() {
  const text = fs.readFileSync(path.join(root, 'docs', 'api-reference.md'), 'utf8');
  const section = text.slice(text.indexOf('# Realistic example payloads'));
  const out = Object.fromEntries(['gij-add', 'gij-update', 'xray-create', 'xray-update'].map((n) => [n, []]));
  let heading = '';
  let before = '';
  let block = null;
  for (const line of section.split('\n')) {
    if (block !== null) {
      if (line.startsWith('```')) {
        const name = classify(heading, before);
        let pending = '';
        for (const l of block) {
          pending += `${l}\n`;
          try {
            const value = JSON.parse(pending);
            pending = '';
            if (name) out[name].push(value);
          } catch {
            /* an object spanning more lines */
          }
        }
        block = null;
      } else {
        block.push(line);
      }
    } else if (line.startsWith('```json')) {
      block = [];
    } else if (line.startsWith('### ')) {
      heading = line;
      before = '';
    } else if (line.trim() !== '') {
      before = line;
    }
  }
  return out;
}

function classify(heading, before) {
  if (heading.startsWith('### GIJ: POST')) return 'gij-add';
  if (heading.startsWith('### GIJ: PUT')) return /response/i.test(before) ? null : 'gij-update';
  if (heading.startsWith('### Xray')) {
    if (/^Create/.test(before)) return 'xray-create';
    if (/^Update/.test(before)) return 'xray-update';
  }
  return null;
}

const examples = referenceExamples();

// --- Generated fixtures ------------------------------------------------------------------------

const LONG = 'x'.repeat(2001);
const VALUES = [
  null, true, false, 0, 1, -1, 2, 5, 6, 1.5, 2147483647, 2147483648, 9007199254740991, 9007199254740992,
  '', ' ', 'x', ' x ', 'all', 'true', 'on', '10000', 'GITHUB', 'github', 'AWS', 'eu-west-1', 'EU-WEST-1', 'ap-outh-1',
  'basic', 'oauth2', 'OAuth1', 'cloud', 'Cloud', 'server', 'Data Center', 'c/d', '..', 'n'.repeat(256), 's'.repeat(10001),
  '/orgs/acme/repos', 'orgs/acme', ' /x', 'https://h.example.com', 'http://10.0.0.11', LONG,
  [], [1], [10000, 10100], [10000, 10000], [0], [-5], [1.5], ['10000'], ['PROJ'], [9007199254740991], [9007199254740992], [null],
  {}, { a: 1 },
];

const clone = (v) => JSON.parse(JSON.stringify(v));
const without = (p, k) => Object.fromEntries(Object.entries(p).filter(([key]) => key !== k));

/** A minimal valid add payload for each integration type, from the Rust type table. */
function minimalGij() {
  return api.integrationTypes().map((t) => {
    const p = { type: t.type };
    for (const f of t.fields) {
      if (f.name === 'type' || !f.required) continue;
      p[f.name] = f.values ? f.values[0] : f.name === 'origin' ? t.originExample : `<${f.name}>`;
    }
    for (const name of t.credentials[0] ?? []) p[name] ??= `<${name}>`;
    return p;
  });
}

/** Values for keys the rules do not type-check (undocumented and read-only fields). */
const FEW = [null, 1, 'x', {}];

function mutations(base, keys, extra) {
  const out = [base];
  for (const k of Object.keys(base)) out.push(without(base, k));
  for (const [k, values] of keys) for (const v of values) out.push({ ...base, [k]: clone(v) });
  for (const variant of extra(base)) out.push(variant);
  return out;
}

function fixturesFor(name) {
  const schema = schemas[name];
  const typed = (p) => p.type !== undefined || p.enum !== undefined || p.if !== undefined;
  const keys = [
    ...Object.entries(schema.properties).map(([k, p]) => [k, typed(p) ? VALUES : FEW]),
    ['dispalyName', FEW], ['foo', FEW], ['connectionName', FEW], ['Auth-Type', FEW], ['jira_url', FEW],
  ];
  const gij = name.startsWith('gij');
  let bases;
  if (gij) {
    const adds = [...examples['gij-add'], ...minimalGij()];
    bases = name === 'gij-add'
      ? adds
      : [...examples['gij-update'], ...adds.map((p) => without(p, 'type')), ...adds.filter((_, i) => i % 4 === 0)];
  } else {
    bases = name === 'xray-create' ? examples[name] : [...examples[name], ...examples['xray-create']];
  }
  const typeValues = gij ? api.integrationTypes().map((t) => t.type) : [];
  const extra = (base) => {
    const out = [];
    for (const t of typeValues) {
      out.push({ ...base, type: t });
      if (name === 'gij-update') out.push({ ...without(base, 'type'), integrationType: t });
    }
    if (gij) {
      out.push({ ...base, projectMappingIds: Array.from({ length: 10001 }, (_, i) => i + 1) });
      out.push({ ...base, username: 'all', pat: '<pat>' }, { ...without(base, 'password'), username: 'all', pat: '<pat>' });
      out.push({ ...without(without(base, 'pat'), 'password'), username: 'bob' });
    }
    return out;
  };
  const out = bases.flatMap((b) => mutations(b, keys, extra));
  const cases = JSON.parse(fs.readFileSync(path.join(fixtures, 'schema-cases.json'), 'utf8'));
  for (const c of cases) if (c.schema === name) out.push(c.payload);
  out.push(null, [], 'GITHUB', 1, true);
  return out;
}

function describe(payload) {
  const text = JSON.stringify(payload, (k, v) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 20)}...(${v.length})` : v));
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}

// --- Tests -------------------------------------------------------------------------------------

test('the shipped schema files are the wasm export, draft 2020-12, and compile in strict ajv', () => {
  for (const name of NAMES) {
    assert.deepEqual(schemas[name], api.jsonSchema(name), name);
    assert.equal(schemas[name].$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schemas[name].$id, undefined, 'no $id that would not resolve');
    assert.equal(typeof schemas[name].title, 'string');
    for (const [key, p] of Object.entries(schemas[name].properties)) {
      assert.equal(typeof p.description, 'string', `${name} ${key} has a description`);
    }
  }
  assert.equal(api.jsonSchema('gij'), null);
});

test('the reference examples: the rules accept them, and so does ajv', (t) => {
  const seen = [];
  for (const name of NAMES) {
    assert.ok(examples[name].length > 0, `${name} has examples`);
    for (const payload of examples[name]) {
      const r = RULES[name](payload);
      assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), [], `${name} ${describe(payload)}`);
      const ok = validators[name](payload);
      assert.ok(ok, `${name} rejects ${describe(payload)}: ${ajv.errorsText(validators[name].errors)}`);
      seen.push(name);
    }
  }
  t.diagnostic(`${seen.length} examples: ${NAMES.map((n) => `${n} ${examples[n].length}`).join(', ')}`);
});

for (const name of NAMES) {
  test(`${name}: ajv rejects every fixture the rules reject with a covered error, and accepts every one they accept`, (t) => {
    const all = fixturesFor(name);
    const validate = validators[name];
    const unsound = [];
    const strict = [];
    const counts = { rejected: 0, accepted: 0, other: 0 };
    const broken = [];
    for (const payload of all) {
      const report = RULES[name](payload);
      if (report === null || typeof report !== 'object') {
        broken.push(describe(payload));
        continue;
      }
      const errors = report.diagnostics.filter((d) => d.severity === 'error');
      const valid = validate(payload);
      const hit = errors.filter((d) => covered(d, schemas[name]));
      if (hit.length > 0) {
        counts.rejected++;
        if (valid) unsound.push(`${describe(payload)} is valid for the schema; the rules say ${hit.map((d) => `${d.code} ${d.path}`).join(', ')}`);
      } else if (errors.length === 0) {
        counts.accepted++;
        const stricter = report.diagnostics.some((d) => STRICTER.has(d.code));
        if (!valid && !stricter) strict.push(`${describe(payload)} is invalid for the schema (${ajv.errorsText(validate.errors)}); the rules accept it`);
      } else {
        counts.other++;
      }
    }
    t.diagnostic(`${all.length} fixtures: ${counts.rejected} with a covered error, ${counts.accepted} without error, ${counts.other} with other errors only`);
    assert.deepEqual(broken.slice(0, 10), [], `${broken.length} payloads get no report from the rules`);
    assert.deepEqual(unsound.slice(0, 10), [], `${unsound.length} payloads the schema wrongly accepts`);
    assert.deepEqual(strict.slice(0, 10), [], `${strict.length} payloads the schema wrongly rejects`);
    assert.ok(counts.rejected > 500 && counts.accepted > 50, JSON.stringify(counts));
  });
}

test('editors: "$schema" in a payload is accepted by ajv, the validator and the CLI; build leaves it out', () => {
  const cases = {
    'gij-add': [{ type: 'GITHUB', pat: '<pat>', requireUserPat: true }, api.validateIntegration, { operation: 'add' }],
    'gij-update': [{ displayName: 'x' }, api.validateIntegration, { operation: 'update', integrationId: 7 }],
    'xray-create': [schemas['xray-create'].examples[0], api.validateXrayJiraIntegration, { operation: 'create' }],
    'xray-update': [{ connection_name: 'c', skip_proxy: true }, api.validateXrayJiraIntegration, { operation: 'update' }],
  };
  for (const [name, [payload, validate, options]] of Object.entries(cases)) {
    const withSchema = { $schema: `./node_modules/jira-integration-payloads/schemas/${name}.schema.json`, ...payload };
    assert.ok(validators[name](withSchema), `${name}: ${ajv.errorsText(validators[name].errors)}`);
    assert.deepEqual(validate(withSchema, options).diagnostics.filter((d) => d.severity !== 'info'), [], name);
  }
  const form = { $schema: 'gij-add.schema.json', type: 'GITHUB', pat: '<pat>', requireUserPat: 'on' };
  assert.equal(api.buildIntegrationRequest(form, { operation: 'add' }).request.body.$schema, undefined);
  const xrayForm = { $schema: 'x.json', ...schemas['xray-create'].examples[0] };
  assert.equal(api.buildXrayJiraIntegrationRequest(xrayForm, {}).request.body.$schema, undefined);
});

test('editors: examples pass ajv, enums describe each value, snippets cover every type', () => {
  for (const name of NAMES) {
    assert.ok(schemas[name].examples.length > 0, name);
    for (const example of schemas[name].examples) assert.ok(validators[name](example), `${name}: ${JSON.stringify(example)}`);
  }
  const type = schemas['gij-add'].properties.type;
  assert.equal(type.enumDescriptions.length, type.enum.length);
  const azure = type.enum.indexOf('AZURE');
  assert.notEqual(type.enumDescriptions[azure], type.enumDescriptions[type.enum.indexOf('AZURE_DEVOPS')]);
  const install = schemas['xray-create'].properties.installation_type;
  assert.equal(install.enumDescriptions.length, install.enum.filter((v) => v !== null).length);
  const snippets = schemas['gij-add'].defaultSnippets;
  assert.deepEqual(snippets.map((s) => s.body.type).sort(), type.enum.filter((v) => v !== null).sort());
  // A snippet with its tab stops filled in with their defaults is a valid payload.
  const fill = (v) => (typeof v === 'string' ? v.replace(/\$\{\d+:([^}]*)\}/g, '$1') : v);
  for (const s of [...snippets, ...schemas['xray-create'].defaultSnippets]) {
    const body = Object.fromEntries(Object.entries(s.body).map(([k, v]) => [k, fill(v)]));
    const name = 'type' in body ? 'gij-add' : 'xray-create';
    assert.ok(validators[name](body), `${s.label}: ${ajv.errorsText(validators[name].errors)}`);
  }
});
