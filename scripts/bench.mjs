#!/usr/bin/env node
// Validations per second of the wasm build (pkg/, after `make build`) on the reference's realistic
// example payloads, against baselines run in the same process on the same payloads:
//   from JSON text (a script reading files):   JSON.parse (the floor), JSON.parse + ajv
//   from JS objects (a form's state):          ajv
// and the library from text once more with a cold memo: a different host and filter on every call
// (the memos of src/lang/recent.rs then miss), beside the same variants with a warm memo.
// and a lower bound of the boundary: the part of a text-path call that is not validation and
// that no binding can avoid (the text encoded to UTF-8, the result's objects built: here copies
// of the library's own result). A real call pays more: the options object, the call itself, the
// result's record written in wasm and its strings decoded.
// ajv uses the exported JSON Schemas (pkg/schemas/) and checks less than the library: types,
// enums, ranges, required and unknown fields, but no field language, URL or cross-field rule.
//   node scripts/bench.mjs              the table and the ratios (about 20 s)
//   node scripts/bench.mjs --quick      shorter rounds, for a smoke test
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { root, gijExamples, xrayExamples, ajvCheck } from './bench-payloads.mjs';

const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick');
const ROUND_MS = quick ? 150 : 700;
const ROUNDS = quick ? 3 : 7;

if (!fs.existsSync(path.join(root, 'pkg', 'package.json'))) {
  console.error('bench: pkg/ is missing; run `make build` first');
  process.exit(1);
}
const lib = require(path.join(root, 'pkg'));

/** Runs `fn` over every item `ROUNDS` times for `ROUND_MS`; the median items per second. */
function rate(items, fn) {
  let sink = 0;
  const once = () => {
    for (const item of items) sink ^= fn(item) ? 1 : 0;
  };
  for (let end = performance.now() + ROUND_MS; performance.now() < end; ) once(); // warm-up
  const rates = [];
  for (let r = 0; r < ROUNDS; r++) {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ROUND_MS) {
      once();
      n += items.length;
      now = performance.now();
    }
    rates.push((n * 1000) / (now - start));
  }
  rates.sort((a, b) => a - b);
  globalThis.benchSink = sink;
  return rates[Math.floor(rates.length / 2)];
}

const fmt = (n) => Math.round(n).toLocaleString('en-US').padStart(11);
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

const FILTERS = ['apiFilter', 'tagsFilter', 'prHideFilter'];

/** `text` with its host names and filters made the `i`th of a kind (each still valid). */
function variant(text, i) {
  const o = JSON.parse(text);
  for (const [key, value] of Object.entries(o)) {
    if (typeof value !== 'string') continue;
    if (/^https?:\/\/[a-z]/.test(value)) o[key] = value.replace('://', `://c${i}.`);
    else if (key === 'apiFilter') o[key] = value.replace(/'([^']*)'/, `'$1c${i}'`);
    else if (FILTERS.includes(key)) o[key] = `${value}|c${i}`;
  }
  return JSON.stringify(o, null, 1);
}

/** Library validations per second from text over many variants: every call a new host and
 *  filter (cold), and over the first variant only (warm). */
function memoRates(texts, validateJson, options) {
  const variants = [];
  for (let i = 0; i < 256; i++) variants.push(...texts.map((t) => variant(t, i)));
  for (const v of variants.slice(0, texts.length)) {
    if (!validateJson(v, options).ok) throw new Error(`bench: a variant is rejected: ${v}`);
  }
  return {
    cold: rate(variants, (t) => validateJson(t, options).ok),
    warm: rate(variants.slice(0, texts.length), (t) => validateJson(t, options).ok),
  };
}

function suite(title, texts, { schemaName, validate, validateJson, options, goal }) {
  const objects = texts.map((t) => JSON.parse(t));
  const check = ajvCheck(schemaName);
  // Every example is valid for both: the comparison is between two accepted payloads.
  for (const o of objects) {
    if (!check(o)) throw new Error(`ajv rejects a reference example: ${JSON.stringify(check.errors)}`);
    if (!validate(o, options).ok) throw new Error(`the library rejects a reference example`);
  }
  const encoder = new TextEncoder();
  const memory = new Uint8Array(3 * Math.max(...texts.map((t) => t.length)));
  const crossings = texts.map((t) => [t, validateJson(t, options)]);
  const r = {
    boundary: rate(crossings, ([t, result]) => {
      if (encoder.encodeInto(t, memory).read !== t.length) throw new Error('bench: text cut short');
      return { ok: result.ok, diagnostics: result.diagnostics.map((d) => ({ ...d })) }.ok;
    }),
    parse: rate(texts, (t) => JSON.parse(t)),
    parseAjv: rate(texts, (t) => check(JSON.parse(t))),
    libText: rate(texts, (t) => validateJson(t, options).ok),
    ajv: rate(objects, (o) => check(o)),
    libObject: rate(objects, (o) => validate(o, options).ok),
    ...memoRates(texts, validateJson, options),
  };
  const bytes = texts.reduce((n, t) => n + t.length, 0) / texts.length;
  console.log(`\n${title}: ${texts.length} payloads, ${Math.round(bytes)} bytes on average (validations per second, median of ${ROUNDS})`);
  console.log(`  from JSON text   JSON.parse                   ${fmt(r.parse)}`);
  console.log(`                   JSON.parse + ajv             ${fmt(r.parseAjv)}`);
  console.log(`                   library (${validateJson.name.padEnd(18)})${fmt(r.libText)}`);
  console.log(`                   boundary, lower bound        ${fmt(r.boundary)}`);
  console.log(`                   library, warm memo variants  ${fmt(r.warm)}`);
  console.log(`                   library, cold memo variants  ${fmt(r.cold)}`);
  console.log(`  from JS objects  ajv                          ${fmt(r.ajv)}`);
  console.log(`                   library (${validate.name.padEnd(18)})${fmt(r.libObject)}`);
  console.log(`  ratios   text: library / (JSON.parse + ajv) = ${ratio(r.libText, r.parseAjv)} (goal >= ${goal})` +
    `; JSON.parse / library = ${ratio(r.parse, r.libText)} (goal <= 3)`);
  console.log(`           cold memo: its time / the warm time = ${ratio(r.warm, r.cold)} (1.9x before issue 16)`);
  console.log(`           objects: library / ajv = ${ratio(r.libObject, r.ajv)}`);
  const us = (perSecond) => 1e6 / perSecond;
  const left = (goal) => `${Math.max(0, goal - us(r.boundary)).toFixed(2)} µs`;
  console.log(`           boundary: its lower bound alone is ${ratio(r.parse, r.boundary)} JSON.parse's time; beyond it` +
    ` the goals leave at most ${left(us(r.parseAjv) / Number(goal))} (>= ${goal}x) and ${left(3 * us(r.parse))} (<= 3x) for the` +
    ` rest of a call, which now takes ${(us(r.libText) - us(r.boundary)).toFixed(2)} µs`);
  return r;
}

console.log(`node ${process.versions.node}, V8 ${process.versions.v8}; jira-integration-payloads ${lib.version()}`);
suite('Git Integration for Jira, add (the 11 realistic examples)', gijExamples(), {
  schemaName: 'gij-add',
  validate: lib.validateIntegration,
  validateJson: lib.validateIntegrationJson,
  options: { operation: 'add' },
  goal: '1.0',
});
suite('Xray, create (the 2 create examples)', xrayExamples(), {
  schemaName: 'xray-create',
  validate: lib.validateXrayJiraIntegration,
  validateJson: lib.validateXrayJiraIntegrationJson,
  options: { operation: 'create' },
  goal: '0.5',
});
