// The package as a dependency of a browser app, bundled by esbuild (ES module and iife formats),
// Vite and webpack exactly as README's recipes say, each bundle served over HTTP on 127.0.0.1 and
// run in headless Chromium (playwright-core, the system Chromium).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build as viteBuild, createServer as viteServer } from 'vite';
import webpack from 'webpack';
import { serve } from '../../scripts/serve.mjs';
import { launchChromium, collectProblems } from './chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = path.join(root, 'pkg');
const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
const name = manifest.name;

// A throwaway app with a copy of the package in node_modules, as `npm install` puts it (a link
// would make Vite's dev server treat the package as source and skip its dependency pre-bundling).
const project = fs.mkdtempSync(path.join(os.tmpdir(), 'pkg-bundlers-'));
fs.cpSync(pkg, path.join(project, 'node_modules', name), { recursive: true });
fs.writeFileSync(path.join(project, 'package.json'), '{ "private": true, "type": "module" }\n');
const dist = path.join(project, 'dist');

// What every bundle runs: named and default imports, a diagnostic, a Standard Schema issue.
const check = `
function check(jip, validateIntegration) {
  const schema = jip.gijSchema({ operation: 'add' });
  window.result = {
    version: jip.version(),
    named: validateIntegration({ type: 'GERRIT' }).diagnostics[0].path,
    issues: schema['~standard'].validate({ type: 'GERRIT', username: 'u', password: 'p' }).issues
      .map((i) => [i.code, i.path]),
  };
}
`;
const write = (file, text) => {
  fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
  fs.writeFileSync(path.join(project, file), text);
};
write('src/app.js', `import jip, { validateIntegration } from ${JSON.stringify(name)};
${check}
check(jip, validateIntegration);
`);
write('src/app-init.js', `import jip, { init, validateIntegration } from ${JSON.stringify(`${name}/init`)};
import wasmUrl from ${JSON.stringify(`${name}/wasm`)};
${check}
init(wasmUrl).then(() => check(jip, validateIntegration), (err) => { window.loadError = String(err); });
`);
// No favicon request: its 404 would be the only console error.
const page = (script) =>
  `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>bundle</title>${script}\n`;

let server;
let browser;

test.before(async () => {
  server = await serve(project, { port: 0 });
  browser = await launchChromium();
});

test.after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  fs.rmSync(project, { recursive: true, force: true });
});

/** Opens dist/<dir>/index.html (or `url`); the page's result, and every error, warning and failed request. */
async function run(dir, url) {
  const tab = await browser.newPage();
  const problems = collectProblems(tab);
  const { port } = server.address();
  await tab.goto(url ?? `http://127.0.0.1:${port}/dist/${dir}/index.html`);
  try {
    await tab.waitForFunction(() => window.result || window.loadError, null, { timeout: 30_000 });
  } catch {
    problems.push('timed out waiting for the bundle');
  }
  const result = await tab.evaluate(() => window.result ?? null);
  problems.push(...(await tab.evaluate(() => (window.loadError ? [window.loadError] : []))));
  await tab.close();
  return { result, problems };
}

function assertWorks({ result, problems }) {
  assert.deepEqual(problems, []);
  assert.equal(result.version, manifest.version);
  assert.equal(result.named, '/origin');
  assert.deepEqual(result.issues, [['missing-required-field', ['origin']]]);
}

/** The .wasm files a bundle directory holds (a bundle should carry exactly one). */
const wasmFiles = (dir) =>
  fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.wasm'));

test('esbuild, ES module format: the browser build, with the .wasm copied beside the bundle', async () => {
  const out = path.join(dist, 'esbuild-esm');
  await esbuild.build({
    entryPoints: [path.join(project, 'src/app.js')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outdir: out,
    logLevel: 'silent',
  });
  const wasm = createRequire(path.join(project, 'package.json')).resolve(`${name}/wasm`);
  fs.copyFileSync(wasm, path.join(out, path.basename(wasm)));
  fs.writeFileSync(path.join(out, 'index.html'), page('<script type="module" src="app.js"></script>'));
  assertWorks(await run('esbuild-esm'));
});

test('esbuild, iife format: "./init" with the wasm through the file loader', async () => {
  const out = path.join(dist, 'esbuild-iife');
  const built = await esbuild.build({
    entryPoints: [path.join(project, 'src/app-init.js')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    loader: { '.wasm': 'file' },
    outdir: out,
    logLevel: 'silent',
  });
  assert.deepEqual(built.warnings.map((w) => w.text), []);
  assert.equal(wasmFiles(out).length, 1);
  fs.writeFileSync(path.join(out, 'index.html'), page('<script src="app-init.js"></script>'));
  assertWorks(await run('esbuild-iife'));
});

test('Vite build: the browser build, the .wasm emitted as an asset', async () => {
  const out = path.join(dist, 'vite');
  write('vite/index.html', page('<script type="module" src="../src/app.js"></script>'));
  await viteBuild({
    root: path.join(project, 'vite'),
    configFile: false,
    logLevel: 'silent',
    base: './',
    build: { outDir: out, emptyOutDir: true },
  });
  assert.equal(wasmFiles(out).length, 1);
  assertWorks(await run('vite'));
});

test('Vite dev server, with the package out of dependency pre-bundling', async () => {
  write('vite-dev/index.html', page('<script type="module" src="/src/app.js"></script>'));
  const dev = await viteServer({
    root: project,
    configFile: false,
    logLevel: 'silent',
    optimizeDeps: { exclude: [name] },
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  try {
    await dev.listen();
    assertWorks(await run('vite-dev', new URL('vite-dev/index.html', dev.resolvedUrls.local[0]).href));
  } finally {
    await dev.close();
  }
});

test('webpack 5, production mode (tree shaking): the browser build, the .wasm emitted as an asset', async () => {
  const out = path.join(dist, 'webpack');
  const stats = await new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'production',
        context: project,
        entry: './src/app.js',
        output: { path: out, filename: 'main.js' },
        // The ~0.5 MB .wasm is over webpack's advisory 244 KiB asset hint; it is loaded once.
        performance: { hints: false },
        infrastructureLogging: { level: 'none' },
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
  const info = stats.toJson({ all: false, errors: true, warnings: true });
  assert.deepEqual([...info.errors, ...info.warnings].map((e) => e.message), []);
  assert.equal(wasmFiles(out).length, 1);
  fs.writeFileSync(path.join(out, 'index.html'), page('<script src="main.js"></script>'));
  assertWorks(await run('webpack'));
});
