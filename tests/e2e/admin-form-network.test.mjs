// What the admin page costs over the wire from `make demo`'s server (scripts/serve.mjs):
// compressed on the first visit; on a reload the versioned scripts come from the browser's cache
// and the rest costs a 304 without a body.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { harness, open } from './admin-form-harness.mjs';
import { chooseEncoding } from '../../scripts/serve.mjs';

const state = harness();
/** The target for the first visit, everything included. */
const FIRST_VISIT_BUDGET = 300 * 1024;

/**
 * One GET with the given headers: status, headers and the raw (still encoded) body. `rawPath`, when
 * given, is sent as it is (a URL string would have its dot segments resolved first).
 */
function get(url, headers = {}, rawPath = undefined) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, ...(rawPath && { path: rawPath }) }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject)
      // A server that never answers fails the test instead of holding it.
      .setTimeout(10_000, function () {
        this.destroy(new Error(`no answer to ${rawPath ?? url}`));
      });
  });
}

test('Accept-Encoding: brotli first, then gzip; q=0 refuses a coding', () => {
  assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(chooseEncoding('gzip'), 'gzip');
  assert.equal(chooseEncoding('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(chooseEncoding('*'), 'br');
  assert.equal(chooseEncoding('identity'), '');
  assert.equal(chooseEncoding(undefined), '');
});

test('the wasm goes out compressed with an ETag, and an unchanged one costs a 304', async () => {
  const url = `${state.base}pkg/web/jira_integration_payloads_bg.wasm`;
  const plain = await get(url);
  assert.equal(plain.headers['content-encoding'], undefined);
  for (const [encoding, decode] of [
    ['br', zlib.brotliDecompressSync],
    ['gzip', zlib.gunzipSync],
  ]) {
    const res = await get(url, { 'Accept-Encoding': encoding });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], encoding);
    assert.equal(res.headers.vary, 'Accept-Encoding');
    assert.match(res.headers['cache-control'], /no-cache/);
    assert.ok(res.body.length < plain.body.length / 2, `${encoding}: ${res.body.length} of ${plain.body.length} bytes`);
    assert.deepEqual(decode(res.body), plain.body);
    const again = await get(url, { 'Accept-Encoding': encoding, 'If-None-Match': res.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    // Each representation has its own ETag: a gzip ETag does not validate brotli bytes.
    assert.notEqual(res.headers.etag, plain.headers.etag);
  }
  const html = await get(`${state.base}index.html`, { 'Accept-Encoding': 'br' });
  assert.equal(html.headers['content-encoding'], 'br');
});

test('a folder is redirected to itself with a slash, whatever its URL decodes to', async () => {
  // The Location is the URL as sent: decoded, `%0D%0A` is a header Node refuses (the server died
  // on it) and `%2F` makes `//host` (a redirect to another site), as does `/.//` once resolved.
  const cases = [
    ['/js', '/js/'],
    ['/js%2F%0D%0AX-Injected:%201%2F..', '/js%2F%0D%0AX-Injected:%201%2F../'],
    ['/%2Fevil.example%2F..', '/%2Fevil.example%2F../'],
    ['/.//js', '/js/'],
  ];
  for (const [sent, location] of cases) {
    const res = await get(state.base, {}, sent);
    assert.equal(res.status, 301, sent);
    assert.equal(res.headers.location, location, sent);
    assert.equal(res.headers['x-injected'], undefined, sent);
  }
  assert.equal((await get(`${state.base}js/app.js`)).status, 200, 'the server still serves');
});

test('the page names its scripts and stylesheet by version; only a current versioned URL is kept without asking', async () => {
  const page = async () => {
    const html = (await get(`${state.base}index.html`)).body.toString('utf8');
    const map = /<script type="importmap">(.*?)<\/script>/.exec(html);
    assert.ok(map, 'an import map');
    // Ahead of every other link and script: an import map after a module load has begun is ignored.
    assert.ok(map.index < html.search(/<link\b/) && map.index < html.indexOf('<script type="module"'));
    return { html, imports: JSON.parse(map[1]).imports };
  };
  const { html, imports } = await page();
  const entry = /<script type="module" src="js\/app\.js\?v=([\w-]+)">/.exec(html);
  assert.ok(entry, 'the entry script is versioned');
  assert.equal(imports['/js/app.js'], `/js/app.js?v=${entry[1]}`);
  // A preloaded module and its import-map entry name the same URL.
  const library = /href="pkg\/web\/index\.mjs\?v=([\w-]+)"/.exec(html);
  assert.equal(imports['/pkg/web/index.mjs'], `/pkg/web/index.mjs?v=${library?.[1]}`);
  assert.match(html, /href="css\/app\.css\?v=[\w-]+"/);
  // What is fetched, not imported, keeps its URL and is revalidated.
  assert.match(html, /href="pkg\/web\/jira_integration_payloads_bg\.wasm"/);
  const cacheControl = async (url) => (await get(`${state.base}${url}`)).headers['cache-control'];
  assert.match(await cacheControl(`js/app.js?v=${entry[1]}`), /immutable/);
  assert.equal(await cacheControl('js/app.js'), 'no-cache');
  assert.equal(await cacheControl('js/app.js?v=0'), 'no-cache');
  // A changed file gets a new URL.
  const probe = path.join(state.dir, 'www', 'js', 'version-probe.js');
  try {
    fs.writeFileSync(probe, 'export {};\n');
    const before = (await page()).imports['/js/version-probe.js'];
    fs.writeFileSync(probe, 'export const changed = true;\n');
    const after = (await page()).imports['/js/version-probe.js'];
    assert.match(before, /^\/js\/version-probe\.js\?v=/);
    assert.notEqual(after, before);
  } finally {
    fs.rmSync(probe, { force: true });
  }
});

test(`first visit under ${FIRST_VISIT_BUDGET / 1024} KiB over the wire; a reload sends no file again`, async () => {
  const context = await state.browser.newContext();
  let bytes = 0;
  const statuses = [];
  context.on('requestfinished', async (request) => {
    const sizes = await request.sizes();
    bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    statuses.push((await request.response())?.status());
  });
  const page = await open(state, { context });
  await page.waitForTimeout(200);
  const first = bytes;
  const files = statuses.length;
  bytes = 0;
  statuses.length = 0;
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.waitForTimeout(200);
  console.log(`first visit: ${first} bytes over the wire in ${files} responses; reload: ${bytes} bytes in ${statuses.length}`);
  assert.ok(first < FIRST_VISIT_BUDGET, `${first} bytes`);
  // Revalidated files count their headers only: under 500 bytes each on average.
  assert.ok(statuses.length >= files - 1 && bytes < 500 * statuses.length, `${bytes} bytes for ${statuses.length} responses`);
  await context.close();
});

// The page's head preloads what it fetches before its first check, so the browser requests it
// all at once instead of discovering each module through the one that imports it; a preload that
// is not used is a wasted download (and a console warning).
test('the page preloads every script, the wasm and the samples it loads first, and nothing else', async () => {
  const context = await state.browser.newContext();
  const loaded = new Set();
  context.on('request', (request) => {
    if (/\.(m?js|wasm|json)$/.test(new URL(request.url()).pathname)) loaded.add(request.url());
  });
  const page = await open(state, { context });
  const preloaded = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel=modulepreload], link[rel=preload]')].map((l) => l.href),
  );
  const entry = await page.evaluate(() => document.querySelector('script[type=module]').src);
  loaded.delete(entry);
  assert.deepEqual([...loaded].filter((url) => !preloaded.includes(url)), [], 'loaded without a preload');
  assert.deepEqual(preloaded.filter((url) => !loaded.has(url)), [], 'preloaded but not loaded');
  await context.close();
});

test('the pages logged no errors or warnings', () => {
  assert.deepEqual(state.problems, []);
});
