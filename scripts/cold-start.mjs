#!/usr/bin/env node
// Cold start of the admin page in headless Chromium (playwright-core, the system Chromium): where
// the time goes from navigation to the first check on screen. Run after `make build`:
//   node scripts/cold-start.mjs [RUNS] [--against REV] [--trace]
// RUNS (default 9) fresh profiles per page. --against REV adds the admin page as it was at git
// revision REV (its www/ and scripts/serve.mjs, with today's pkg/), sampled in turn with today's:
// a same-run A/B, since the machine's load moves more between runs than a change does. --trace
// records a CDP trace of each visit and adds the main thread's time in JavaScript compilation,
// rendering and the wasm's steps (durations, not times since navigation).
// Each run takes a new profile and opens each page on it three times: a first visit (empty caches),
// a second visit in a relaunched browser (warm HTTP cache and code caches, as when the admin comes
// back another day) and a third in the same browser (memory caches too). Pages:
//   - admin: a copy of www/ served as `make demo` serves it (scripts/serve.mjs, pkg/ and the
//     samples copied in); its marks (app:* in www/js/app.js) and resource timings give the breakdown;
//   - floor: a page that only fetches, compiles (compileStreaming) and instantiates the wasm, with
//     stub imports: what no change to the page or the glue can go below;
//   - check floor: the least a page must do for a first check on screen: one inline module
//     importing the real glue (pkg/web/init.mjs, its modules under the server's versioned,
//     immutable URLs), the wasm under a versioned URL too (`init(url)`, so instantiateStreaming),
//     one validateIntegrationJson of a reference example and its first diagnostic written into
//     the DOM; "+preload" adds a <link rel=preload> of the wasm, "+cache" keeps the wasm's
//     response in the Cache API and instantiates from there. A probe first says whether Chromium
//     stores a compiled WebAssembly.Module in IndexedDB.
// Prints medians (min-max) in milliseconds since navigation start. Measured, never asserted.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { prepareWww } from './www-assets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { against: { type: 'string' }, trace: { type: 'boolean' } },
});
const runs = Number(positionals[0] ?? 9);
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WASM = 'pkg/web/jira_integration_payloads_bg.wasm';
const VISITS = ['first visit (empty profile)', 'second visit (relaunched browser)', 'third visit (same browser)'];

// The floor: the wasm alone, preloaded as the admin page does, every import a stub.
const FLOOR = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<link rel="preload" href="${WASM}" as="fetch" type="application/wasm" crossorigin>
<script type="module">
const response = fetch('${WASM}');
await response;
performance.mark('floor:response');
const module = await WebAssembly.compileStreaming(response);
performance.mark('floor:compiled');
const imports = {};
for (const { module: from, name } of WebAssembly.Module.imports(module)) {
  (imports[from] ??= {})[name] = () => { throw new Error('stub'); };
}
await WebAssembly.instantiate(module, imports);
performance.mark('floor:instantiated');
document.documentElement.dataset.ready = 'true';
</script>
`;

// The check floor, for GIJ's first example (www/js/examples.js) with its type: its first
// diagnostic asks for credentials. `wasm` is the versioned URL of the wasm.
const SAMPLE = JSON.stringify({ type: 'GITHUB', displayName: 'Acme GitHub', apiFilter: "[?starts_with(name, 'svc-')]", requireUserPat: true });
const CHECK_LOADS = {
  plain: (wasm) => `await init(new URL('${wasm}', location.href));`,
  preload: (wasm) => CHECK_LOADS.plain(wasm),
  cache: (wasm) => `const url = new URL('${wasm}', location.href);
