// Shared by the CLI tests: run `node pkg/cli.mjs` (after `make build`) and locate fixtures.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const cli = path.join(root, 'pkg', 'cli.mjs');
export const fixtures = path.join(root, 'tests', 'cli', 'fixtures');

/** Runs the CLI in `cwd` (default: the fixtures); colour variables are cleared unless given. */
export function run(args, { input, cwd = fixtures, env = {}, uid, gid } = {}) {
  const base = { ...process.env };
  delete base.FORCE_COLOR;
  delete base.NO_COLOR;
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...base, ...env },
    maxBuffer: 256 * 1024 * 1024,
    ...(uid === undefined ? {} : { uid, gid }),
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory, removed when the process exits. */
export function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** 1-based line and UTF-16 column of the first occurrence of `needle` in `text`, as editors count. */
export function positionOf(text, needle, from = 0) {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}
