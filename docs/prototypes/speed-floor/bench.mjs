#!/usr/bin/env node
// The speed floor (docs/performance.md): the prototype's exports (out/z, out/3 from ./build.sh)
// beside the library (pkg/, and out/lib-3 if a whole-core opt-level 3 build was put there),
// JSON.parse and JSON.parse + ajv, in one process, on scripts/bench.mjs's payloads. Rounds
// alternate between the candidates (each round in a rotated order); the medians are printed.
//   node bench.mjs [--quick]
//   node --single-threaded bench.mjs --calls <suite> <candidate> <rounds>
//        runs one candidate untimed, for instruction counts under callgrind (./count.sh)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { root, gijExamples, xrayExamples, ajvCheck } from '../../../scripts/bench-payloads.mjs';

const require = createRequire(import.meta.url);
const here = path.join(root, 'docs', 'prototypes', 'speed-floor');
// Rounds over the payloads before a --calls run counts (V8 has tiered up the JS and wasm by then).
const WARM_UP_ROUNDS = 300;
const quick = process.argv.includes('--quick');
const ROUND_MS = quick ? 100 : 400;
const ROUNDS = quick ? 3 : 9;

// Modules load when first used: a --calls run under callgrind compiles only its own.
const lazy = (file) => {
  let module;
  return () => (module ??= require(file));
};
const lib = lazy(path.join(root, 'pkg'));
const lib3Dir = path.join(here, 'out', 'lib-3');
const lib3 = fs.existsSync(lib3Dir) ? lazy(lib3Dir) : null;
const floorZ = lazy(path.join(here, 'out', 'z', 'speed_floor.js'));
const floor3 = lazy(path.join(here, 'out', '3', 'speed_floor.js'));

/** Medians of items per second of every candidate, rounds alternating between them. */
function rates(items, candidates) {
  let sink = 0;
  const runFor = (fn, ms) => {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ms) {
      for (const item of items) sink ^= fn(item) ? 1 : 0;
      n += items.length;
      now = performance.now();
    }
    return (n * 1000) / (now - start);
  };
  const names = Object.keys(candidates);
  for (const name of names) runFor(candidates[name], ROUND_MS); // warm-up
  const all = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length];
      all[name].push(runFor(candidates[name], ROUND_MS));
    }
  }
  globalThis.benchSink = sink;
  const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return Object.fromEntries(names.map((n) => [n, median(all[n])]));
}

/** The diagnostics' codes of a result, for comparing the floor's shape with the library's. */
const codes = (result) => result.diagnostics.map((d) => d.code).join(',');

function check(texts, what, expect) {
  for (const t of texts) {
    const got = what(t);
    const want = expect(t);
    if (codes(got) !== want) throw new Error(`floor gives [${codes(got)}], expected [${want}] for ${t}`);
  }
}

/** A table's candidates: the two baselines, then `candidates`. */
function withBaselines(schemaName, candidates) {
  let ajv;
  return {
    'JSON.parse': (t) => JSON.parse(t),
    'JSON.parse + ajv': (t) => (ajv ??= ajvCheck(schemaName))(JSON.parse(t)),
    ...candidates,
  };
}

function table({ title, texts, candidates }) {
  const r = rates(texts, candidates);
  const bytes = texts.reduce((n, t) => n + t.length, 0) / texts.length;
  console.log(`\n${title}: ${texts.length} payloads, ${Math.round(bytes)} B on average; median of ${ROUNDS} alternating rounds`);
  console.log(`  ${'candidate'.padEnd(34)} ${'ops/s'.padStart(10)} ${'µs'.padStart(6)}  vs JSON.parse + ajv  x JSON.parse's time`);
  for (const [name, perSecond] of Object.entries(r)) {
    const us = 1e6 / perSecond;
    const vsAjv = (perSecond / r['JSON.parse + ajv']).toFixed(2);
    const xParse = (r['JSON.parse'] / perSecond).toFixed(2);
    console.log(`  ${name.padEnd(34)} ${Math.round(perSecond).toString().padStart(10)} ${us.toFixed(2).padStart(6)}  ${vsAjv.padStart(8)}x ${xParse.padStart(12)}x`);
  }
}

