#!/usr/bin/env node
// Turns the release wasm (already built by `cargo build --release --target wasm32-unknown-unknown
// --lib --features wasm`, see the Makefile) into the npm package in pkg/:
//   wasm-bindgen --target nodejs -> pkg/node/, --target web -> pkg/web/, wasm-opt -O3, the ESM
//   entry wrappers from js/, pkg/index.d.ts and pkg/package.json from js/package.template.json.
// The package is assembled in pkg.tmp/ and swapped in at the end, so a failed build never leaves
// a half-written pkg/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'pkg');
const tmp = path.join(root, 'pkg.tmp');

// -O3, repeated until the module stops shrinking (--converge). On rustc's opt-level "z" output it
// gives the same gzip size as -Oz --converge and validates 2-4 % faster (same-process A/B); -O4
// is no faster, -Oz without --converge 0.5 KiB larger.
// then the features rustc's wasm32-unknown-unknown target enables by default: wasm-opt refuses
// the module without them (e.g. "memory.fill operations require bulk memory").
const WASM_OPT_FLAGS = [
  '-O3',
  '--converge',
  '--enable-bulk-memory',
  '--enable-bulk-memory-opt',
  '--enable-call-indirect-overlong',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-reference-types',
  '--enable-multivalue',
  '--strip-debug',
  '--strip-producers',
  '--strip-target-features',
];

function run(cmd, args) {
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

function fail(message) {
  console.error(`build-pkg: ${message}`);
  process.exit(1);
}

const metadata = JSON.parse(
  execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }),
);
const crate = metadata.packages.find((p) => path.dirname(p.manifest_path) === root);
if (!crate) fail('no package at the project root in `cargo metadata`');
const lib = crate.targets.find((t) => t.kind.includes('cdylib'));
if (!lib) fail('the crate has no cdylib target');
const module = lib.name.replaceAll('-', '_');
const wasm = path.join(
  metadata.target_directory,
  'wasm32-unknown-unknown',
  'release',
  `${module}.wasm`,
);
if (!fs.existsSync(wasm)) fail(`${wasm} is missing: run \`make build\``);

fs.rmSync(tmp, { recursive: true, force: true });
const nodeDir = path.join(tmp, 'node');
const webDir = path.join(tmp, 'web');
run('wasm-bindgen', ['--target', 'nodejs', '--out-dir', nodeDir, wasm]);
run('wasm-bindgen', ['--target', 'web', '--omit-default-module-path', '--out-dir', webDir, wasm]);

// JS snippets (src/*.js imported with #[wasm_bindgen(module = ...)]) are ES modules; the Node
// glue `require`s them, so their one closing `export { ... };` becomes `module.exports`.
function toCommonJs(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const text = fs.readFileSync(file, 'utf8');
    const exports = [...text.matchAll(/^export \{([^}]*)\};\n?$/gm)];
    const names = /^\s*[A-Za-z_$][\w$]*(\s*,\s*[A-Za-z_$][\w$]*)*\s*,?\s*$/;
    if (
      exports.length !== 1 ||
      !names.test(exports[0][1]) ||
      /^(export|import) /m.test(text.replace(exports[0][0], ''))
    ) {
      fail(
        `${path.relative(tmp, file)}: a snippet needs exactly one \`export { name, ... };\` line ` +
          '(plain names, no `as`) and no other export or import',
      );
    }
    fs.writeFileSync(file, text.replace(exports[0][0], `module.exports = {${exports[0][1]}};\n`));
  }
}
const nodeSnippets = path.join(nodeDir, 'snippets');
if (fs.existsSync(nodeSnippets)) toCommonJs(nodeSnippets);

// The raw-export typings say `any` and are not part of the API.
for (const dir of [nodeDir, webDir]) {
  fs.rmSync(path.join(dir, `${module}_bg.wasm.d.ts`), { force: true });
}

// Both targets normally yield the same wasm: optimise once and copy. Optimise each otherwise.
const nodeWasm = path.join(nodeDir, `${module}_bg.wasm`);
const webWasm = path.join(webDir, `${module}_bg.wasm`);
const same = fs.readFileSync(nodeWasm).equals(fs.readFileSync(webWasm));
run('wasm-opt', [...WASM_OPT_FLAGS, webWasm, '-o', webWasm]);
if (same) {
  fs.copyFileSync(webWasm, nodeWasm);
} else {
  run('wasm-opt', [...WASM_OPT_FLAGS, nodeWasm, '-o', nodeWasm]);
}

