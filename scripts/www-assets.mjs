#!/usr/bin/env node
// Puts what the admin page loads next to it: pkg/ (the built package) as www/pkg/ and the sample
// listings of tests/fixtures/samples/ as www/samples/. Both are build outputs (www/.gitignore).
//   node scripts/www-assets.mjs        used by `make demo` and tests/e2e/admin-form.test.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Copies pkg/ to www/pkg/ and the sample JSON files to www/samples/.
 * @param {{ root?: string, samples?: string }} [options]
 * @returns {{ pkg: string, samples: string[] }}
 */
export function prepareWww({ root: base = root, samples } = {}) {
  const www = path.join(base, 'www');
  const pkg = path.join(base, 'pkg');
  if (!fs.existsSync(path.join(pkg, 'web', 'index.mjs'))) {
    throw new Error(`${pkg}/web/index.mjs is missing: run \`make build\` first`);
  }
  const from = samples ?? path.join(base, 'tests', 'fixtures', 'samples');
  if (!fs.existsSync(from)) throw new Error(`sample data not found at ${from}`);

  const pkgOut = path.join(www, 'pkg');
  fs.rmSync(pkgOut, { recursive: true, force: true });
  fs.cpSync(pkg, pkgOut, { recursive: true });

  // Copy the bytes, not the mode, so the next run can replace them whatever the checkout's modes.
  const samplesOut = path.join(www, 'samples');
  fs.rmSync(samplesOut, { recursive: true, force: true });
  fs.mkdirSync(samplesOut, { recursive: true });
  const copied = fs.readdirSync(from).filter((f) => f.endsWith('.json')).sort();
  for (const file of copied) {
    fs.writeFileSync(path.join(samplesOut, file), fs.readFileSync(path.join(from, file)));
  }
  return { pkg: pkgOut, samples: copied };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  try {
    const { samples } = prepareWww();
    console.log(`www/pkg and www/samples (${samples.join(', ')}) ready`);
  } catch (err) {
    console.error(`www-assets: ${err.message}`);
    process.exit(1);
  }
}
