// @ts-check
// Command-line arguments: node:util parseArgs with each command's options, its errors restated
// in the CLI's words, and the checks of option values.
import { parseArgs } from 'node:util';

/** A usage problem: exit 2 with a hint to the command's --help. */
export class UsageError extends Error {}

const API = {
  api: { type: 'string', short: 'a' },
  operation: { type: 'string', short: 'p' },
  id: { type: 'string' },
  current: { type: 'string' },
};
const REPORT = { strict: { type: 'boolean', short: 's' }, info: { type: 'boolean' } };

/** The options of each command, in parseArgs' form. */
export const OPTIONS = {
  validate: {
    ...API,
    ...REPORT,
    format: { type: 'string', short: 'f' },
    'output-file': { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q' },
    'max-warnings': { type: 'string' },
  },
  build: {
    ...API,
    ...REPORT,
    'base-url': { type: 'string', short: 'u' },
    'path-style': { type: 'string' },
    format: { type: 'string', short: 'f' },
    'output-file': { type: 'string', short: 'o' },
    'include-secrets': { type: 'boolean' },
  },
  redact: { api: API.api, 'output-file': { type: 'string', short: 'o' } },
  schema: { api: API.api, operation: API.operation, 'output-file': { type: 'string', short: 'o' } },
};

/** The option named in one of parseArgs' messages (`'--frob'`, `'-x'`, `'--operation <value>'`). */
function optionIn(message) {
  return /'(?:-\w, )?(-[^' ]*)/.exec(message)?.[1] ?? 'an option';
}

/**
 * `{options, positionals}` of a command's arguments; parseArgs' errors become UsageErrors.
 * @param {string} command
 * @param {string[]} args
 * @returns {{ options: Record<string, string | boolean | undefined>, positionals: string[] }}
 */
export function parse(command, args) {
  const options = { ...OPTIONS[command], help: { type: 'boolean', short: 'h' } };
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    // No option is `multiple`: each value is one string or boolean.
    return { options: /** @type {Record<string, string | boolean | undefined>} */ (values), positionals };
  } catch (err) {
    if (typeof err.code !== 'string' || !err.code.startsWith('ERR_PARSE_ARGS_')) throw err;
    const name = optionIn(err.message);
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${name} for ${command}`);
    if (/does not take an argument/.test(err.message)) throw new UsageError(`${name} takes no value`);
    if (/argument missing/.test(err.message)) throw new UsageError(`${name} needs a value`);
    if (/ambiguous/.test(err.message)) throw new UsageError(`${name} needs a value (to give one that starts with -, write ${name}=VALUE)`);
    throw new UsageError(err.message);
  }
}

/** `value` when it is one of `allowed`, `fallback` when absent, a UsageError otherwise. */
export function oneOf(name, value, allowed, fallback) {
  if (value === undefined) return fallback;
  if (!allowed.includes(value)) {
    throw new UsageError(`--${name} must be ${allowed.join(', ').replace(/, (?=[^,]*$)/, ' or ')}, not "${value}"`);
  }
  return value;
}

/** The warning count above which validation fails: --max-warnings N, 0 for --strict. */
export function warningLimit(options) {
  const text = options['max-warnings'];
  if (text === undefined) return options.strict ? 0 : Infinity;
  if (!/^\d{1,9}$/.test(text)) throw new UsageError(`--max-warnings must be a whole number, not "${text}"`);
  const n = Number(text);
  return options.strict ? Math.min(n, 0) : n;
}

/** The operations of each API's builder (the first is the default); validation takes two. */
export const BUILD_OPERATIONS = {
  gij: ['add', 'update'],
  xray: ['create', 'update', 'details', 'delete', 'status'],
};

/** The operations with a request body. */
export const hasBody = (operation) => ['add', 'create', 'update'].includes(operation);