// Nearest package.json decides how Node and bundlers read each .js file.
fs.writeFileSync(path.join(nodeDir, 'package.json'), '{ "type": "commonjs" }\n');
fs.writeFileSync(path.join(webDir, 'package.json'), '{ "type": "module" }\n');

// The export list comes from the generated glue itself, so a new #[wasm_bindgen] export needs no
// edit here. Both targets must agree.
const nodeApi = createRequire(import.meta.url)(path.join(nodeDir, `${module}.js`));
const webApi = await import(pathToFileURL(path.join(webDir, `${module}.js`)).href);
const nodeNames = Object.keys(nodeApi).sort();
const webNames = Object.keys(webApi)
  .filter((n) => n !== 'default' && n !== 'initSync')
  .sort();
if (nodeNames.join() !== webNames.join()) {
  fail(`node and web builds export different names:\n  ${nodeNames}\n  ${webNames}`);
}
if (nodeNames.length === 0) fail('the wasm module exports nothing');

function fromTemplate(file, names) {
  const text = fs
    .readFileSync(path.join(root, 'js', file), 'utf8')
    .replaceAll('__NAME__', module)
    .replace('{ __EXPORTS__ }', `{\n  ${names.join(',\n  ')},\n}`);
  if (text.includes('__EXPORTS__')) fail(`js/${file} lost its \`{ __EXPORTS__ }\` placeholder`);
  return text;
}
fs.writeFileSync(path.join(webDir, 'index.mjs'), fromTemplate('web-entry.mjs', webNames));
fs.writeFileSync(path.join(nodeDir, 'index.mjs'), fromTemplate('node-entry.mjs', nodeNames));

// The nodejs declarations have exactly the exports (the web ones add init/initSync, which the
// entry wrappers hide). index.d.mts is the same text read as an ES module (no synthetic default).
for (const name of ['index.d.ts', 'index.d.mts']) {
  fs.copyFileSync(path.join(nodeDir, `${module}.d.ts`), path.join(tmp, name));
}

const vars = {
  name: crate.name,
  version: crate.version,
  description: crate.description ?? '',
  license: crate.license ?? '',
  module,
};
const fill = (value) => {
  if (typeof value === 'string') {
    return value.replace(/\{\{(\w+)\}\}/g, (m, key) => {
      if (!(key in vars)) fail(`unknown placeholder ${m} in js/package.template.json`);
      return vars[key];
    });
  }
  if (Array.isArray(value)) return value.map(fill);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
  }
  return value;
};
const manifest = fill(
  JSON.parse(fs.readFileSync(path.join(root, 'js', 'package.template.json'), 'utf8')),
);

// A "bin" entry "./cli.mjs" in the template is copied from js/cli.mjs.
const bins =
  typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
for (const bin of bins) {
  const rel = path.normalize(bin);
  const src = path.join(root, 'js', rel);
  if (!fs.existsSync(src)) fail(`bin ${bin} has no source file js/${rel}`);
  fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
  fs.copyFileSync(src, path.join(tmp, rel));
  fs.chmodSync(path.join(tmp, rel), 0o755);
  if (!manifest.files.includes(rel)) manifest.files.push(rel);
}
// The CLI's modules (js/cli/*.mjs), which the bin imports as ./cli/NAME.mjs.
if (bins.length > 0) {
  fs.cpSync(path.join(root, 'js', 'cli'), path.join(tmp, 'cli'), { recursive: true });
  if (!manifest.files.includes('cli/')) manifest.files.push('cli/');
}
// The JSON Schemas of the request bodies, from the wasm module itself (src/schema.rs).
const schemaDir = path.join(tmp, 'schemas');
fs.mkdirSync(schemaDir);
for (const name of ['gij-add', 'gij-update', 'xray-create', 'xray-update']) {
  const schema = nodeApi.jsonSchema(name);
  if (schema == null) fail(`jsonSchema("${name}") returned nothing`);
  fs.writeFileSync(path.join(schemaDir, `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
}
for (const doc of ['README.md', 'LICENSE']) {
  if (fs.existsSync(path.join(root, doc))) fs.copyFileSync(path.join(root, doc), path.join(tmp, doc));
}
fs.writeFileSync(path.join(tmp, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

fs.rmSync(out, { recursive: true, force: true });
fs.renameSync(tmp, out);
console.log(`pkg/ built: ${crate.name} ${crate.version}, exports: ${nodeNames.join(', ')}`);
