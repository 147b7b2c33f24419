// @ts-check
// The request as a POSIX shell command: the CLI's `build --format curl` and the admin page's
// "Copy as curl" print the same command for the same request. The page loads this file from the
// package it serves (www/pkg/cli/shell.mjs, copied there from pkg/ by scripts/www-assets.mjs).

/**
 * @typedef {{ method: string, path: string, url?: string, headers?: Record<string, string> }} ShellRequest
 *   What the command sends: the library's request, without its body (given apart, masked).
 * @typedef {{ variable: string, scheme: string, description: string }} Auth
 *   `variable`: the environment variable holding the caller's token; `scheme`: the
 *   Authorization scheme; `description`: whose token it is, for people.
 * @typedef {{ auth: Auth, baseVariable: string }} Caller
 *   How a command for one API authenticates and, without a full URL, where the base URL is.
 */

/** @type {{ gij: Caller, xray: Caller }} */
export const CALLERS = {
  gij: {
    auth: { variable: 'JIRA_PAT', scheme: 'Bearer', description: 'a Jira administrator’s personal access token' },
    baseVariable: 'JIRA_BASE_URL',
  },
  xray: {
    auth: { variable: 'JFROG_ACCESS_TOKEN', scheme: 'Bearer', description: 'an access token of a JFrog administrator' },
    baseVariable: 'JFROG_URL',
  },
};

/**
 * A POSIX sh word in single quotes: inside them every byte is literal except the quote itself,
 * so every ' becomes '\'' (close, escaped quote, reopen).
 * @param {string} text
 */
export function shellQuote(text) {
  return `'${String(text).replaceAll("'", "'\\''")}'`;
}

/**
 * A curl command for `request`, one option a line. The URL and every header and body are single
 * quoted; the token and a missing base URL are environment variables in double quotes, so the
 * shell expands them and the token itself is never in the command. `body` is sent as given: the
 * caller masks its secrets first.
 * @param {ShellRequest} request
 * @param {Caller & { body?: unknown }} options
 */
export function curlCommand(request, { body, auth, baseVariable }) {
  const url = request.url === undefined ? `"$${baseVariable}"${shellQuote(request.path)}` : shellQuote(request.url);
  const lines = [`curl -X ${request.method} ${url}`];
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
  }
  lines.push(`  -H "Authorization: ${auth.scheme} $${auth.variable}"`);
  if (body !== undefined) lines.push(`  --data-raw ${shellQuote(JSON.stringify(body, null, 2))}`);
  return lines.join(' \\\n');
}
