// scripts/layers.mjs over small crates written to temp dirs: each way of importing up the layers
// that rustc accepts must fail the check, and a clean crate using every allowed form must pass.
// LAYERS_RUSTC=1 also compiles each crate with `rustc` first, to show the Rust is real.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkLayers } from '../../scripts/layers.mjs';

// A crate within LAYERS: report_record > schema > crate > api > gij > values > text, memo > diagnostics.
const CLEAN = {
  'lib.rs': `
macro_rules! zero {
    () => {
        $crate::values::zero()
    };
}
pub mod api;
pub mod diagnostics;
pub mod gij;
mod memo;
pub mod report_record;
pub mod schema;
mod text;
mod values;

pub use diagnostics::Code;
pub use schema::schema as json_schema;

/// Every code.
pub fn catalogue() -> Vec<&'static Code> {
    let _ = api::VERSION + gij::rules::origin::check();
    vec![&diagnostics::ONE]
}
`,
  'api.rs': `
pub const VERSION: u32 = 1;
pub fn options() -> u32 {
    zero!() + crate::values::zero() + super::text::snippet()
}
`,
  'diagnostics.rs': `
pub struct Code;
pub static ONE: Code = Code;
pub fn version() -> u32 {
    0
}
`,
  'gij/mod.rs': `pub mod rules;\n`,
  'gij/rules/mod.rs': `pub mod origin;\npub(crate) const LIMIT: u32 = 5;\n`,
  'gij/rules/origin.rs': `
use super::*;
pub fn check() -> u32 {
    LIMIT + super::super::super::values::zero() + super::super::rules::LIMIT
}
`,
  'memo.rs': `
pub fn memo() -> u32 {
    crate::text::snippet()
}
`,
  'report_record.rs': `
pub fn code_table() -> usize {
    crate::catalogue().len()
}
`,
  'schema.rs': `
pub fn schema() -> u32 {
    crate::api::options() + crate::catalogue().len() as u32
}
`,
  'text.rs': `
pub fn snippet() -> u32 {
    self::inner::one() + super::diagnostics::version()
}
mod inner {
    pub fn one() -> u32 {
        super::super::diagnostics::version() + 1
    }
}
`,
  'values.rs': `
pub fn zero() -> u32 {
    crate::diagnostics::version()
}
#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn up_in_a_test_is_allowed() {
        assert_eq!(zero(), api::VERSION - 1);
    }
}
`,
};