const store = await caches.open('wasm');
let response = await store.match(url);
if (!response) {
  response = await fetch(url);
  store.put(url, response.clone());
}
await init(response);`,
};
const checkFloor = (variant, wasm) => `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
${variant === 'preload' ? `<link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin>\n` : ''}<p id="check"></p>
<script type="module">
import { init, validateIntegrationJson } from './pkg/web/init.mjs';
performance.mark('check:start');
${CHECK_LOADS[variant](wasm)}
performance.mark('check:library');
const [first] = validateIntegrationJson(${JSON.stringify(SAMPLE)}).diagnostics;
document.getElementById('check').textContent = \`\${first.severity} \${first.code} at \${first.path}: \${first.message}\`;
performance.mark('check:checked');
requestAnimationFrame(() => setTimeout(() => {
  performance.mark('check:painted');
  document.documentElement.dataset.ready = 'true';
}));
</script>
`;

// Whether IndexedDB keeps a compiled module (Chromium dropped wasm module serialisation).
const IDB_PROBE = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module">
const module = await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
const db = await new Promise((resolve, reject) => {
  const open = indexedDB.open('probe', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('modules');
  open.onsuccess = () => resolve(open.result);
  open.onerror = () => reject(open.error);
});
try {
  db.transaction('modules', 'readwrite').objectStore('modules').put(module, 'wasm');
  document.documentElement.dataset.ready = 'stored';
} catch (err) {
  document.documentElement.dataset.ready = \`\${err.name}: \${err.message}\`;
}
</script>
`;

/** What a page reports (run in the page): its marks and the ends of its fetches. */
function readTimings() {
  const at = {};
  for (const m of performance.getEntriesByType('mark')) at[m.name] = m.startTime;
  const nav = performance.getEntriesByType('navigation')[0];
  at.html = nav.responseEnd;
  const resources = performance.getEntriesByType('resource');
  const ends = (re) => resources.filter((e) => re.test(new URL(e.name).pathname)).map((e) => e.responseEnd);
  const scripts = ends(/\.m?js$/);
  if (scripts.length) at.scripts = Math.max(...scripts);
  const wasm = resources.find((e) => new URL(e.name).pathname.endsWith('.wasm'));
  if (wasm) {
    at.wasm = wasm.responseEnd;
    at.wasmTransfer = wasm.transferSize;
  }
  const samples = ends(/\.json$/);
  if (samples.length) at.samplesFetched = Math.max(...samples);
  return at;
}

// The rows printed for each page, in order: [label, key of readTimings()].
const ROWS = {
  admin: [
    ['HTML received', 'html'],
    ['scripts received (last)', 'scripts'],
    ['wasm received', 'wasm'],
    ['app.js starts (module graph run)', 'app:start'],
    ['library ready (wasm compiled, instantiated)', 'app:library'],
    ['samples ready', 'app:samples'],
    ['first check done (form built, validated)', 'app:checked'],
    ['first check on screen (next frame)', 'app:painted'],
  ],
  floor: [
    ['HTML received', 'html'],
    ['wasm response', 'floor:response'],
    ['wasm received', 'wasm'],
    ['compiled', 'floor:compiled'],
    ['instantiated', 'floor:instantiated'],
  ],
  check: [
    ['HTML received', 'html'],
    ['glue received (last module)', 'scripts'],
    ['inline module starts (glue run)', 'check:start'],
    ['wasm received', 'wasm'],
    ['library ready (wasm instantiated)', 'check:library'],
    ['first check done (validated, in the DOM)', 'check:checked'],
    ['first check on screen (next frame)', 'check:painted'],
  ],
};

/** Median, min and max, rounded to 0.1 ms. */
function stats(values) {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  if (!sorted.length) return '-';
  const r = (x) => (Math.round(x * 10) / 10).toFixed(1);
  return `${r(sorted[Math.floor((sorted.length - 1) / 2)])} (${r(sorted[0])}-${r(sorted.at(-1))})`;
}

// --trace: the renderer's main thread from navigation to the page's last mark, summed from a
// CDP trace (which slows the page a little): [label, key, the trace events' names].
const TRACED = [
  ['main thread: tasks in all', 'trace:busy', ['RunTask']],
  ['main thread: JavaScript compiled', 'trace:js', ['V8.CompileCode', 'v8.compileModule']],
  ['main thread: style, layout, paint', 'trace:render', ['WebFrameWidgetImpl::UpdateLifecycle']],
  // Compiling the streamed bytes, or reading V8's cached code for them back.
  ['main thread: wasm stream compiled or read back', 'trace:consume', ['v8.wasm.compileConsume']],
  ['main thread: wasm functions compiled lazily', 'trace:lazy', ['wasm.CompileLazy']],
  ['main thread: wasm instantiated', 'trace:instantiate', ['wasm.SyncInstantiate']],
];
const CATEGORIES = ['blink', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.compile', 'loading', 'toplevel', 'v8', 'v8.execute', 'v8.wasm'];

/** The TRACED sums of a trace's events, between the navigation and the page's last mark. */
function traceSums(events) {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame &&
    /^http/.test(e.args.data.documentLoaderURL ?? ''));
  if (!nav) return {};
  const end = Math.max(...events.filter((e) => /^(app|floor|check):/.test(e.name)).map((e) => e.ts));
  const main = events.filter((e) => e.ph === 'X' && e.tid === nav.tid && e.pid === nav.pid && e.ts >= nav.ts && e.ts <= end);
  const sums = {};
  for (const [, key, names] of TRACED) {
    sums[key] = main.filter((e) => names.includes(e.name)).reduce((total, e) => total + (e.dur ?? 0) / 1000, 0);
  }
  return sums;
}

/** One visit: navigate, wait for the page to say it is ready (and for its frame), read the timings. */
async function visit(context, url) {
  const tab = context.pages()[0] ?? (await context.newPage());
  const events = [];
  const cdp = options.trace ? await context.newCDPSession(tab) : null;
  if (cdp) {
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  }
  await tab.goto(url);
  const done = () => document.documentElement.dataset.ready &&
    (!performance.getEntriesByName('app:start').length || performance.getEntriesByName('app:painted').length);
  await tab.waitForFunction(done, null, { timeout: 60_000 });
  if (cdp) {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  // Let the browser write its caches (V8 stores compiled wasm after the visit) before it closes.
  await tab.waitForTimeout(2500);
  const at = { ...(await tab.evaluate(readTimings)), ...traceSums(events) };
  await tab.goto('about:blank');
  return at;
}

/** `runs` samples of each visit of each page, the pages taken in turn so that load falls on all alike. */
async function sample(pages) {
  const samples = Object.fromEntries(Object.keys(pages).map((name) => [name, VISITS.map(() => [])]));
  for (let i = 0; i < runs; i++) {
    for (const [name, url] of Object.entries(pages)) {
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cold-start-'));
      try {
        const launch = () => chromium.launchPersistentContext(profile, { executablePath, args, headless: true });
        let context = await launch();
        samples[name][0].push(await visit(context, url));
        await context.close();
        context = await launch();
        samples[name][1].push(await visit(context, url));
        samples[name][2].push(await visit(context, url));
        await context.close();
      } finally {
        fs.rmSync(profile, { recursive: true, force: true });
      }
    }
    process.stderr.write(`run ${i + 1}/${runs}\n`);
  }
  return samples;
}

/** Opens a page on a fresh profile and returns what it says (its `data-ready`). */
async function probe(url) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cold-start-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath, args, headless: true });
    const tab = context.pages()[0] ?? (await context.newPage());
    await tab.goto(url);
    await tab.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 60_000 });
    const said = await tab.evaluate(() => document.documentElement.dataset.ready);
    await context.close();
    return said;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * A copy of www/ (today's, or REV's with REV's server) with pkg/ and the samples, as `make demo`
 * makes it, leaving www/ as it is; resolves to the folder and its server.
 */
async function site(rev) {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'cold-start-www-'));
  let start = serve;
  if (rev) {
    const tar = execFileSync('git', ['archive', rev, 'www', 'scripts/serve.mjs'], { cwd: root, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', copy], { input: tar });
    ({ serve: start } = await import(pathToFileURL(path.join(copy, 'scripts', 'serve.mjs')).href));
  } else {
    const built = new Set(['pkg', 'samples'].map((d) => path.join(root, 'www', d)));
    fs.cpSync(path.join(root, 'www'), path.join(copy, 'www'), { recursive: true, filter: (src) => !built.has(src) });
  }
  fs.symlinkSync(path.join(root, 'pkg'), path.join(copy, 'pkg'));
  prepareWww({ root: copy, samples: path.join(root, 'tests', 'fixtures', 'samples') });
  return { copy, server: await start(path.join(copy, 'www'), { port: 0, warm: true }) };
}

const sites = [await site()];
if (options.against) sites.push(await site(options.against));
const floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cold-start-floor-'));
fs.mkdirSync(path.join(floorDir, 'pkg', 'web'), { recursive: true });
fs.copyFileSync(path.join(root, 'pkg', 'web', path.basename(WASM)), path.join(floorDir, WASM));
fs.writeFileSync(path.join(floorDir, 'index.html'), FLOOR);
const floor = await serve(floorDir, { port: 0, warm: true });
// The check floor's folder: the pages next to pkg/web/, so the server versions all the glue.
const checkDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cold-start-check-'));
fs.cpSync(path.join(root, 'pkg', 'web'), path.join(checkDir, 'pkg', 'web'), { recursive: true });
// The server's ETag of the wasm (scripts/serve.mjs): under `?v=` it is sent `immutable`.
const wasmVersion = crypto.createHash('sha256').update(fs.readFileSync(path.join(checkDir, WASM))).digest('base64url').slice(0, 27);
for (const variant of Object.keys(CHECK_LOADS)) {
  fs.writeFileSync(path.join(checkDir, `${variant}.html`), checkFloor(variant, `${WASM}?v=${wasmVersion}`));
}
fs.writeFileSync(path.join(checkDir, 'idb-probe.html'), IDB_PROBE);
const check = await serve(checkDir, { port: 0, warm: true });
try {
  // Let the servers compress their files first, as `make demo` does once at start-up.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const load = os.loadavg()[0].toFixed(2);
  const url = (server, page = 'index.html') => `http://127.0.0.1:${server.address().port}/${page}`;
  const idb = await probe(url(check, 'idb-probe.html'));
  const samples = await sample({
    admin: url(sites[0].server),
    ...(options.against ? { [`admin at ${options.against}`]: url(sites[1].server) } : {}),
    floor: url(floor),
    'check floor': url(check, 'plain.html'),
    'check floor +preload': url(check, 'preload.html'),
    'check floor +cache': url(check, 'cache.html'),
  });
  console.log(`cold start, ${runs} runs, ms since navigation start: median (min-max); ` +
    `load average ${load} at the start, ${os.loadavg()[0].toFixed(2)} at the end, ${os.cpus().length} CPUs`);
  for (const name of Object.keys(samples)) {
    const kind = name.startsWith('check floor') ? 'check' : name.split(' ')[0];
    const rows = [...ROWS[kind], ...(options.trace ? TRACED : [])];
    console.log(`\n${name}:`);
    console.log(`  ${''.padEnd(46)}${VISITS.map((v) => v.split(' (')[0].padEnd(24)).join('')}`);
    for (const [label, key] of rows) {
      console.log(`  ${label.padEnd(46)}${samples[name].map((list) => stats(list.map((t) => t[key])).padEnd(24)).join('')}`);
    }
    const bytes = samples[name].map((list) => stats(list.map((t) => t.wasmTransfer)));
    console.log(`  ${'wasm bytes transferred'.padEnd(46)}${bytes.map((b) => b.padEnd(24)).join('')}`);
  }
  console.log(`\nIndexedDB put of a compiled WebAssembly.Module: ${idb}`);
} finally {
  floor.close();
  check.close();
  fs.rmSync(floorDir, { recursive: true, force: true });
  fs.rmSync(checkDir, { recursive: true, force: true });
  for (const { copy, server } of sites) {
    server.close();
    fs.rmSync(copy, { recursive: true, force: true });
  }
}
