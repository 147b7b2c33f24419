// @ts-check
// Output formats of `validate`: text, json, github (workflow annotations), sarif (SARIF 2.1.0,
// for code scanning) and junit (the JUnit XML that CI systems read); and the colours of text.
// Every format reads results: [{file, index, line, ok, diagnostics}], diagnostics in file terms.
import { STDIN } from './inputs.mjs';

/** Colour functions for `stream`: FORCE_COLOR wins, then NO_COLOR and TERM=dumb turn it off,
 * else colour only on a terminal. */
export function colours(stream) {
  const force = process.env.FORCE_COLOR;
  let on;
  if (force !== undefined && force !== '') on = force !== '0' && force !== 'false';
  else if (process.env.NO_COLOR || process.env.TERM === 'dumb') on = false;
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

export const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const fixOf = (d) => (d.suggestion !== undefined ? ` (${d.suggestion})` : '');

/** `file:line:column: severity code path: message (suggestion)`. */
export function textLine(c, file, d) {
  const where = d.line !== undefined ? `${file}:${d.line}:${d.column}` : file;
  const path = d.path ? ` ${d.path}` : '';
  return `${c.bold(`${where}:`)} ${c[d.severity](d.severity)} ${c.dim(d.code)}${path}: ${d.message}${fixOf(d)}`;
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
  return `::${kind} ${props.join(',')}::${escapeData(`${path}${d.message}${fixOf(d)}`)}`;
}

const byPosition = (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/** Text or github lines, then (text, unless quiet) the summary. */
function lines(format, results, summary, ctx) {
  const c = format === 'text' ? colours(ctx.stream) : null;
  const out = [];
  for (const r of results) {
    for (const d of r.diagnostics.filter(ctx.shown).sort(byPosition)) {
      out.push(format === 'text' ? textLine(c, r.file, d) : githubLine(r.file, d));
    }
  }
  if (!ctx.quiet) out.push(summary);
  return out.join('\n');
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' };
const posix = (file) => file.replaceAll('\\', '/');

/** A SARIF 2.1.0 log: one run, the catalogue as the driver's rules, a result per diagnostic. */
function sarif(results, ctx) {
  const rules = ctx.catalogue.map((r) => ({
    id: r.code,
    shortDescription: { text: r.summary },
    defaultConfiguration: { level: LEVEL[r.severity] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const out = [];
  for (const r of results) {
    for (const d of r.diagnostics.filter(ctx.shown).sort(byPosition)) {
      const result = { ruleId: d.code, level: LEVEL[d.severity], message: { text: `${d.path ? `${d.path}: ` : ''}${d.message}${fixOf(d)}` } };
      if (index.has(d.code)) result.ruleIndex = index.get(d.code);
      if (r.file !== STDIN) {
        const physicalLocation = { artifactLocation: { uri: encodeURI(posix(r.file)) } };
        if (d.line !== undefined) physicalLocation.region = { startLine: d.line, startColumn: d.column };
        result.locations = [{ physicalLocation }];
      }
      out.push(result);
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: ctx.bin, version: ctx.version, semanticVersion: ctx.version, rules } },
      columnKind: 'utf16CodeUnits',
      results: out,
    }],
  };
  return JSON.stringify(log, null, 2);
}

// XML 1.0 allows tab, newline and carriage return of the C0 controls; the others are dropped.
const xml = (s) => String(s)
  .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '')
  .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
  .replaceAll('"', '&quot;').replaceAll("'", '&apos;');

/** JUnit XML: a testsuite per file, a testcase per payload; a payload fails on an error (or a
 * warning when warnings fail), and every shown diagnostic is in its failure or system-out. */
function junit(results, ctx) {
  const files = new Map();
  for (const r of results) files.set(r.file, [...(files.get(r.file) ?? []), r]);
  const suites = [];
  let tests = 0;
  let failures = 0;
  for (const [file, payloads] of files) {
    const cases = payloads.map((r) => {
      const shown = r.diagnostics.filter(ctx.shown).sort(byPosition);
      const failing = shown.filter((d) => d.severity === 'error' || (ctx.warningsFail && d.severity === 'warning'));
      const text = shown.map((d) => textLine(ctx.plain, file, d)).join('\n');
      const name = `payload ${r.index + 1} (line ${r.line})`;
      const open = `    <testcase classname="${xml(file)}" name="${xml(name)}"`;
      if (failing.length > 0) {
        const first = failing[0];
        return `${open}>\n      <failure message="${xml(`${first.code}: ${first.message}`)}" type="${xml(first.code)}">${xml(text)}</failure>\n    </testcase>`;
      }
      return text === '' ? `${open}/>` : `${open}>\n      <system-out>${xml(text)}</system-out>\n    </testcase>`;
    });
    const failed = cases.filter((c) => c.includes('<failure ')).length;
    tests += cases.length;
    failures += failed;
    suites.push(`  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(ctx.bin)}" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
  ].join('\n');
}

/** The output formats of validate. */
export const FORMATS = ['text', 'json', 'github', 'sarif', 'junit'];

/** The whole output of `validate` in `format`. `ctx`: {shown, quiet, stream, catalogue, bin,
 * version, warningsFail, plain}; `summary` is the text summary line. */
export function render(format, results, summary, ctx) {
  switch (format) {
    case 'json':
      return JSON.stringify(results, null, 2);
    case 'sarif':
      return sarif(results, ctx);
    case 'junit':
      return junit(results, ctx);
    default:
      return lines(format, results, summary, ctx);
  }
}