/** The clean crate with `changes` applied, written to a temp dir: its `src` path. */
function crate(changes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  for (const [file, text] of Object.entries({ ...CLEAN, ...changes })) {
    fs.mkdirSync(path.join(dir, 'src', path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', file), text);
  }
  return path.join(dir, 'src');
}

function compiles(src) {
  const out = path.join(path.dirname(src), 'out');
  const args = ['--edition', '2021', '--crate-type', 'lib', '--emit', 'metadata', '--out-dir', out];
  const run = spawnSync('rustc', [...args, path.join(src, 'lib.rs')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
}

function check(t, changes) {
  const src = crate(changes);
  t.after(() => fs.rmSync(path.dirname(src), { recursive: true, force: true }));
  if (process.env.LAYERS_RUSTC === '1') compiles(src);
  return checkLayers(src).problems;
}

test('a clean crate passes', (t) => {
  assert.deepEqual(check(t, {}), []);
});

const UP = [
  ['`super::` in a top-level module is the crate root', 'text -> api', {
    'text.rs': `pub fn snippet() -> u32 {\n    super::api::VERSION\n}\n`,
  }],
  ['`super::super::super::` from a nested file reaches the root', 'gij -> schema', {
    'gij/rules/origin.rs': `pub fn check() -> u32 {\n    super::super::super::schema::schema()\n}\n`,
  }],
  ['`super::` from `mod.rs` reaches the root', 'gij -> schema', {
    'gij/mod.rs': `pub mod rules;\npub fn s() -> u32 {\n    super::schema::schema()\n}\n`,
  }],
  ['`super::super::` in an inline module of a top-level module', 'text -> api', {
    'text.rs': `
pub fn snippet() -> u32 {
    inner::one()
}
mod inner {
    pub fn one() -> u32 {
        super::super::api::VERSION
    }
}
`,
  }],
  ['`use super::{...}` grouped, in a top-level module', 'values -> api', {
    'values.rs': `
use super::{api, diagnostics};
pub fn zero() -> u32 {
    api::VERSION - 1 + diagnostics::version()
}
`,
  }],
  ['a nested use group without a prefix', 'values -> api', {
    'values.rs': `
use crate::{{diagnostics::version, api::VERSION}};
pub fn zero() -> u32 {
    VERSION - 1 + version()
}
`,
  }],
  ['a macro of lib.rs expanding to `$crate::api`', 'diagnostics -> api', {
    'lib.rs': CLEAN['lib.rs'].replace(
      'macro_rules! zero',
      'macro_rules! version {\n    () => {\n        $crate::api::VERSION\n    };\n}\nmacro_rules! zero',
    ),
    'diagnostics.rs': CLEAN['diagnostics.rs'].replace('    0\n', '    version!() - 1\n'),
  }],
  ['a macro of lib.rs naming `crate::api`, through another macro', 'diagnostics -> api', {
    'lib.rs': CLEAN['lib.rs'].replace(
      'macro_rules! zero',
      'macro_rules! inner {\n    () => {\n        crate::api::VERSION\n    };\n}\n' +
        'macro_rules! version {\n    () => {\n        inner!()\n    };\n}\nmacro_rules! zero',
    ),
    'diagnostics.rs': CLEAN['diagnostics.rs'].replace('    0\n', '    version!() - 1\n'),
  }],
  ['a macro of lib.rs naming `super::api`, which resolves where it is invoked', 'diagnostics -> api', {
    'lib.rs': CLEAN['lib.rs'].replace(
      'macro_rules! zero',
      'macro_rules! version {\n    () => {\n        super::api::VERSION\n    };\n}\nmacro_rules! zero',
    ),
    'diagnostics.rs': CLEAN['diagnostics.rs'].replace('    0\n', '    version!() - 1\n'),
  }],
  ['a macro of lib.rs imported under another name', 'diagnostics -> api', {
    'lib.rs': CLEAN['lib.rs'].replace(
      'macro_rules! zero',
      'macro_rules! version {\n    () => {\n        $crate::api::VERSION\n    };\n}\n' +
        'pub(crate) use version;\nmacro_rules! zero',
    ),
    'diagnostics.rs': CLEAN['diagnostics.rs']
      .replace('pub struct Code;', 'use crate::version as v;\npub struct Code;')
      .replace('    0\n', '    v!() - 1\n'),
  }],
  ["lib.rs's own items calling a module above the root", 'crate -> report_record', {
    'lib.rs': CLEAN['lib.rs'].replace('vec![', 'let _ = report_record::code_table;\n    vec!['),
  }],
  ["lib.rs's own items calling a module above the root by `self::`", 'crate -> report_record', {
    'lib.rs': CLEAN['lib.rs'].replace('vec![', 'let _ = (0, self::report_record::code_table);\n    vec!['),
  }],
  ["lib.rs's own items calling a name its `pub use` brings from above", 'crate -> report_record', {
    'lib.rs': CLEAN['lib.rs']
      .replace('pub use diagnostics::Code;', 'pub use diagnostics::Code;\npub use report_record::code_table;')
      .replace('vec![', 'let _ = code_table;\n    vec!['),
  }],
];

for (const [name, edge, changes] of UP) {
  test(`fails: ${name}`, (t) => {
    const problems = check(t, changes);
    assert.ok(problems.some((p) => p.startsWith(`import up the layers: ${edge} (`)), problems.join('\n'));
  });
}

const ROOT_WHOLE = [
  ['`use super::*;` at the top of a top-level module', '`super::*`', {
    'values.rs': `use super::*;\npub fn zero() -> u32 {\n    api::VERSION - 1\n}\n`,
  }],
  ['`use crate::*;`', '`crate::*`', {
    'values.rs': `use crate::*;\npub fn zero() -> u32 {\n    api::VERSION - 1\n}\n`,
  }],
  ['`use crate as root;`', '`crate as root`', {
    'memo.rs': `use crate as root;\npub fn memo() -> u32 {\n    root::api::VERSION\n}\n`,
  }],
  ['`use crate::{self as root}`', '`crate::{self as root}`', {
    'memo.rs': `use crate::{self as root};\npub fn memo() -> u32 {\n    root::api::VERSION\n}\n`,
  }],
  ['`use super::{self as root}` in a top-level module', '`super::{self as root}`', {
    'memo.rs': `use super::{self as root};\npub fn memo() -> u32 {\n    root::api::VERSION\n}\n`,
  }],
  ['`use super as root;` in a top-level module', '`super as root`', {
    'memo.rs': `use super as root;\npub fn memo() -> u32 {\n    root::api::VERSION\n}\n`,
  }],
  ['`use self as root;` in lib.rs', '`self as root`', {
    'lib.rs': CLEAN['lib.rs']
      .replace('pub use diagnostics::Code;', 'pub use diagnostics::Code;\nuse self as root;')
      .replace('vec![', 'let _ = root::report_record::code_table;\n    vec!['),
  }],
  ['`use super::super::*;` from a nested file', '`super::super::*`', {
    'gij/rules/mod.rs': `
pub mod origin;
pub(crate) const LIMIT: u32 = 5;
use super::super::*;
pub fn s() -> u32 {
    schema::schema()
}
`,
  }],
];

for (const [name, shown, changes] of ROOT_WHOLE) {
  test(`fails: ${name}`, (t) => {
    const problems = check(t, changes);
    const whole = (p) => p.startsWith(`${shown} (`) && p.includes('imports the crate root as a whole');
    assert.ok(problems.some(whole), problems.join('\n'));
  });
}

test('fails: code brought in by `include!` or a `#[path]` module, which the check cannot place', (t) => {
  const problems = check(t, {
    'text.rs': `include!("up.in");\n#[path = "up.in"]\nmod up;\n`,
    'up.in': `pub fn snippet() -> u32 {\n    crate::api::VERSION\n}\n`,
  });
  const unplaced = [
    '`include!` outside `#[cfg(test)]` (src/text.rs:1)',
    '`#[path` outside `#[cfg(test)]` (src/text.rs:2)',
  ];
  for (const start of unplaced) {
    assert.ok(problems.some((p) => p.startsWith(start)), problems.join('\n'));
  }
});

test('the real crate passes', () => {
  const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');
  assert.deepEqual(checkLayers(src).problems, []);
});
