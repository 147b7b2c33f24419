#!/usr/bin/env node
// jira-integration-payloads: validate, build, redact and describe integration payloads from the
// command line. Copied into pkg/ as the package's `bin`; it loads the package's own Node build, so
// it has no dependency beyond Node itself.
//
// Exit codes: 0 no error (with --strict: no warning either), 1 a payload has errors, 2 a usage or
// I/O problem (unknown command or option, missing file, unreadable directory).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const BIN = 'jira-integration-payloads';
const api = createRequire(import.meta.url)('./');

class UsageError extends Error {}
let current = null; // the command being run, for the usage hint

// --- Help --------------------------------------------------------------------------------------

const COMMON = `
API options:
  --api gij|xray         Git Integration for Jira (default) or JFrog Xray Jira integrations
  --operation OP         gij: add (default) or update; xray: create (default) or update
  --id ID                the id in the update URL: gij integrationId, xray connection_name
  --current FILE         gij update: the current integration (a GET response or the object),
                         so the checks see the state after the change`;

const HELP = {
  main: `Usage: ${BIN} <command> [options]

Validate and build the JSON bodies of the Git Integration for Jira and JFrog Xray Jira-integration
REST APIs before they reach the server.

Commands:
  validate [PATH...]     check payload files, directories, globs or - (stdin)
  build [FILE]           turn form-state JSON into the request (JSON or a curl line)
  redact [FILE]          print payloads with every secret replaced by [REDACTED]
  schema [NAME]          print the JSON Schema of a request body

Options:
  -h, --help             help for the command (${BIN} <command> --help)
  -V, --version          print the version

Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage or I/O problem.`,

  validate: `Usage: ${BIN} validate [options] PATH...

Checks every payload and prints its diagnostics. A PATH is a file, a directory (searched
recursively for *.json and *.ndjson), a glob in quotes ('payloads/**/*.json': * and ? match
within a name, ** any number of directories), or - for standard input (also read when no PATH
is given and input is piped). Directories and ** skip dot-directories and node_modules.

A file holds one payload (a JSON object), an array of payloads, or NDJSON (one payload per line;
*.ndjson files, or text whose lines are separate JSON values). Diagnostics point at the exact
line and column in the file.
${COMMON}
                         (gij update without --id: each payload's own "id" is used)

Output options:
  --format text|json|github
                         text (default): file:line:column: severity code path: message (fix)
                         json: an array of {file, index, line, ok, diagnostics}
                         github: workflow annotations (::error file=...,line=...::message)
  --strict               warnings also fail (exit 1)
  --info                 also print info-level recommendations (json always has them)
  -h, --help             this help

Colour is used on a terminal only; NO_COLOR turns it off, FORCE_COLOR on.
Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage or I/O problem.`,

  build: `Usage: ${BIN} build [options] [FILE|-]

Reads form state (a JSON object of field values: strings, "on", "10000, 10100", "" for unset)
and prints the request to send. Secrets are masked unless --include-secrets is given.
Diagnostics go to standard error; the request is printed only when there is no error.
${COMMON}
  --base-url URL         the Jira (gij) or JFrog platform (xray) base URL, for a full url

Output options:
  --format json|curl     json (default): {method, path, url?, headers, body}
                         curl: a curl command line (add your own authentication; without
                         --base-url the URL starts with $JIRA_BASE_URL or $JFROG_URL)
  --include-secrets      print passwords and tokens as they are (never in CI logs)
  --strict               warnings also fail (exit 1, nothing printed)
  --info                 also print info-level recommendations
  -h, --help             this help`,

  redact: `Usage: ${BIN} redact [options] [FILE|-]

Prints the payloads of FILE (or standard input) with every secret (password, pat, tokens,
credentials in URLs) replaced by [REDACTED]: an object, an array or NDJSON, in the same shape.

Options:
  --api gij|xray         which API's secrets to mask (default gij)
  -h, --help             this help`,

  schema: `Usage: ${BIN} schema [options] [NAME]

Prints the JSON Schema (draft 2020-12) of a request body. NAME is one of gij-add, gij-update,
xray-create, xray-update; without NAME, --api and --operation choose (default gij-add).
The schemas also ship as files: schemas/NAME.schema.json in the package.

Options:
  --api gij|xray         the API (default gij)
  --operation OP         gij: add or update; xray: create or update
  -h, --help             this help`,
};

