#!/usr/bin/env node
// Turns the release wasm (already built by `cargo build --release --target wasm32-unknown-unknown
// --lib --features wasm`, see the Makefile) into the npm package in pkg/:
//   wasm-bindgen --target nodejs -> pkg/node/, --target web -> pkg/web/, wasm-opt -O3 on the one
//   .wasm both builds share (pkg/web/), the entries from js/ (templates), the CLI modules, the
//   Standard Schema adapter, pkg/index.d.ts and pkg/package.json from js/package.template.json.
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

// -O3, repeated until the module stops shrinking (--converge): on rustc's opt-level "z" output
// as small as -Oz and faster (docs/performance.md).
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

// ES modules the Node glue `require`s (src/*.js snippets imported with #[wasm_bindgen(module =
// ...)], js/standard-schema.mjs): their one closing `export { ... };` becomes `module.exports`.
function toCommonJs(file) {
  const text = fs.readFileSync(file, 'utf8');
  const exports = [...text.matchAll(/^export \{([^}]*)\};\n?$/gm)];
  const names = /^\s*[A-Za-z_$][\w$]*(\s*,\s*[A-Za-z_$][\w$]*)*\s*,?\s*$/;
  if (
    exports.length !== 1 ||
    !names.test(exports[0][1]) ||
    /^(export|import) /m.test(text.replace(exports[0][0], ''))
  ) {
    fail(
      `${path.relative(tmp, file)}: a module for CommonJS needs exactly one \`export { name, ... };\` ` +
        'line (plain names, no `as`) and no other export or import',
    );
  }
  fs.writeFileSync(file, text.replace(exports[0][0], `module.exports = {${exports[0][1]}};\n`));
}
const nodeSnippets = path.join(nodeDir, 'snippets');
if (fs.existsSync(nodeSnippets)) {
  for (const entry of fs.readdirSync(nodeSnippets, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.js')) toCommonJs(path.join(entry.parentPath ?? entry.path, entry.name));
  }
}
fs.writeFileSync(path.join(webDir, 'standard-schema.mjs'), shipped('standard-schema.mjs'));
fs.writeFileSync(path.join(nodeDir, 'standard-schema.js'), shipped('standard-schema.mjs'));
toCommonJs(path.join(nodeDir, 'standard-schema.js'));

// wasm-bindgen imports a snippet once per imported function, so the glue lists the same key twice
// in its imports object (esbuild warns "Duplicate key"). The copies are one module: keep the first.
function dedupeImports(file) {
  let text = fs.readFileSync(file, 'utf8');
  const seen = new Map();
  const line = /^(?:import \* as (import\d+) from "([^"]+)"|const (import\d+) = require\("([^"]+)"\));?\n/gm;
  for (const m of [...text.matchAll(line)]) {
    const [name, from] = m[1] ? [m[1], m[2]] : [m[3], m[4]];
    if (!seen.has(from)) {
      seen.set(from, name);
      continue;
    }
    const entry = `        ${JSON.stringify(from)}: ${name},\n`;
    if (text.split(entry).length !== 2) fail(`${path.relative(tmp, file)}: no single imports entry for ${name}`);
    text = text.replace(m[0], '').replace(entry, '');
  }
  fs.writeFileSync(file, text);
}
dedupeImports(path.join(nodeDir, `${module}.js`));
dedupeImports(path.join(webDir, `${module}.js`));

// The raw-export typings say `any` and are not part of the API.
for (const dir of [nodeDir, webDir]) {
  fs.rmSync(path.join(dir, `${module}_bg.wasm.d.ts`), { force: true });
}

// Both targets yield the same wasm (they differ only in the JS glue): one optimised copy in web/,
// which the Node glue reads from there, so the package ships it once.
const wasmFile = `${module}_bg.wasm`;
const nodeWasm = path.join(nodeDir, wasmFile);
const webWasm = path.join(webDir, wasmFile);
if (!fs.readFileSync(nodeWasm).equals(fs.readFileSync(webWasm))) {
  fail('wasm-bindgen gave the nodejs and web targets different .wasm files; the package shares one');
}
fs.rmSync(nodeWasm);
run('wasm-opt', [...WASM_OPT_FLAGS, webWasm, '-o', webWasm]);
const nodeGlue = path.join(nodeDir, `${module}.js`);
const glue = fs.readFileSync(nodeGlue, 'utf8');
if (glue.split(wasmFile).length !== 2) fail(`node/${module}.js names ${wasmFile} other than once`);
fs.writeFileSync(nodeGlue, glue.replace(wasmFile, `../web/${wasmFile}`));

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

