#!/usr/bin/env node
// The crate's layering, checked: every top-level module of src/ may use only modules in its own
// layer or below, and no two top-level modules may use each other, directly or round a cycle.
//   node scripts/layers.mjs             check src/; exit 1 with every violation listed
//   node scripts/layers.mjs --graph     also print the module graph (who uses whom)
//   node scripts/layers.mjs --src DIR   check the crate source in DIR instead
// An edge is a path outside comments, strings and `#[cfg(test)]` items (a test may drive the
// crate from its top) that starts at `crate::`, `$crate::`, `self::` or a chain of `super::`,
// grouped imports included: each is resolved from the module it is written in (its file's place
// in src/, then the inline `mod x { }` around it) to the top-level module it reaches. A path to
// an item the root defines itself (`crate::catalogue`) is an edge to `crate`; to a root import
// (`crate::Report`), an edge to the module it comes from. The root's own items (lib.rs without
// its `mod` and `use` lines, which declare the tree) are the `crate` layer: a module named there
// bare (`json::CODES`) or a name it imports is an edge. A `macro_rules!` expands where it is
// invoked, so the paths in its body are also resolved from each place invoking it by name.
// Importing the root as a whole (`use super::*` or `use crate::*` reaching it, `use crate as x`,
// `crate::{self as x}`, `extern crate self`) fails: what is used through it could not be checked;
// so do `include!` and a `#[path]` module outside tests, whose code the check cannot place.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The allowed order, top first: the one place it is written down. A module not listed fails.
export const LAYERS = [
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

/** A file's module path from the crate root: `src/gij/rules/origin.rs` and
 * `src/gij/rules/origin/mod.rs` are `['gij', 'rules', 'origin']`, `src/lib.rs` is `[]`. */
function modulePath(src, file) {
  const segments = path.relative(src, file).replace(/\.rs$/, '').split(path.sep);
  if (segments.length === 1 && segments[0] === 'lib') return [];
  if (segments.at(-1) === 'mod') segments.pop();
  return segments;
}

/** The offset just past the bracket closing the one at `open` (or the end of `code`). */
function closing(code, open) {
  let depth = 0;
  for (let i = open; i < code.length; i += 1) {
    if ('{(['.includes(code[i])) depth += 1;
    else if ('})]'.includes(code[i]) && --depth === 0) return i + 1;
  }
  return code.length;
}

/** The inline modules (`mod x { ... }`) of `code` as `{ name, from, to }`. */
function inlineModules(code) {
  return [...code.matchAll(/\bmod\s+(\w+)\s*\{/g)].map((m) => {
    const open = m.index + m[0].length - 1;
    return { name: m[1], from: open, to: closing(code, open) };
  });
}

// `crate`, `$crate`, `super` or `self`, more `::super`, then a group, a glob, a name or ` as alias`.
const KEYWORD_PATH = new RegExp(
  String.raw`(?<![\w:$])(?:(\$crate|crate|super)|(self))((?:\s*::\s*super\b)*)` +
    String.raw`(?:\s*::\s*(?:(\{)|(\*)|(?!(?:super|self)\b)(\w+))|\s+as\s+\w+)?`,
  'g',
);

/** Every path in `code` that starts at `crate`, `$crate`, `super` or `self`, resolved against the
 * module at its place (`file` nested in the inline modules around it): `{ at, head }` for a path
 * to a top-level module or root item `head`, `{ at, top }` for one that stays inside top-level
 * module `top`, `{ at, rootAlias }` for a glob or an alias of the crate root. */
function keywordPaths(code, file) {
  const found = [];
  const inline = inlineModules(code);
  const re = new RegExp(KEYWORD_PATH);
  let m;
  while ((m = re.exec(code))) {
    const [text, rootKeyword, selfKeyword, supers, group, glob, head] = m;
    const at = m.index;
    const tailless = !group && !glob && !head;
    if (tailless && !/\sas\s/.test(text)) continue; // `pub(crate)`, `self.x`, `pub(super)`
    // `self as u8` is a cast but for `use self as x` (`{self as x}` is its group's prefix).
    if (tailless && selfKeyword && !/\buse\s+$/.test(code.slice(Math.max(0, at - 16), at))) continue;
    let place = [];
    if (rootKeyword === 'super' || selfKeyword) {
      place = file.concat(inline.filter((r) => r.from < at && at < r.to).map((r) => r.name));
    }
    const ups = (rootKeyword === 'super' ? 1 : 0) + (supers.match(/super/g)?.length ?? 0);
    if (ups > place.length) continue; // past the root: rustc rejects it
    place = place.slice(0, place.length - ups);
    if (place.length > 0) {
      found.push({ at, top: place[0] });
      continue;
    }
    if (tailless || glob) {
      found.push({ at, rootAlias: text.replace(/\s+/g, ' ') });
    } else if (head) {
      found.push({ at, head });
    } else {
      // `crate::{a::b, c, self as x, *, {d, e}}`: the first segment of each element.
      const end = closing(code, re.lastIndex - 1);
      for (const { at: start, element } of groupElements(code, re.lastIndex - 1)) {
        const first = /^(\w+|\*)/.exec(element)?.[1];
        if (first === 'self' || first === '*') found.push({ at: start, rootAlias: `${text}${element}}` });
        else if (first) found.push({ at: start, head: first });
      }
      re.lastIndex = end;
    }
  }
  return found;
}

/** The elements of the use group whose `{` is at `open` in `code`, as `{ at, element }`; those of
 * a nested group without a prefix (`{{a, b}}`) are its own. */
function groupElements(code, open) {
  const elements = [];
  const end = closing(code, open) - 1;
  let start = open + 1;
  let depth = 0;
  for (let i = start; i <= end; i += 1) {
    const c = code[i];
    if (c === '{' && depth++ === 0 && /^\s*$/.test(code.slice(start, i))) {
      elements.push(...groupElements(code, i));
    } else if (c === '}' && i < end) depth -= 1;
    else if ((c === ',' || i === end) && depth === 0) {
      const element = code.slice(start, i).trim();
      if (element && !element.startsWith('{')) elements.push({ at: start, element });
      start = i + 1;
    }
  }
  return elements;
}

/** `code` with its `mod` declarations and `use` items blanked, and the names those `use` items
 * bring into scope mapped to the module they come from (`Report` => `diagnostics`); a glob
 * (`use m::*`) maps `*` => `m`. For the crate root: what its own items use. */
function rootItems(code, modules) {
  const names = new Map();
  const blankAt = [];
  const declarations = /(?<![\w:])(?:pub(?:\s*\([^)]*\))?\s+)?(?:use\s+([^;]+)|mod\s+\w+\s*);/g;
  for (const m of code.matchAll(declarations)) {
    blankAt.push([m.index, m.index + m[0].length]);
    const tree = (m[1] ?? '').replace(/\s+/g, ' ').trim();
    const from = /^(?:(?:crate|self) ?:: ?)?(\w+)/.exec(tree)?.[1];
    if (!from || !modules.has(from)) continue;
    const rest = tree.replace(/^[^{]*?::\s*(?=\{)/, '').replace(/^\{|\}$/g, '');
    const leaves = rest.includes('{') || tree.includes('{') ? rest.split(',') : [tree];
    for (const leaf of leaves.map((s) => s.trim()).filter(Boolean)) {
      const alias = /\bas (\w+)$/.exec(leaf)?.[1];
      names.set(alias ?? leaf.split('::').pop().replace(/[{}\s]/g, ''), from);
    }
  }
  let own = code;
  for (const [from, to] of blankAt) {
    own = own.slice(0, from) + own.slice(from, to).replace(/[^\n]/g, ' ') + own.slice(to);
  }
  return { own, names };
}

/** The macros defined with `macro_rules!` in `code` as `{ name, body }`. */
function macros(code) {
  return [...code.matchAll(/\bmacro_rules!\s*(\w+)\s*([{([])/g)].map((m) => {
    const open = m.index + m[0].length - 1;
    return { name: m[1], body: { from: open, to: closing(code, open) } };
  });
}

/** The code of every `.rs` file in `src` that is not test-only (file => code): comments,
 * strings and `#[cfg(test)]` items blanked, and the files of modules declared under it dropped. */
function readCrate(src) {
  const testOnly = new Set();
  const parsed = new Map();
  for (const file of rustFiles(src)) {
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
  for (const file of testOnly) parsed.delete(file);
  return parsed;
}

const ROOT_WHOLE =
  'imports the crate root as a whole, so the modules used through it are not checked: ' +
  'import each module by its `crate::` path';

/** The layering of the crate in `src`: its top-level modules, the edges between them
 * ("from -> to" => first place seen) and every violation found. */
export function checkLayers(src, layers = LAYERS) {
  const parsed = readCrate(src);
  const problems = [];
  const base = path.dirname(src);
  const where = (file, code, at) => `${path.relative(base, file)}:${code.slice(0, at).split('\n').length}`;
  const topOf = (file) => modulePath(src, file)[0] ?? 'crate';
  const modules = new Set([...parsed.keys()].map(topOf));
  const root = rootItems(parsed.get(path.join(src, 'lib.rs')) ?? '', modules);
  const edges = new Map();
  const edge = (from, to, place) => {
    const key = `${from} -> ${to}`;
    if (to !== from && !edges.has(key)) edges.set(key, place);
  };
  // A name under the root: a module, a root import (the module it comes from), a root item.
  const target = (name) => (modules.has(name) ? name : (root.names.get(name) ?? 'crate'));

  for (const [file, fileCode] of parsed) {
    const inModule = modulePath(src, file);
    const from = topOf(file);
    // The root's `mod` and `use` lines declare the tree; only its own items use modules.
    const code = from === 'crate' ? root.own : fileCode;
    const at = (m) => where(file, code, m.index);
    for (const m of code.matchAll(/#\[path\b|\binclude!/g)) {
      const unplaced = 'what it brings in is not checked where it lands';
      problems.push(`\`${m[0]}\` outside \`#[cfg(test)]\` (${at(m)}): ${unplaced}`);
    }
    for (const m of code.matchAll(/\bextern\s+crate\s+self\b/g)) {
      problems.push(`\`extern crate self\` outside \`#[cfg(test)]\` (${at(m)}) ${ROOT_WHOLE}`);
    }
    const paths = keywordPaths(code, inModule);
    // The root's `use` lines may still import the root as a whole.
    if (from === 'crate') paths.push(...keywordPaths(fileCode, inModule).filter((p) => p.rootAlias));
    for (const p of paths) {
      if (p.rootAlias) problems.push(`\`${p.rootAlias}\` (${where(file, code, p.at)}) ${ROOT_WHOLE}`);
      else edge(from, p.top ?? target(p.head), where(file, code, p.at));
    }
    if (from === 'crate') {
      // In the root a module is named bare (`json::CODES`), an imported item by its own name.
      for (const m of code.matchAll(/(?<![\w:$.])(\w+)\b(?=\s*::)/g)) {
        if (modules.has(m[1])) edge(from, m[1], at(m));
      }
      for (const [name, module] of root.names) {
        const used = name === '*' ? { index: 0 } : new RegExp(`(?<![\\w:$.])${name}\\b`).exec(code);
        if (used) edge(from, module, at(used));
      }
    }
  }
  for (const { file, code, at, name, path: p } of macroExpansions(src, parsed)) {
    const place = where(file, code, at);
    if (p.rootAlias) problems.push(`\`${p.rootAlias}\` (in \`${name}!\` at ${place}) ${ROOT_WHOLE}`);
    else edge(topOf(file), p.top ?? target(p.head), place);
  }
  return { modules, edges, problems: [...new Set(problems)].concat(violations(modules, edges, layers)) };
}

/** Each path a `macro_rules!` invocation expands to, resolved from the place invoking it as
 * rustc does for all but `$crate` (the root anyway), through the macros it invokes in turn:
 * `{ file, code, at, name, path }`, `path` as [keywordPaths] gives it. */
function macroExpansions(src, parsed) {
  const bodies = new Map(); // macro name => the bodies of its definitions
  for (const code of parsed.values()) {
    for (const { name, body } of macros(code)) {
      bodies.set(name, [...(bodies.get(name) ?? []), code.slice(body.from, body.to)]);
    }
  }
  // A macro imported under another name (`use crate::version as v;`) is invoked by that name.
  for (const code of parsed.values()) {
    for (const [, name, alias] of code.matchAll(/\b(\w+)\s+as\s+(\w+)/g)) {
      if (bodies.has(name)) bodies.set(alias, [...(bodies.get(alias) ?? []), ...bodies.get(name)]);
    }
  }
  const invocation = new RegExp(String.raw`(?<![\w$])(\w+)\s*!(?!=)`, 'g');
  const expansion = (name, place, seen) => {
    if (seen.has(name) || !bodies.has(name)) return [];
    seen.add(name);
    return bodies.get(name).flatMap((body) => [
      ...keywordPaths(body, place),
      ...[...body.matchAll(invocation)].flatMap((m) => expansion(m[1], place, seen)),
    ]);
  };
  const found = [];
  for (const [file, code] of parsed) {
    const inline = inlineModules(code);
    for (const m of code.matchAll(invocation)) {
      const around = inline.filter((r) => r.from < m.index && m.index < r.to).map((r) => r.name);
      for (const p of expansion(m[1], modulePath(src, file).concat(around), new Set())) {
        found.push({ file, code, at: m.index, name: m[1], path: p });
      }
    }
  }
  return found;
}

/** The modules in no layer, the edges up the layers and the cycles. */
function violations(modules, edges, layers) {
  const layerOf = new Map(layers.flatMap((mods, i) => mods.map((m) => [m, i])));
  const problems = [];
  for (const m of modules) {
    if (!layerOf.has(m)) problems.push(`module \`${m}\` is in no layer: add it to LAYERS in scripts/layers.mjs`);
  }
  for (const [key, place] of edges) {
    const [from, to] = key.split(' -> ');
    if (layerOf.has(from) && layerOf.has(to) && layerOf.get(to) < layerOf.get(from)) {
      problems.push(`import up the layers: ${key} (${place})`);
    }
  }
  for (const cycle of cycles(edges)) {
    const mods = cycle.split(' -> ');
    const places = mods.slice(1).map((to, i) => edges.get(`${mods[i]} -> ${to}`));
    problems.push(`import cycle: ${cycle} (${places.join(', ')})`);
  }
  return problems;
}

/** The cycles among the edges ("a -> b -> a"), by a depth-first search. */
function cycles(edges) {
  const out = new Map();
  for (const key of edges.keys()) {
    const [from, to] = key.split(' -> ');
    if (!out.has(from)) out.set(from, []);
    out.get(from).push(to);
  }
  const state = new Map(); // 1 on the stack, 2 done
  const stack = [];
  const found = new Set();
  const visit = (m) => {
    state.set(m, 1);
    stack.push(m);
    for (const next of (out.get(m) ?? []).sort()) {
      if (state.get(next) === 1) found.add(stack.slice(stack.indexOf(next)).concat(next).join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(m, 2);
  };
  for (const m of [...out.keys()].sort()) if (!state.has(m)) visit(m);
  return found;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--src');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const src = at > 0 ? path.resolve(process.argv[at + 1]) : path.join(here, '..', 'src');
  const { modules, edges, problems } = checkLayers(src);
  if (process.argv.includes('--graph')) {
    for (const key of [...edges.keys()].sort()) console.log(`${key}  (${edges.get(key)})`);
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(`layers: ${p}`);
    process.exit(1);
  }
  console.log(`layers: ${modules.size} modules, ${edges.size} edges between them, no cycle, none up the layers`);
}