// --- Arguments ---------------------------------------------------------------------------------

const OPTIONS = {
  validate: { api: 's', operation: 's', id: 's', current: 's', format: 's', strict: 'b', info: 'b' },
  build: {
    api: 's', operation: 's', id: 's', current: 's', 'base-url': 's', format: 's',
    'include-secrets': 'b', strict: 'b', info: 'b',
  },
  redact: { api: 's' },
  schema: { api: 's', operation: 's' },
};

function parseArgs(command, argv) {
  const spec = { ...OPTIONS[command], help: 'b' };
  const options = {};
  const positionals = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      options.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg} for ${command}`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name} for ${command}`);
    if (kind === 'b') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      options[name] = true;
    } else if (eq >= 0) {
      options[name] = arg.slice(eq + 1);
    } else if (i + 1 < argv.length) {
      options[name] = argv[++i];
    } else {
      throw new UsageError(`--${name} needs a value`);
    }
  }
  return { options, positionals };
}

function oneOf(name, value, allowed, fallback) {
  if (value === undefined) return fallback;
  if (!allowed.includes(value)) {
    throw new UsageError(`--${name} must be ${allowed.join(', ').replace(/, (?=[^,]*$)/, ' or ')}, not "${value}"`);
  }
  return value;
}

/** The API calls and options of --api/--operation/--id/--current. */
function apiChoice(options) {
  const which = oneOf('api', options.api, ['gij', 'xray'], 'gij');
  const gij = which === 'gij';
  const ops = gij ? ['add', 'update'] : ['create', 'update'];
  const operation = oneOf('operation', options.operation, ops, ops[0]);
  if (options.id !== undefined && operation !== 'update') {
    throw new UsageError('--id is only for --operation update');
  }
  if (options.current !== undefined && !(gij && operation === 'update')) {
    throw new UsageError('--current is only for --api gij --operation update');
  }
  const base = { operation };
  if (options.id !== undefined) base[gij ? 'integrationId' : 'connectionName'] = options.id;
  if (options.current !== undefined) {
    const text = readInput(options.current, '--current');
    try {
      base.current = JSON.parse(text);
    } catch {
      // JSON.parse's message quotes the text, which may hold a secret: report the position only.
      const d = api.validateIntegrationJson(text).diagnostics.find((x) => x.code === 'invalid-json' || x.code === 'input-too-large');
      const where = d?.line ? ` at line ${d.line}, column ${d.column}` : '';
      throw new IoError(`--current ${options.current} is not valid JSON${where}`);
    }
  }
  return {
    gij,
    operation,
    base,
    validateJson: gij ? api.validateIntegrationJson : api.validateXrayJiraIntegrationJson,
    build: gij ? api.buildIntegrationRequest : api.buildXrayJiraIntegrationRequest,
    redact: gij ? api.redactIntegration : api.redactXrayJiraIntegration,
  };
}

// --- Input -------------------------------------------------------------------------------------

class IoError extends Error {}

const STDIN = '<stdin>';

function readInput(file, what = file) {
  try {
    const text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (err) {
    throw new IoError(`cannot read ${what === '-' ? 'standard input' : what}: ${reason(err)}`);
  }
}

function reason(err) {
  const known = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a part of the path is not a directory',
  };
  return known[err.code] ?? err.message;
}

const hasMagic = (s) => /[*?]/.test(s);
const isPayloadFile = (name) => /\.(json|ndjson)$/i.test(name);
const skipDir = (name) => name.startsWith('.') || name === 'node_modules';

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

/** A regular expression for one path segment with `*` and `?` (no `/`); names starting with a
 * dot match only a pattern that starts with one, as in the shell. */
function segmentRegex(segment) {
  let re = '^';
  for (const c of segment) {
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`${re}$`);
}

