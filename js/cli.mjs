#!/usr/bin/env node
// @ts-check
// jira-integration-payloads: validate, build, redact and describe integration payloads from the
// command line. Copied into pkg/ as the package's `bin` with its modules in cli/; it loads the
// package's own Node build and tinyglobby (the package's one dependency) for globs.
//
// Exit codes: 0 no error (and no more warnings than allowed), 1 a payload has errors, 2 a usage
// or I/O problem (unknown command or option, missing file, unreadable directory, input too large).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { BUILD_OPERATIONS, UsageError, hasBody, oneOf, parse, warningLimit } from './cli/args.mjs';
import { FORMATS, colours, plural, render, textLine } from './cli/formats.mjs';
import { BIN, HELP } from './cli/help.mjs';
import { IoError, STDIN, expand, locateInForm, moveToFile, payloads, readInput } from './cli/inputs.mjs';
import { redactor } from './cli/redact.mjs';
import { CALLERS, curlCommand } from './cli/shell.mjs';

const api = createRequire(import.meta.url)('./');
let current = null; // the command being run, for the usage hint

/** The one way a string from outside the program (an argument, a path, a glob's match, an error
 * quoting one) reaches a printed line: with every secret in it masked (cli/redact.mjs). Names of
 * inputs, usage and I/O messages all pass through here. */
const masked = redactor(api.redactText, process.argv.slice(2), process.env);

/** The name printed for an input: `<stdin>` for `-`, else the path as given, masked. */
const label = (file) => (file === '-' ? STDIN : masked(file));

/** An error line on standard error. */
const complain = (message) => process.stderr.write(`${BIN}: ${masked(message)}\n`);

// A reader that stops early (`validate big.ndjson | head -1`) closes the pipe: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

/** Writes a command's output to --output-file or standard output. */
function emit(options, text) {
  const file = options['output-file'];
  if (file === undefined) return void process.stdout.write(`${text}\n`);
  try {
    fs.writeFileSync(file, `${text}\n`);
  } catch (err) {
    throw new IoError(`cannot write ${file}: ${err.code === 'EACCES' ? 'permission denied' : err.message}`);
  }
}

/** The API calls and options of --api/--operation/--id/--current. */
function apiChoice(options, operations = { gij: ['add', 'update'], xray: ['create', 'update'] }) {
  const which = oneOf('api', options.api, ['gij', 'xray'], 'gij');
  const gij = which === 'gij';
  const operation = oneOf('operation', options.operation, operations[which], operations[which][0]);
  if (options.id !== undefined && hasBody(operation) && operation !== 'update') {
    throw new UsageError(`--id is only for --operation ${operations[which].slice(1).join(', ').replace(/, (?=[^,]*$)/, ' or ')}`);
  }
  if (options.current !== undefined && !(gij && operation === 'update')) {
    throw new UsageError('--current is only for --api gij --operation update');
  }
  /** @type {Record<string, unknown>} */
  const base = { operation };
  if (options.id !== undefined) base[gij ? 'integrationId' : 'connectionName'] = options.id;
  if (options.current !== undefined) base.current = readCurrent(options.current);
  return {
    gij,
    operation,
    base,
    validateJson: gij ? api.validateIntegrationJson : api.validateXrayJiraIntegrationJson,
    build: gij ? api.buildIntegrationRequest : api.buildXrayJiraIntegrationRequest,
    redact: gij ? api.redactIntegration : api.redactXrayJiraIntegration,
  };
}

function readCurrent(file) {
  const text = readInput(file, '--current');
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text, which may hold a secret: report the position only.
    const d = api.validateIntegrationJson(text).diagnostics.find((x) => x.code === 'invalid-json' || x.code === 'input-too-large');
    const where = d?.line ? ` at line ${d.line}, column ${d.column}` : '';
    throw new IoError(`--current ${file} is not valid JSON${where}`);
  }
}

function inputsOrStdin(positionals, command) {
  if (positionals.length > 0) return positionals;
  if (!process.stdin.isTTY) return ['-'];
  throw new UsageError(`${command} needs a file (or - for standard input)`);
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

/** The body's own `id` (update payloads kept in a repository carry it), if any. */
function ownId(text) {
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) && v.id != null ? v.id : undefined;
  } catch {
    return undefined;
  }
}

/** Every payload of `files` checked: [{file, index, line, ok, diagnostics}]. */
function check(choice, work) {
  const total = work.reduce((n, w) => n + w.units.length, 0);
  const bar = progress(total);
  const results = [];
  for (const { name, units } of work) {
    for (const unit of units) {
      const opts = { ...choice.base };
      if (choice.gij && choice.operation === 'update' && opts.integrationId === undefined) {
        opts.integrationId = ownId(unit.text);
      }
      const report = choice.validateJson(unit.text, opts);
      if (!unit.whole) for (const d of report.diagnostics) moveToFile(d, unit);
      results.push({ file: name, index: unit.index, line: unit.line, ok: report.ok, diagnostics: report.diagnostics });
      bar.tick(results.length);
    }
  }
  bar.done();
  return { results, total };
}

