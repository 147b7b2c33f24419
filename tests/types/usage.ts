// A TypeScript consumer of the package's declarations (CommonJS-mode file under nodenext).
// Checked by tests/node/types.test.mjs with `tsc --noEmit --strict`.
import {
  buildIntegrationRequest,
  integrationTypes,
  parseIntegrationResponse,
  redactIntegration,
  ruleCatalogue,
  validateIntegration,
  validateIntegrationJson,
  checkRefSpecs,
  checkJmesPath,
  checkJavaRegex,
  checkApiPath,
  knownApiPaths,
  version,
  type BuildResult,
  type CatalogueEntry,
  type Diagnostic,
  type IntegrationTypeDescription,
  type ValidationResult,
} from 'jira-integration-payloads';
import jip from 'jira-integration-payloads';

const v: string = version();
// The default export is module.exports itself (module.exports.default = module.exports).
const viaDefault: string = jip.version();
const result: ValidationResult = validateIntegration({ type: 'GERRIT', origin: 'https://g.example.com' }, { operation: 'add' });
const first: Diagnostic | undefined = result.diagnostics[0];
const line: number | undefined = validateIntegrationJson('{}', { operation: 'update', integrationId: 3 }).diagnostics[0]?.line;
const built: BuildResult = buildIntegrationRequest({ type: 'GITLAB', pat: 't', global: 'false' }, { baseUrl: 'https://jira.example.com' });
const method: string | undefined = built.request?.method;
const update: BuildResult = buildIntegrationRequest(
  { displayName: '', tagsFilter: '^v.*' },
  { operation: 'update', integrationId: 5, current: '{"id": 5, "integrationType": "GITLAB"}', clear: ['displayName'] },
);
const types: IntegrationTypeDescription[] = integrationTypes();
const codes: CatalogueEntry[] = ruleCatalogue();
const severities: Array<'error' | 'warning' | 'info'> = codes.map((c) => c.severity);
const advice: string | undefined = parseIntegrationResponse('{}').advice;
const redacted = redactIntegration({ pat: 'x' });
const refspecs: boolean = checkRefSpecs('+refs/meta/*:refs/meta/*').ok;
const apiPath: boolean = checkApiPath('/user/repos', { type: 'GITHUB' }).ok;
const known: string[] = knownApiPaths('GITHUB').map((k) => k.path);
const kept: string[] | undefined = checkJmesPath('[?archived]', { type: 'GITHUB', sample: [] }).preview?.kept.map((r) => r.name);
const shown: string[] | undefined = checkJavaRegex('^v', { tags: ['v1'], mode: 'show' }).preview?.shown;
// @ts-expect-error mode is "show" or "hide"
checkJavaRegex('^v', { mode: 'keep' });

// The declarations are precise, not `any`: each line below must be a type error.
// @ts-expect-error a number is not a string
const n: number = version();
// @ts-expect-error operation is "add" or "update"
validateIntegration({}, { operation: 'delete' });
// @ts-expect-error no such field on a diagnostic
first?.nonexistent;
// @ts-expect-error clear lists field names
buildIntegrationRequest({}, { operation: 'update', integrationId: 5, clear: 'displayName' });
// @ts-expect-error ok is a boolean
const s: string = result.ok;
// @ts-expect-error the type list is typed
types[0]?.fields[0]?.nosuch;

export { kept, shown, v, viaDefault, line, method, update, severities, advice, redacted, refspecs, apiPath, known, n, s };
