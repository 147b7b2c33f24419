#!/usr/bin/env node
// The crate's layering, checked: every top-level module of src/ may use only modules in its own
// layer or below, and no two top-level modules may use each other, directly or round a cycle.
//   node scripts/layers.mjs          check src/; exit 1 with every violation listed
//   node scripts/layers.mjs --graph  also print the module graph (who uses whom)
// An edge is any `crate::m`, `$crate::m` or `use crate::{m, ...}` path outside comments, strings
// and `#[cfg(test)]` items (a test may drive the crate from its top). A path to an item the
// crate root defines itself (`crate::catalogue`) is an edge to `crate`; a root re-export
// (`crate::Report`) is an edge to the module it re-exports from.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The allowed order, top first: the one place it is written down. A module not listed fails.
const LAYERS = [
  ['wasm'], // the wasm-bindgen exports
  ['report_record'], // reports as the record the wasm glue reads; codes by catalogue index
  ['schema', 'schema_editor'], // the JSON Schemas, whose descriptions list every code
  ['crate'], // the crate root's own items: catalogue()
  ['api'], // the loosely typed options of the JavaScript API
  ['gij', 'xray'], // the two APIs: fields, rules, builders, responses
  ['request'], // the HTTP request a builder produces
  ['lang'], // the field languages with a grammar: Java regex, JMESPath, refspecs
  ['engine'], // the shared rule engine: body reading, field tables
  ['values'], // JSON value helpers: types, blanks, numbers
  ['json'], // JSON text: parsing with positions, duplicate keys, pointers
  // Masking secrets in values: it needs only the text rules below, and every layer above (json's
  // `Debug` of a parsed text included) shows values through it.
  ['redact'],
  // Small utilities: URLs, the memo, text helpers, "did you mean", name tables.
  ['url', 'memo', 'text', 'suggest', 'name_index'],
  ['diagnostics'], // diagnostics, codes, reports, secret text
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const layerOf = new Map(LAYERS.flatMap((mods, i) => mods.map((m) => [m, i])));

/** The text with comments, string and char literals blanked: each UTF-16 unit but a newline
 * becomes a space, so offsets into the result are offsets into the text. */
function codeOnly(text) {
  let out = '';
  let i = 0;
  const n = text.length;
  const blank = (s) => s.replace(/[^\n]/g, ' ');
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    let end = i + 1;
    if (c === '/' && next === '/') {
      end = text.indexOf('\n', i);
      if (end < 0) end = n;
    } else if (c === '/' && next === '*') {
      let depth = 1;
      end = i + 2;
      while (end < n && depth > 0) {
        if (text.startsWith('/*', end)) (depth += 1), (end += 2);
        else if (text.startsWith('*/', end)) (depth -= 1), (end += 2);
        else end += 1;
      }
    } else if (/[rb]/.test(c) && /^(?:b?r#*")/.test(text.slice(i, i + 260)) && !/\w/.test(text[i - 1] ?? '')) {
      const m = /^b?r(#*)"/.exec(text.slice(i, i + 260));
      const close = `"${m[1]}`;
      end = text.indexOf(close, i + m[0].length);
      end = end < 0 ? n : end + close.length;
    } else if (c === '"') {
      end = i + 1;
      while (end < n && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      end += 1;
    } else if (c === "'") {
      // A char literal ('x', '\n', '\u{1F600}'); otherwise a lifetime or label.
      const m = /^'(?:\\(?:u\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|.)|[^\\'\n])'/u.exec(text.slice(i, i + 16));
      if (m) end = i + m[0].length;
    }
    const piece = text.slice(i, end);
    out += end > i + 1 ? blank(piece) : piece;
    i = end;
  }
  return out;
}

/** `code` (the [codeOnly] of `raw`) without the items under `#[cfg(test)]`, and the test-only
 * modules it declares in files (`mod x;`, `#[path = "..."] mod x;`) as `{ name, pathAttr }`. */
function withoutTests(code, raw) {
  const testMods = [];
  let out = code;
  const attr = /#\[cfg\(test\)\]/g;
  let m;
  while ((m = attr.exec(out))) {
    let i = m.index + m[0].length;
    let depth = 0;
    let end = out.length;
    for (; i < out.length; i += 1) {
      const c = out[i];
      if (c === '{' || c === '(' || c === '[') depth += 1;
      else if (c === '}' || c === ')' || c === ']') {
        depth -= 1;
        if (depth === 0 && c === '}') {
          end = i + 1;
          break;
        }
      } else if (c === ';' && depth === 0) {
        end = i + 1;
        break;
      }
    }
    const item = out.slice(m.index, end);
    const modDecl = /^[^{]*\bmod\s+(\w+)\s*;$/s.exec(item);
    if (modDecl) {
      const pathAttr = /#\[path\s*=\s*"([^"]+)"\]/.exec(raw.slice(m.index, end));
      testMods.push({ name: modDecl[1], pathAttr: pathAttr?.[1] });
    }
    out = out.slice(0, m.index) + item.replace(/[^\n]/g, ' ') + out.slice(end);
    attr.lastIndex = m.index + 1;
  }
  return { code: out, testMods };
}

function rustFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.rs'))
    .map((f) => path.join(dir, f))
    .sort();
}

/** The top-level module a file belongs to (`crate` for lib.rs). */
function moduleOf(file) {
  const rel = path.relative(src, file).split(path.sep);
  return rel.length === 1 && rel[0] === 'lib.rs' ? 'crate' : rel[0].replace(/\.rs$/, '');
}

// Each file's code; a test-only module's files are left out.
const files = rustFiles(src);
const testOnly = new Set();
const parsed = new Map();
for (const file of files) {
  const raw = fs.readFileSync(file, 'utf8');
  const { code, testMods } = withoutTests(codeOnly(raw), raw);
  // `#[path]` is relative to the file's folder; `mod x;` of a.rs is a/x.rs or a/x/mod.rs.
  const owner = ['mod.rs', 'lib.rs'].includes(path.basename(file));
  const childDir = owner ? path.dirname(file) : file.replace(/\.rs$/, '');
  for (const { name, pathAttr } of testMods) {
    if (pathAttr) testOnly.add(path.join(path.dirname(file), pathAttr));
    else testOnly.add(path.join(childDir, `${name}.rs`)).add(path.join(childDir, name, 'mod.rs'));
  }
  parsed.set(file, code);
}

// The crate root: its own items, and the names it re-exports from each module.
const rootCode = parsed.get(path.join(src, 'lib.rs')) ?? '';
const reexport = new Map();
for (const m of rootCode.matchAll(/pub use (\w+)::(?:\{([^}]*)\}|([^;]+));/g)) {
  const names = (m[2] ?? m[3]).split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    const alias = /\bas\s+(\w+)$/.exec(name);
    reexport.set(alias ? alias[1] : name.split('::').pop(), m[1]);
  }
}
const modules = new Set(files.map(moduleOf));