function validate({ options, positionals }) {
  const format = oneOf('format', options.format, FORMATS, 'text');
  const maxWarnings = warningLimit(options);
  const choice = apiChoice(options);
  const { files, errors: ioErrors } = expand(inputsOrStdin(positionals, 'validate'));
  const work = [];
  for (const file of files) {
    try {
      work.push({ name: label(file), units: payloads(file, readInput(file)) });
    } catch (err) {
      if (!(err instanceof IoError)) throw err;
      ioErrors.push(err.message);
    }
  }
  const { results, total } = check(choice, work);
  const count = { error: 0, warning: 0, info: 0 };
  for (const r of results) for (const d of r.diagnostics) count[d.severity]++;
  const parts = [plural(work.length, 'file'), plural(total, 'payload'), plural(count.error, 'error'), plural(count.warning, 'warning')];
  if (options.info) parts.push(plural(count.info, 'info'));
  const ctx = {
    shown: (d) => (options.quiet ? d.severity === 'error' : options.info || d.severity !== 'info'),
    quiet: options.quiet,
    stream: options['output-file'] === undefined ? process.stdout : {},
    catalogue: api.ruleCatalogue(),
    bin: BIN,
    version: api.version(),
    warningsFail: maxWarnings === 0,
    plain: colours({}),
  };
  if (work.length > 0) {
    const text = render(format, results, parts.join(', '), ctx);
    if (text !== '' || options['output-file'] !== undefined) emit(options, text);
  }
  for (const message of ioErrors) complain(message);
  if (ioErrors.length > 0) return 2;
  return count.error > 0 || count.warning > maxWarnings ? 1 : 0;
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
  const choice = apiChoice(options, BUILD_OPERATIONS);
  const opts = { ...choice.base };
  if (options['base-url'] !== undefined) opts.baseUrl = options['base-url'];
  if (options['path-style'] !== undefined) {
    if (choice.gij) throw new UsageError('--path-style is only for --api xray');
    opts.pathStyle = oneOf('path-style', options['path-style'], ['documented', 'terraform']);
  }
  let name = STDIN;
  let text = '{}';
  if (hasBody(choice.operation)) {
    const inputs = inputsOrStdin(positionals, 'build');
    if (inputs.length > 1) throw new UsageError('build reads one file');
    name = label(inputs[0]);
    text = readInput(inputs[0]);
  } else if (positionals.length > 0) {
    throw new UsageError(`build --operation ${choice.operation} reads no file`);
  }
  const form = parseOrReport(choice, name, text);
  if (form === null) return 1;
  const result = choice.build(form, opts);
  const shown = result.diagnostics.filter((d) => options.info || d.severity !== 'info');
  if (hasBody(choice.operation) && form && typeof form === 'object' && !Array.isArray(form)) locateInForm(text, shown);
  const c = colours(process.stderr);
  for (const d of shown) process.stderr.write(`${textLine(c, name, d)}\n`);
  const warnings = result.diagnostics.some((d) => d.severity === 'warning');
  if (!result.ok || !result.request || (options.strict && warnings)) return 1;
  const request = { ...result.request };
  if (!options['include-secrets']) {
    // The URL and path carry --base-url and --id as typed.
    for (const key of ['url', 'path']) if (request[key] !== undefined) request[key] = masked(request[key]);
    if (request.body !== undefined) request.body = choice.redact(request.body);
  }
  const caller = CALLERS[choice.gij ? 'gij' : 'xray'];
  emit(options, format === 'curl' ? curlCommand(request, { ...caller, body: request.body }) : JSON.stringify(request, null, 2));
  return 0;
}


function redact({ options, positionals }) {
  const which = oneOf('api', options.api, ['gij', 'xray'], 'gij');
  const fn = which === 'gij' ? api.redactIntegration : api.redactXrayJiraIntegration;
  const inputs = inputsOrStdin(positionals, 'redact');
  if (inputs.length > 1) throw new UsageError('redact reads one file');
  const name = label(inputs[0]);
  const text = readInput(inputs[0]);
  const units = payloads(inputs[0], text);
  if (units.length === 1 && units[0].whole) {
    const choice = { validateJson: api.validateIntegrationJson, operation: 'add' };
    const value = parseOrReport(choice, name, text);
    if (value === null) return 1;
    emit(options, JSON.stringify(redactAny(fn, value), null, 2));
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
  emit(options, ndjson
    ? values.map((v) => JSON.stringify(redactAny(fn, v))).join('\n')
    : JSON.stringify(values.map((v) => redactAny(fn, v)), null, 2));
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
  emit(options, JSON.stringify(value, null, 2));
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
  const args = parse(command, rest);
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
    complain(err.message);
    process.stderr.write(`Run '${help}' for usage.\n`);
    process.exitCode = 2;
  } else if (err instanceof IoError) {
    complain(err.message);
    process.exitCode = 2;
  } else {
    // A bug: its stack may quote a path, so it is printed masked; exit 1 as Node's own would.
    complain(err?.stack ?? err);
    process.exitCode = 1;
  }
}
