// @ts-check
// The --help texts of the CLI.
export const BIN = 'jira-integration-payloads';

const COMMON = `
API options:
  -a, --api gij|xray     Git Integration for Jira (default) or JFrog Xray Jira integrations
  -p, --operation OP     gij: add (default) or update; xray: create (default) or update
  --id ID                the id in the update URL: gij integrationId, xray connection_name
  --current FILE         gij update: the current integration (a GET response or the object),
                         so the checks see the state after the change`;

const EXIT = 'Exit status: 0 no errors, 1 errors (or too many warnings), 2 usage or I/O problem.';

export const HELP = {
  main: `Usage: ${BIN} <command> [options]

Validate and build the JSON bodies of the Git Integration for Jira and JFrog Xray Jira-integration
REST APIs before they reach the server.

Commands:
  validate [PATH...]     check payload files, directories, globs or - (stdin)
  build [FILE]           turn form-state JSON into the request (JSON or a curl command)
  redact [FILE]          print payloads with every secret replaced by [REDACTED]
  schema [NAME]          print the JSON Schema of a request body

Options:
  -h, --help             help for the command (${BIN} <command> --help)
  -V, --version          print the version

${EXIT}`,

  validate: `Usage: ${BIN} validate [options] PATH...

Checks every payload and prints its diagnostics. A PATH is a file, a directory (searched
recursively for *.json and *.ndjson), a glob in quotes ('payloads/**/*.json', '*.{json,ndjson}',
'[ab]*.json'), a negated glob ('!payloads/drafts/**') whose files are left out, or - for standard
input (also read when no PATH is given and input is piped). Directories and globs skip
dot-directories and node_modules. Inputs over 64 MiB and non-regular files are refused.

A file holds one payload (a JSON object), an array of payloads, or NDJSON (one payload per line;
*.ndjson files, or text whose lines are separate JSON values). Diagnostics point at the exact
line and column in the file.
${COMMON}
                         (gij update without --id: each payload's own "id" is used)

Output options:
  -f, --format FORMAT    text (default): file:line:column: severity code path: message (fix)
                         json: an array of {file, index, line, ok, diagnostics}
                         github: workflow annotations (::error file=...,line=...::message)
                         sarif: SARIF 2.1.0 (GitHub code scanning and other SARIF readers)
                         junit: JUnit XML, a test case per payload
  -o, --output-file FILE write the output to FILE instead of standard output
  -q, --quiet            report errors only (no warnings, no info, no summary line)
  -s, --strict           warnings also fail (exit 1); the same as --max-warnings 0
  --max-warnings N       fail (exit 1) when there are more than N warnings
  --info                 also print info-level recommendations (json always has them)
  -h, --help             this help

Colour is used on a terminal only; NO_COLOR or TERM=dumb turn it off, FORCE_COLOR on.
${EXIT}`,

  build: `Usage: ${BIN} build [options] [FILE|-]

Reads form state (a JSON object of field values: strings, "on", "10000, 10100", "" for unset)
and prints the request to send. Secrets are masked unless --include-secrets is given.
Diagnostics go to standard error, at the line and column of their field in FILE; the request is
printed only when there is no error.
${COMMON}
                         xray also: details, delete, status (need --id, read no FILE)
  -u, --base-url URL     the Jira (gij) or JFrog platform (xray) base URL, for a full url
  --path-style STYLE     xray update and details: documented (default) or terraform

Output options:
  -f, --format json|curl json (default): {method, path, url?, headers, body}
                         curl: a curl command, the page's "Copy as curl" (the token from
                         $JIRA_PAT or $JFROG_ACCESS_TOKEN; without --base-url the URL
                         starts with $JIRA_BASE_URL or $JFROG_URL)
  -o, --output-file FILE write the request to FILE instead of standard output
  --include-secrets      print passwords and tokens as they are (never in CI logs)
  -s, --strict           warnings also fail (exit 1, nothing printed)
  --info                 also print info-level recommendations
  -h, --help             this help`,

  redact: `Usage: ${BIN} redact [options] [FILE|-]

Prints the payloads of FILE (or standard input) with every secret (password, pat, tokens,
credentials in URLs) replaced by [REDACTED]: an object, an array or NDJSON, in the same shape.

Options:
  -a, --api gij|xray     which API's secrets to mask (default gij)
  -o, --output-file FILE write to FILE instead of standard output
  -h, --help             this help`,

  schema: `Usage: ${BIN} schema [options] [NAME]

Prints the JSON Schema (draft 2020-12) of a request body. NAME is one of gij-add, gij-update,
xray-create, xray-update; without NAME, --api and --operation choose (default gij-add).
The schemas also ship as files: schemas/NAME.schema.json in the package.

Options:
  -a, --api gij|xray     the API (default gij)
  -p, --operation OP     gij: add or update; xray: create or update
  -o, --output-file FILE write to FILE instead of standard output
  -h, --help             this help`,
};