/** Files matching a glob with `*`, `?` and `**` (any number of directories), sorted. */
function glob(pattern) {
  const normal = pattern.replaceAll('\\', '/');
  const absolute = normal.startsWith('/');
  const segments = normal.split('/').filter((s, i) => s !== '' && !(s === '.' && i > 0));
  let base = absolute ? '/' : '.';
  let i = 0;
  while (i < segments.length - 1 && !hasMagic(segments[i])) base = path.join(base, segments[i++]);
  const rest = segments.slice(i);
  const found = new Set();
  const visit = (dir, k) => {
    if (k >= rest.length) return;
    const seg = rest[k];
    const last = k === rest.length - 1;
    if (seg === '**') {
      if (!last) visit(dir, k + 1);
      for (const entry of list(dir)) {
        if (skipDir(entry.name)) continue;
        const full = path.join(dir, entry.name);
        const kind = entryKind(entry, full);
        if (kind === 'dir') visit(full, k);
        else if (kind === 'file' && last) found.add(full);
      }
      return;
    }
    if (!hasMagic(seg)) {
      const full = path.join(dir, seg);
      let st;
      try {
        st = fs.statSync(full);
      } catch {
        return;
      }
      if (last ? st.isFile() : st.isDirectory()) last ? found.add(full) : visit(full, k + 1);
      return;
    }
    const re = segmentRegex(seg);
    for (const entry of list(dir)) {
      if (entry.name.startsWith('.') && !seg.startsWith('.')) continue;
      if (!re.test(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const kind = entryKind(entry, full);
      if (last && kind === 'file') found.add(full);
      else if (!last && kind === 'dir') visit(full, k + 1);
    }
  };
  visit(base, 0);
  return [...found].sort();
}

function list(dir) {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return [];
    throw new IoError(`cannot read directory ${dir}: ${reason(err)}`);
  }
}

/** The files named by the PATH arguments, in order, without repeats, and the I/O problems. */
function expand(args) {
  const files = [];
  const errors = [];
  const seen = new Set();
  const add = (f) => {
    const key = f === '-' ? '-' : path.resolve(f);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(f);
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      add('-');
      continue;
    }
    try {
      let st;
      try {
        st = fs.statSync(arg);
      } catch (err) {
        if (err.code === 'ENOENT' && hasMagic(arg)) {
          const matches = glob(arg);
          if (matches.length === 0) throw new IoError(`no file matches ${arg}`);
          matches.forEach(add);
          continue;
        }
        throw new IoError(`cannot read ${arg}: ${reason(err)}`);
      }
      if (st.isDirectory()) {
        const found = [];
        const before = errors.length;
        walk(arg, found, new Set(), errors);
        if (found.length === 0 && errors.length === before) throw new IoError(`no *.json or *.ndjson file under ${arg}`);
        found.forEach(add);
      } else {
        add(arg);
      }
    } catch (err) {
      if (!(err instanceof IoError)) throw err;
      errors.push(err.message);
    }
  }
  return { files, errors };
}

// --- Payloads inside a file --------------------------------------------------------------------

const isJsonSpace = (c) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Start and end offsets of the elements of a well-formed top-level JSON array. */
function arrayElements(text) {
  const out = [];
  let i = 0;
  const skip = () => {
    while (i < text.length && isJsonSpace(text.charCodeAt(i))) i++;
  };
  skip();
  i++; // [
  for (;;) {
    skip();
    if (i >= text.length || text[i] === ']') break;
    const start = i;
    let depth = 0;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '"') {
        for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      } else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) break;
    }
    let end = i;
    while (end > start && isJsonSpace(text.charCodeAt(end - 1))) end--;
    out.push({ start, end });
    if (text[i] === ',') i++;
  }
  return out;
}

