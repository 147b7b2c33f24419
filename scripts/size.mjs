#!/usr/bin/env node
// Gzip sizes of what a browser downloads from pkg/web/ (the wasm and the JS glue), and of the
// npm tarball (`npm pack --dry-run`: what `npm install` downloads).
//   node scripts/size.mjs            print the sizes
//   node scripts/size.mjs --check    also fail when a size is over size-budget.json
//   node scripts/size.mjs --update   set size-budget.json to the measured sizes + 10 %
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'pkg', 'web');
const budgetFile = path.join(root, 'size-budget.json');
const mode = process.argv[2] ?? '';

if (!fs.existsSync(web)) {
  console.error('size: pkg/web/ is missing; run `make build` first');
  process.exit(1);
}

const gz = (file) => gzipSync(fs.readFileSync(file), { level: 9 }).length;
// Recursively: wasm-bindgen puts imported JS snippets in snippets/.
const files = fs
  .readdirSync(web, { recursive: true })
  .filter((f) => /\.(wasm|m?js)$/.test(f))
  .sort();
const measured = { wasm: 0, js: 0 };
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
for (const f of files) {
  const raw = fs.statSync(path.join(web, f)).size;
  const zipped = gz(path.join(web, f));
  measured[f.endsWith('.wasm') ? 'wasm' : 'js'] += zipped;
  console.log(`${`pkg/web/${f}`.padEnd(48)} ${kb(raw).padStart(10)} raw ${kb(zipped).padStart(10)} gzip`);
}
console.log(`${'total (gzip)'.padEnd(48)} ${kb(measured.wasm + measured.js).padStart(25)} gzip`);

const [pack] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: path.join(root, 'pkg'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }),
);
measured.package = pack.size;
console.log(
  `${'npm tarball'.padEnd(48)} ${kb(pack.unpackedSize).padStart(10)} raw ${kb(pack.size).padStart(10)} gzip (${pack.entryCount} files)`,
);

if (mode === '--update') {
  const budget = {
    comment: 'Gzip bytes of pkg/web/ (wasm: the .wasm files; js: the .js/.mjs glue) and of the npm tarball (package). `make test` fails above these. Reset with `node scripts/size.mjs --update` (measured + 10 %).',
    wasm: Math.ceil(measured.wasm * 1.1),
    js: Math.ceil(measured.js * 1.1),
    package: Math.ceil(measured.package * 1.1),
  };
  fs.writeFileSync(budgetFile, `${JSON.stringify(budget, null, 2)}\n`);
  console.log(`size-budget.json: wasm ${budget.wasm} B, js ${budget.js} B, package ${budget.package} B`);
} else if (mode === '--check') {
  const budget = JSON.parse(fs.readFileSync(budgetFile, 'utf8'));
  let over = false;
  for (const kind of ['wasm', 'js', 'package']) {
    if (measured[kind] > budget[kind]) {
      console.error(`size: ${kind} is ${measured[kind]} B gzip, over the budget of ${budget[kind]} B (size-budget.json)`);
      over = true;
    }
  }
  if (over) process.exit(1);
  console.log(
    `size: within size-budget.json (wasm ${measured.wasm}/${budget.wasm} B, js ${measured.js}/${budget.js} B, package ${measured.package}/${budget.package} B)`,
  );
} else if (mode !== '') {
  console.error(`size: unknown option ${mode}`);
  process.exit(2);
}