/** The first segments after `crate::` in `code`, grouped imports included. */
function cratePaths(code) {
  const heads = [];
  const re = /(?<![\w:])\$?crate\s*::\s*(\{|\w+)/g;
  let m;
  while ((m = re.exec(code))) {
    if (m[1] !== '{') {
      heads.push({ name: m[1], at: m.index });
      continue;
    }
    // `crate::{a::b, c, d::{e, f}}`: the first segment of each top-level element.
    let depth = 0;
    let start = re.lastIndex;
    for (let i = re.lastIndex; i < code.length; i += 1) {
      const c = code[i];
      if (c === '{') depth += 1;
      else if ((c === ',' || c === '}') && depth === 0) {
        const head = /^\s*(\w+)/.exec(code.slice(start, i));
        if (head) heads.push({ name: head[1], at: start });
        start = i + 1;
        if (c === '}') break;
      } else if (c === '}') depth -= 1;
    }
  }
  return heads;
}

const edges = new Map(); // "from -> to" => first place seen
for (const [file, code] of parsed) {
  if (testOnly.has(file)) continue;
  const from = moduleOf(file);
  if (from === 'crate') continue; // the root declares and re-exports every module
  for (const { name, at } of cratePaths(code)) {
    const to = modules.has(name) ? name : (reexport.get(name) ?? 'crate');
    if (to === from || name === 'self') continue;
    const key = `${from} -> ${to}`;
    if (!edges.has(key)) {
      const line = code.slice(0, at).split('\n').length;
      edges.set(key, `${path.relative(root, file)}:${line}`);
    }
  }
}

const problems = [];
for (const m of modules) {
  if (!layerOf.has(m)) problems.push(`module \`${m}\` is in no layer: add it to LAYERS in scripts/layers.mjs`);
}
for (const [key, where] of edges) {
  const [from, to] = key.split(' -> ');
  if (layerOf.has(from) && layerOf.has(to) && layerOf.get(to) < layerOf.get(from)) {
    problems.push(`import up the layers: ${key} (${where})`);
  }
}

// Cycles between top-level modules: a depth-first search over the edges.
const out = new Map();
for (const key of edges.keys()) {
  const [from, to] = key.split(' -> ');
  if (!out.has(from)) out.set(from, []);
  out.get(from).push(to);
}
const state = new Map(); // 1 on the stack, 2 done
const stack = [];
const cycles = new Set();
function visit(m) {
  state.set(m, 1);
  stack.push(m);
  for (const next of (out.get(m) ?? []).sort()) {
    if (state.get(next) === 1) {
      const cycle = stack.slice(stack.indexOf(next)).concat(next);
      cycles.add(cycle.join(' -> '));
    } else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(m, 2);
}
for (const m of [...out.keys()].sort()) if (!state.has(m)) visit(m);
for (const c of cycles) {
  const mods = c.split(' -> ');
  const places = mods.slice(1).map((to, i) => edges.get(`${mods[i]} -> ${to}`));
  problems.push(`import cycle: ${c} (${places.join(', ')})`);
}

if (process.argv.includes('--graph')) {
  for (const key of [...edges.keys()].sort()) console.log(`${key}  (${edges.get(key)})`);
}
if (problems.length > 0) {
  for (const p of problems) console.error(`layers: ${p}`);
  process.exit(1);
}
console.log(`layers: ${modules.size} modules, ${edges.size} edges between them, no cycle, none up the layers`);