/** 1-based line and UTF-16 column of offsets, asked in increasing order. */
function positions(text) {
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

/**
 * The payloads of a file: {index, line, column, text}. `line`/`column` locate the payload's text
 * in the file, so diagnostics computed on `text` can be moved to file positions.
 */
function payloads(file, text) {
  const ndjson = () => {
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
  };
  const whole = () => {
    const lead = text.length - text.trimStart().length;
    const { line } = positions(text)(lead);
    return [{ index: 0, line, column: 1, text, whole: true }];
  };
  if (/\.ndjson$/i.test(file)) return ndjson();
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
    return firstIsValue && lines > 1 ? ndjson() : whole();
  }
  if (!Array.isArray(value)) return whole();
  const at = positions(text);
  return arrayElements(text).map(({ start, end }, index) => ({
    index,
    ...at(start),
    text: text.slice(start, end),
  }));
}

// --- Output ------------------------------------------------------------------------------------

function colours(stream) {
  const force = process.env.FORCE_COLOR;
  let on;
  if (force !== undefined && force !== '') on = force !== '0' && force !== 'false';
  else if (process.env.NO_COLOR) on = false;
  else on = Boolean(stream.isTTY);
  const wrap = (open, close) => (s) => (on ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return {
    error: wrap('1;31', '22;39'),
    warning: wrap('33', '39'),
    info: wrap('36', '39'),
    dim: wrap('2', '22'),
    bold: wrap('1', '22'),
  };
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function textLine(c, file, d) {
  const where = d.line !== undefined ? `${file}:${d.line}:${d.column}` : file;
  const path = d.path ? ` ${d.path}` : '';
  const fix = d.suggestion !== undefined ? ` (${d.suggestion})` : '';
  return `${c.bold(`${where}:`)} ${c[d.severity](d.severity)} ${c.dim(d.code)}${path}: ${d.message}${fix}`;
}

const escapeData = (s) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

function githubLine(file, d) {
  const kind = { error: 'error', warning: 'warning', info: 'notice' }[d.severity];
  const props = [];
  if (file !== STDIN) props.push(`file=${escapeProperty(file.replaceAll('\\', '/'))}`);
  if (d.line !== undefined) props.push(`line=${d.line}`, `col=${d.column}`);
  props.push(`title=${escapeProperty(d.code)}`);
  const path = d.path ? `${d.path}: ` : '';
  const fix = d.suggestion !== undefined ? ` (${d.suggestion})` : '';
  return `::${kind} ${props.join(',')}::${escapeData(`${path}${d.message}${fix}`)}`;
}

function progress(total) {
  if (total <= 200 || !process.stderr.isTTY) return { tick() {}, done() {} };
  let last = 0;
  return {
    tick(n) {
      const now = Date.now();
      if (now - last < 100 && n !== total) return;
      last = now;
      process.stderr.write(`\r\x1b[Kvalidating payload ${n} of ${total}`);
    },
    done() {
      process.stderr.write('\r\x1b[K');
    },
  };
}

// --- Commands ----------------------------------------------------------------------------------

function inputsOrStdin(positionals, command) {
  if (positionals.length > 0) return positionals;
  if (!process.stdin.isTTY) return ['-'];
  throw new UsageError(`${command} needs a file (or - for standard input)`);
}

function validate({ options, positionals }) {
  const format = oneOf('format', options.format, ['text', 'json', 'github'], 'text');
  const choice = apiChoice(options);
  const { files, errors: ioErrors } = expand(inputsOrStdin(positionals, 'validate'));
  const work = [];
  for (const file of files) {
    const name = file === '-' ? STDIN : file;
    try {
      work.push({ name, units: payloads(name, readInput(file)) });
    } catch (err) {
      if (!(err instanceof IoError)) throw err;
      ioErrors.push(err.message);
    }
  }
  const total = work.reduce((n, w) => n + w.units.length, 0);
  const bar = progress(total);
  const results = [];
  let done = 0;
  for (const { name, units } of work) {
    for (const unit of units) {
      const opts = { ...choice.base };
      if (choice.gij && choice.operation === 'update' && opts.integrationId === undefined) {
        opts.integrationId = ownId(unit.text);
      }
      const report = choice.validateJson(unit.text, opts);
      if (!unit.whole) for (const d of report.diagnostics) moveToFile(d, unit);
      results.push({ file: name, index: unit.index, line: unit.line, ok: report.ok, diagnostics: report.diagnostics });
      bar.tick(++done);
    }
  }
  bar.done();

  const count = { error: 0, warning: 0, info: 0 };
  for (const r of results) for (const d of r.diagnostics) count[d.severity]++;
  const shown = (d) => options.info || d.severity !== 'info';
  const out = [];
  if (format === 'json') {
    out.push(JSON.stringify(results, null, 2));
  } else {
    const c = format === 'text' ? colours(process.stdout) : null;
    for (const r of results) {
      for (const d of r.diagnostics.filter(shown).sort(byPosition)) {
        out.push(format === 'text' ? textLine(c, r.file, d) : githubLine(r.file, d));
      }
    }
    const parts = [plural(work.length, 'file'), plural(total, 'payload'), plural(count.error, 'error'), plural(count.warning, 'warning')];
    if (options.info) parts.push(plural(count.info, 'info'));
    out.push(parts.join(', '));
  }
  if (work.length > 0) process.stdout.write(`${out.join('\n')}\n`);
  for (const message of ioErrors) process.stderr.write(`${BIN}: ${message}\n`);
  if (ioErrors.length > 0) return 2;
  return count.error > 0 || (options.strict && count.warning > 0) ? 1 : 0;
}

/** Moves a diagnostic computed on a payload's own text to its position in the file. */
function moveToFile(d, unit) {
  if (d.line === undefined) return;
  if (d.line === 1) d.column += unit.column - 1;
  d.line += unit.line - 1;
  // A syntax error's message states its position; restate it in file terms.
  if (d.code === 'invalid-json' && typeof d.params?.reason === 'string' && /^Line \d+, column \d+: /.test(d.message)) {
    d.message = `Line ${d.line}, column ${d.column}: ${d.params.reason}`;
  }
}

const byPosition = (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/** The body's own `id` (update payloads kept in a repository carry it), if any. */
function ownId(text) {
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) && v.id != null ? v.id : undefined;
  } catch {
    return undefined;
  }
}

/** Parses one JSON file, or prints its invalid-json diagnostic (exact position) and returns null. */
function parseOrReport(choice, name, text) {
  try {
    return JSON.parse(text);
  } catch {
    const c = colours(process.stderr);
    const report = choice.validateJson(text, { operation: choice.operation });
    const diagnostics = report.diagnostics.filter((d) => d.code === 'invalid-json' || d.code === 'input-too-large');
    for (const d of diagnostics) process.stderr.write(`${textLine(c, name, d)}\n`);
    return null;
  }
}

function build({ options, positionals }) {
  const format = oneOf('format', options.format, ['json', 'curl'], 'json');
  const choice = apiChoice(options);
  const inputs = inputsOrStdin(positionals, 'build');
  if (inputs.length > 1) throw new UsageError('build reads one file');
  const name = inputs[0] === '-' ? STDIN : inputs[0];
  const form = parseOrReport(choice, name, readInput(inputs[0]));
  if (form === null) return 1;
  const opts = { ...choice.base };
  if (options['base-url'] !== undefined) opts.baseUrl = options['base-url'];
  const result = choice.build(form, opts);
  const c = colours(process.stderr);
  for (const d of result.diagnostics) {
    if (options.info || d.severity !== 'info') process.stderr.write(`${textLine(c, name, d)}\n`);
  }
  const warnings = result.diagnostics.some((d) => d.severity === 'warning');
  if (!result.ok || !result.request || (options.strict && warnings)) return 1;
  const request = { ...result.request };
  if (request.body !== undefined && !options['include-secrets']) request.body = choice.redact(request.body);
  process.stdout.write(`${format === 'curl' ? curl(request, choice.gij) : JSON.stringify(request, null, 2)}\n`);
  return 0;
}

const shellQuote = (s) => `'${s.replaceAll("'", `'\\''`)}'`;

function curl(request, gij) {
  const url = request.url !== undefined
    ? shellQuote(request.url)
    : `"$${gij ? 'JIRA_BASE_URL' : 'JFROG_URL'}"${shellQuote(request.path)}`;
  const parts = ['curl', '-X', request.method, url];
  for (const [k, v] of Object.entries(request.headers)) parts.push('-H', shellQuote(`${k}: ${v}`));
  if (request.body !== undefined) parts.push('--data-raw', shellQuote(JSON.stringify(request.body)));
  return parts.join(' ');
}

function redact({ options, positionals }) {
  const which = oneOf('api', options.api, ['gij', 'xray'], 'gij');
  const fn = which === 'gij' ? api.redactIntegration : api.redactXrayJiraIntegration;
  const inputs = inputsOrStdin(positionals, 'redact');
  if (inputs.length > 1) throw new UsageError('redact reads one file');
  const name = inputs[0] === '-' ? STDIN : inputs[0];
  const text = readInput(inputs[0]);
  const units = payloads(name, text);
  if (units.length === 1 && units[0].whole) {
    const choice = { validateJson: api.validateIntegrationJson, operation: 'add' };
    const value = parseOrReport(choice, name, text);
    if (value === null) return 1;
    process.stdout.write(`${JSON.stringify(redactAny(fn, value), null, 2)}\n`);
    return 0;
  }
  const values = [];
  let malformed = false;
  for (const unit of units) {
    try {
      values.push(JSON.parse(unit.text));
    } catch {
      malformed = true;
      const report = api.validateIntegrationJson(unit.text);
      const c = colours(process.stderr);
      for (const d of report.diagnostics) {
        moveToFile(d, unit);
        process.stderr.write(`${textLine(c, name, d)}\n`);
      }
    }
  }
  if (malformed) return 1;
  const ndjson = !text.trimStart().startsWith('[');
  const out = ndjson
    ? values.map((v) => JSON.stringify(redactAny(fn, v))).join('\n')
    : JSON.stringify(values.map((v) => redactAny(fn, v)), null, 2);
  process.stdout.write(`${out}\n`);
  return 0;
}

function redactAny(fn, value) {
  return Array.isArray(value) ? value.map((v) => redactAny(fn, v)) : fn(value);
}

function schema({ options, positionals }) {
  if (positionals.length > 1) throw new UsageError('schema takes at most one NAME');
  let name = positionals[0];
  if (name === undefined) {
    const which = oneOf('api', options.api, ['gij', 'xray'], 'gij');
    const ops = which === 'gij' ? ['add', 'update'] : ['create', 'update'];
    name = `${which}-${oneOf('operation', options.operation, ops, ops[0])}`;
  } else if (options.api !== undefined || options.operation !== undefined) {
    throw new UsageError('give either NAME or --api/--operation');
  }
  const names = ['gij-add', 'gij-update', 'xray-create', 'xray-update'];
  if (!names.includes(name)) throw new UsageError(`unknown schema "${name}"; the names are ${names.join(', ')}`);
  const value = api.jsonSchema(name);
  if (value == null) throw new UsageError(`the schema ${name} is not available in this build of the package`);
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  return 0;
}

const COMMANDS = { validate, build, redact, schema };

function main(argv) {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !HELP[topic]) throw new UsageError(`unknown command "${topic}"`);
    // No command at all is a usage error: the help goes to standard error.
    (command === undefined ? process.stderr : process.stdout).write(`${HELP[topic ?? 'main']}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '-V' || command === '--version') {
    process.stdout.write(`${api.version()}\n`);
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    throw new UsageError(command.startsWith('-') ? `unknown option ${command}` : `unknown command "${command}"`);
  }
  current = command;
  const args = parseArgs(command, rest);
  if (args.options.help) {
    process.stdout.write(`${HELP[command]}\n`);
    return 0;
  }
  return COMMANDS[command](args);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError) {
    const help = current ? `${BIN} ${current} --help` : `${BIN} --help`;
    process.stderr.write(`${BIN}: ${err.message}\nRun '${help}' for usage.\n`);
    process.exitCode = 2;
  } else if (err instanceof IoError) {
    process.stderr.write(`${BIN}: ${err.message}\n`);
    process.exitCode = 2;
  } else {
    throw err;
  }
}