const add = { operation: 'add' };
const create = { operation: 'create' };
const gij = gijExamples();
const xray = xrayExamples();
const libCodes = (t) => codes(lib().validateIntegrationJson(t, add));
// The examples whose only diagnostic today is the recommendation the floor also writes: those the
// floor recommends for, less those with a plain-http origin (insecure-origin, a URL check the
// floor does not make); the timed run checks that this is what the library says.
const recommended = () =>
  gij.filter((t) => codes(floorZ().floorGijRecommend(t, add)) !== '' && !t.includes('http://'));
const pick = (prefix, f) => Object.fromEntries(
  [['z', floorZ], ['3', floor3]].map(([level, m]) => [`${prefix} (opt ${level})`, (t) => m()[f](t, add).ok]),
);
const library = (name, f, options) => ({
  [`library today (${name})`]: (t) => lib()[f](t, options).ok,
  ...(lib3 ? { [`library, whole core opt 3`]: (t) => lib3()[f](t, options).ok } : {}),
});
// Each a function, so that a --calls run makes only its own suite.
const suites = [
  () => ({
    title: 'GIJ add, the 11 examples',
    texts: gij,
    candidates: withBaselines('gij-add', {
      ...library('validateIntegrationJson', 'validateIntegrationJson', add),
      ...pick('floor: boundary only', 'floorBoundary'),
      ...pick('floor: + read + ajv checks', 'floorGij'),
      ...pick('floor: + recommendation', 'floorGijRecommend'),
    }),
  }),
  () => ({
    title: `GIJ add, the ${recommended().length} examples with one recommendation`,
    texts: recommended(),
    candidates: withBaselines('gij-add', {
      ...library('validateIntegrationJson', 'validateIntegrationJson', add),
      ...pick('floor: + read + ajv checks', 'floorGij'),
      ...pick('floor: + recommendation', 'floorGijRecommend'),
    }),
  }),
  () => ({
    title: 'Xray create, the 2 examples',
    texts: xray,
    candidates: withBaselines('xray-create', {
      ...library('validateXrayJiraIntegrationJson', 'validateXrayJiraIntegrationJson', create),
      ...Object.fromEntries([['z', floorZ], ['3', floor3]].flatMap(([level, m]) => [
        [`floor: boundary only (opt ${level})`, (t) => m().floorBoundary(t, create).ok],
        [`floor: + read + ajv checks (opt ${level})`, (t) => m().floorXray(t, create).ok],
      ])),
    }),
  }),
];

const calls = process.argv.indexOf('--calls');
if (calls > 0) {
  const [suite, name, rounds] = process.argv.slice(calls + 1);
  const { texts, candidates } = suites[Number(suite)]();
  const fn = candidates[name];
  if (!fn) throw new Error(`no candidate ${name} in suite ${suite}: ${Object.keys(candidates).join('; ')}`);
  let sink = 0;
  // The same warm-up in every run, so that a difference of two runs is the extra rounds alone.
  for (let r = 0; r < WARM_UP_ROUNDS + Number(rounds); r++) for (const t of texts) sink ^= fn(t) ? 1 : 0;
  globalThis.benchSink = sink;
} else {
  for (const m of [floorZ(), floor3()]) {
    check(gij, (t) => m.floorGij(t, add), () => '');
    check(recommended(), (t) => m.floorGijRecommend(t, add), libCodes);
    check(xray, (t) => m.floorXray(t, create), () => '');
  }
  const onlyRecommended = gij.filter((t) => libCodes(t) === 'require-user-pat-recommended');
  if (onlyRecommended.join() !== recommended().join()) throw new Error('the recommended examples differ');
  console.log(`node ${process.versions.node}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
  for (const s of suites) table(s());
  console.log(`\nload average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}
