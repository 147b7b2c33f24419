// @ts-check
// Inputs: files, directories, globs (tinyglobby) and standard input, read within a size limit,
// and the payloads inside a file (an object, an array, NDJSON) with their positions.
import fs from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

/** An input or output problem: exit 2 with the message. */
export class IoError extends Error {}

export const STDIN = '<stdin>';

/** The largest input read, file or standard input: far above any batch of payloads (10,000
 * NDJSON payloads are about 2 MB), far below what a string can hold. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
const MIB = MAX_INPUT_BYTES / (1024 * 1024);

export function reason(err) {
  const known = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a part of the path is not a directory',
  };
  return known[err.code] ?? err.message;
}

const tooLarge = (what) => new IoError(`${what} is larger than ${MIB} MiB; split it into smaller files`);

/** Standard input up to the limit; a pipe that never ends (`cat /dev/zero |`) stops there. */
function readStdin() {
  const chunks = [];
  let total = 0;
  const buffer = Buffer.alloc(1 << 16);
  for (;;) {
    let n;
    try {
      n = fs.readSync(0, buffer, 0, buffer.length, null);
    } catch (err) {
      if (err.code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (err.code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw tooLarge('standard input');
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A regular file up to the limit; devices, FIFOs and sockets (`/dev/zero`) are refused. */
function readFile(file) {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (!st.isFile()) throw new IoError(`${file} is not a regular file`);
    if (st.size > MAX_INPUT_BYTES) throw tooLarge(file);
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The text of a file or of standard input (`-`), without its byte order mark. Only one is dropped,
 * as the library does: a second stays, so the library reports it as invalid JSON.
 */
export function readInput(file, what = file) {
  try {
    const text = file === '-' ? readStdin() : readFile(file);
    const oneMark = text.charCodeAt(0) === 0xfeff && text.charCodeAt(1) !== 0xfeff;
    return oneMark ? text.slice(1) : text;
  } catch (err) {
    if (err instanceof IoError) throw err;
    throw new IoError(`cannot read ${what === '-' ? 'standard input' : what}: ${reason(err)}`);
  }
}

const isPayloadFile = (name) => /\.(json|ndjson)$/i.test(name);
const skipDir = (name) => name.startsWith('.') || name === 'node_modules';

function entryKind(entry, full) {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  if (entry.isSymbolicLink()) {
    try {
      const st = fs.statSync(full);
      return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
    } catch {
      return 'other';
    }
  }
  return 'other';
}

/** Files under `dir`, recursively, sorted; symlinked directories are followed once. A directory
 * that cannot be read is an error in `errors`; the walk goes on with the others. */
function walk(dir, out, seen, errors) {
  let entries;
  try {
    const real = fs.realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    errors.push(`cannot read directory ${dir}: ${reason(err)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const kind = entryKind(entry, full);
    if (kind === 'dir' && !skipDir(entry.name)) walk(full, out, seen, errors);
    else if (kind === 'file' && isPayloadFile(entry.name)) out.push(full);
  }
}

/** Files matching a glob (tinyglobby: `*`, `?`, `**`, `[...]`, `{a,b}`), sorted; dot-names and
 * node_modules only when the pattern names them. */
function glob(pattern) {
  const ignore = pattern.includes('node_modules') ? [] : ['**/node_modules/**'];
  return globSync([pattern.replaceAll('\\', '/')], { ignore, expandDirectories: false, onlyFiles: true }).sort();
}

/** The files named by PATH arguments, in order, without repeats, and the I/O problems. A PATH
 * starting with `!` is a glob whose files are left out, wherever the others came from. */
export function expand(args) {
  const files = [];
  const errors = [];
  const seen = new Set();
  const excluded = new Set();
  for (const arg of args.filter((a) => a.length > 1 && a.startsWith('!'))) {
    for (const f of glob(arg.slice(1))) excluded.add(path.resolve(f));
  }
  const add = (f) => {
    const key = f === '-' ? '-' : path.resolve(f);
    if (!seen.has(key) && !excluded.has(key)) {
      seen.add(key);
      files.push(f);
    }
  };
  for (const arg of args) {
    if (arg.length > 1 && arg.startsWith('!')) continue;
    try {
      addPath(arg, add, errors);
    } catch (err) {
      if (!(err instanceof IoError)) throw err;
      errors.push(err.message);
    }
  }
  return { files, errors };
}

function addPath(arg, add, errors) {
  if (arg === '-') return add('-');
  let st;
  try {
    st = fs.statSync(arg);
  } catch (err) {
    if (err.code === 'ENOENT' && isDynamicPattern(arg.replaceAll('\\', '/'))) {
      const matches = glob(arg);
      if (matches.length === 0) throw new IoError(`no file matches ${arg}`);
      return matches.forEach(add);
    }
    throw new IoError(`cannot read ${arg}: ${reason(err)}`);
  }
  if (st.isDirectory()) {
    const found = [];
    const before = errors.length;
    walk(arg, found, new Set(), errors);
    if (found.length === 0 && errors.length === before) throw new IoError(`no *.json or *.ndjson file under ${arg}`);
    return found.forEach(add);
  }
  if (!st.isFile()) throw new IoError(`${arg} is not a regular file`);
  return add(arg);
}

// --- Payloads inside a file --------------------------------------------------------------------

const isJsonSpace = (c) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The end of the JSON value starting at `i` in well-formed text (a `,`, `]` or `}` at depth 0). */
function valueEnd(text, i) {
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = closingQuote(text, i);
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) break;
  }
  return i;
}

/** Start and end offsets of the elements of a well-formed top-level JSON array (or, with
 * `keys`, of the members of an object: {key, start, end} of each value). */
export function elements(text, keys = false) {
  const out = [];
  let i = 0;
  const skip = () => {
    while (i < text.length && isJsonSpace(text.charCodeAt(i))) i++;
  };
  skip();
  i++; // [ or {
  for (;;) {
    skip();
    if (i >= text.length || text[i] === ']' || text[i] === '}') break;
    let key;
    if (keys) {
      const close = closingQuote(text, i);
      key = JSON.parse(text.slice(i, close + 1));
      i = text.indexOf(':', close + 1) + 1;
      skip();
    }
    const start = i;
    i = valueEnd(text, i);
    let end = i;
    while (end > start && isJsonSpace(text.charCodeAt(end - 1))) end--;
    out.push(keys ? { key, start, end } : { start, end });
    if (text[i] === ',') i++;
  }
  return out;
}

function closingQuote(text, i) {
  for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
  return i;
}

/** 1-based line and UTF-16 column of offsets, asked in increasing order. */
export function positions(text) {
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  return (target) => {
    for (; offset < target; offset++) {
      if (text.charCodeAt(offset) === 0x0a) {
        line++;
        lineStart = offset + 1;
      }
    }
    return { line, column: target - lineStart + 1 };
  };
}

function firstNonBlankLine(text) {
  for (const line of text.split('\n', 50)) if (line.trim() !== '') return line;
  return undefined;
}

function ndjson(text) {
  const out = [];
  let lineStart = 0;
  let lineNo = 0;
  while (lineStart <= text.length) {
    let nl = text.indexOf('\n', lineStart);
    if (nl < 0) nl = text.length;
    lineNo++;
    let line = text.slice(lineStart, nl);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() !== '') out.push({ index: out.length, line: lineNo, column: 1, text: line });
    lineStart = nl + 1;
  }
  return out;
}

/**
 * The payloads of a file: {index, line, column, text}. `line`/`column` locate the payload's text
 * in the file, so diagnostics computed on `text` can be moved to file positions.
 */
export function payloads(file, text) {
  const whole = () => {
    const lead = text.length - text.trimStart().length;
    const { line } = positions(text)(lead);
    return [{ index: 0, line, column: 1, text, whole: true }];
  };
  if (/\.ndjson$/i.test(file)) return ndjson(text);
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    // Not one JSON value: NDJSON when the first line is a value of its own and more lines follow.
    const first = firstNonBlankLine(text);
    let firstIsValue = false;
    try {
      JSON.parse(first ?? '');
      firstIsValue = true;
    } catch {
      /* not NDJSON */
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '').length;
    return firstIsValue && lines > 1 ? ndjson(text) : whole();
  }
  if (!Array.isArray(value)) return whole();
  const at = positions(text);
  return elements(text).map(({ start, end }, index) => ({
    index,
    ...at(start),
    text: text.slice(start, end),
  }));
}

/** Moves a diagnostic computed on a payload's own text to its position in the file. */
export function moveToFile(d, unit) {
  if (d.line === undefined) return;
  if (d.line === 1) d.column += unit.column - 1;
  d.line += unit.line - 1;
  // A syntax error's message states its position; restate it in file terms.
  if (d.code === 'invalid-json' && typeof d.params?.reason === 'string' && /^Line \d+, column \d+: /.test(d.message)) {
    d.message = `Line ${d.line}, column ${d.column}: ${d.params.reason}`;
  }
}

/**
 * Gives the diagnostics of a build from form `text` (a well-formed JSON object) the line and
 * column of the field they name: the value of `/field`, else the object itself (a missing field).
 */
export function locateInForm(text, diagnostics) {
  const start = text.length - text.trimStart().length;
  const members = text.trimStart().startsWith('{') ? elements(text, true) : [];
  const where = new Map(members.map((m) => [m.key, m.start]));
  const offsets = diagnostics.map((d) => {
    const key = typeof d.path === 'string' ? d.path.split('/')[1]?.replaceAll('~1', '/').replaceAll('~0', '~') : undefined;
    return where.get(key) ?? start;
  });
  const order = offsets.map((o, i) => [o, i]).sort((a, b) => a[0] - b[0]);
  const at = positions(text);
  for (const [offset, i] of order) Object.assign(diagnostics[i], at(offset));
}
