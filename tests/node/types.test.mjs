// The package's TypeScript declarations: a strict consumer compiles, and no `any` leaks out.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = path.join(root, 'pkg');
const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');

// Copy tests/types/ into a throwaway project with the package linked into node_modules.
const project = fs.mkdtempSync(path.join(os.tmpdir(), 'pkg-types-'));
fs.cpSync(path.join(root, 'tests', 'types'), project, { recursive: true });
fs.mkdirSync(path.join(project, 'node_modules'));
fs.symlinkSync(pkg, path.join(project, 'node_modules', manifest.name), 'dir');
// The Standard Schema interfaces the factories are checked against (a dev dependency).
fs.mkdirSync(path.join(project, 'node_modules', '@standard-schema'));
fs.symlinkSync(
  path.join(root, 'node_modules', '@standard-schema', 'spec'),
  path.join(project, 'node_modules', '@standard-schema', 'spec'),
  'dir',
);
test.after(() => fs.rmSync(project, { recursive: true, force: true }));

for (const config of ['tsconfig.json', 'tsconfig.bundler.json']) {
  test(`tsc --strict accepts tests/types/ (${config})`, () => {
    try {
      execFileSync(tsc, ['-p', config], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      assert.fail(`tsc failed:\n${err.stdout}${err.stderr}`);
    }
  });
}

test('the public declarations never say `any`', () => {
  const files = ['index.d.ts', 'index.d.mts', 'init.d.mts'];
  for (const file of files) {
    const text = fs
      .readFileSync(path.join(pkg, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    const hits = text.split('\n').filter((line) => /\bany\b/.test(line));
    assert.deepEqual(hits, [], `${file} has \`any\`; give the JsValue an unchecked_*_type`);
  }
});

// The admin page is type-checked without a build (tsconfig.json) against a declaration of the
// library: the built package must be assignable to it, or the page's check checks a fiction.
test('the declaration of the library the page is checked against (types/www/pkg/web/index.d.mts) matches the package', () => {
  const declared = path.join(root, 'types', 'www', 'pkg', 'web', 'index.mjs');
  fs.writeFileSync(
    path.join(project, 'page-library.mts'),
    `import * as built from '${manifest.name}';\nimport type * as page from ${JSON.stringify(declared)};\nexport const library: typeof page = built;\n`,
  );
  fs.writeFileSync(
    path.join(project, 'tsconfig.page.json'),
    JSON.stringify({ extends: './tsconfig.json', files: ['page-library.mts'] }),
  );
  try {
    execFileSync(tsc, ['-p', 'tsconfig.page.json'], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
  } catch (err) {
    assert.fail(`the page's declaration differs from the package:\n${err.stdout}${err.stderr}`);
  }
});