// The nodejs glue's declarations (exactly the exports; the web glue's add init/initSync, which
// only "./init" has) with the diagnostic code typed as the union of the catalogue's codes, the
// Standard Schema factories (js/standard-schema.d.ts) and the default export.
function declarations(names, catalogue) {
  let text = fs.readFileSync(path.join(nodeDir, `${module}.d.ts`), 'utf8');
  for (const type of ['Diagnostic', 'CatalogueEntry']) {
    const field = new RegExp(`(export interface ${type} \\{[^}]*?)\\bcode: string;`);
    if (!field.test(text)) fail(`the declarations have no \`code: string;\` in interface ${type}`);
    text = text.replace(field, '$1code: DiagnosticCode;');
  }
  const codes = [...new Set(catalogue.map((c) => c.code))].sort();
  if (codes.length === 0) fail('ruleCatalogue() is empty');
  const all = [...names, 'gijSchema', 'xraySchema'];
  return `${text}
/** Every code of the rule catalogue (ruleCatalogue()); generated when the package is built. */
export type DiagnosticCode =
${codes.map((c) => `  | ${JSON.stringify(c)}`).join('\n')};
${fs.readFileSync(path.join(root, 'js', 'standard-schema.d.ts'), 'utf8')}
/** Every function of the package in one object, for \`import jip from "jira-integration-payloads"\`. */
declare const api: {
${all.map((n) => `  ${n}: typeof ${n};`).join('\n')}
};
export default api;
`;
}

// "./init" adds these to the declarations.
const INIT_DECLARATIONS = `
/** Where init finds the wasm: a URL or string to fetch, a Response, the bytes, a compiled module. */
export type WasmSource = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Instantiates the wasm; call it once before any other function. Later calls share the first promise. */
export function init(wasm: WasmSource | Promise<Response>): Promise<void>;

/** Instantiates the wasm synchronously from its bytes or a compiled module. */
export function initSync(wasm: BufferSource | WebAssembly.Module): void;
`;

// The comments of js/ are for this repository (the declarations document the API): the
// package gets the code and one line saying where it comes from.
function shipped(file) {
  const code = fs
    .readFileSync(path.join(root, 'js', file), 'utf8')
    .replace(/^[ \t]*\/\*\*[\s\S]*?\*\/\n/gm, '')
    .replace(/^[ \t]*\/\/.*\n/gm, '');
  return `// Generated from js/${file} by scripts/build-pkg.mjs.\n${code}`;
}

function fromTemplate(file, names) {
  const text = shipped(file).replaceAll('__NAME__', module);
  if (!text.includes('__EXPORTS__') && file.endsWith('.mjs')) {
    fail(`js/${file} lost its \`__EXPORTS__\` placeholder`);
  }
  return text.replaceAll('__EXPORTS__', names.join(',\n  '));
}
fs.writeFileSync(path.join(webDir, 'init.mjs'), fromTemplate('web-init-entry.mjs', webNames));
fs.writeFileSync(path.join(webDir, 'index.mjs'), fromTemplate('web-entry.mjs', webNames));
fs.writeFileSync(path.join(nodeDir, 'index.cjs'), fromTemplate('node-entry.cjs', nodeNames));
fs.writeFileSync(path.join(nodeDir, 'index.mjs'), fromTemplate('node-entry.mjs', nodeNames));

fs.writeFileSync(path.join(tmp, 'index.d.ts'), declarations(nodeNames, nodeApi.ruleCatalogue()));
fs.copyFileSync(path.join(tmp, 'index.d.ts'), path.join(tmp, 'index.d.mts'));
fs.writeFileSync(
  path.join(tmp, 'init.d.mts'),
  `export * from './index.mjs';\nexport { default } from './index.mjs';\n${INIT_DECLARATIONS}`,
);
// The glue's own declarations are in those three now; nothing points at them.
for (const dir of [nodeDir, webDir]) fs.rmSync(path.join(dir, `${module}.d.ts`));

const vars = {
  name: crate.name,
  version: crate.version,
  description: crate.description ?? '',
  license: crate.license ?? '',
  repository: crate.repository ?? '',
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
// The package's own README (for npm users; the repository's README.md is for the project).
for (const [from, to] of [['js/npm-readme.md', 'README.md'], ['LICENSE', 'LICENSE'], ['CHANGELOG.md', 'CHANGELOG.md']]) {
  if (!fs.existsSync(path.join(root, from))) fail(`${from} is missing`);
  fs.copyFileSync(path.join(root, from), path.join(tmp, to));
}
fs.writeFileSync(path.join(tmp, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

fs.rmSync(out, { recursive: true, force: true });
fs.renameSync(tmp, out);
console.log(`pkg/ built: ${crate.name} ${crate.version}, exports: ${nodeNames.join(', ')}`);
