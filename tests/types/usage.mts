// The same package imported from an ES module (import condition under nodenext).
import jip, {
  gijSchema,
  validateIntegration,
  version,
  xraySchema,
  type Diagnostic,
  type DiagnosticCode,
  type IntegrationPayload,
  type XrayJiraIntegrationPayload,
} from 'jira-integration-payloads';
import * as api from 'jira-integration-payloads';
import { init, initSync, validateIntegration as validateAfterInit } from 'jira-integration-payloads/init';
import type { StandardJSONSchemaV1, StandardSchemaV1 } from '@standard-schema/spec';

const v: string = version();
const ok: boolean = validateIntegration({ type: 'GITHUB', pat: 't' }).ok;
const fromDefault: string = jip.version();
const sameFunction: typeof validateIntegration = api.default.validateIntegration;
// @ts-expect-error initSync belongs to "./init" only
api.initSync;

// The diagnostic code is the catalogue's union, not any string.
const code: DiagnosticCode = 'missing-required-field';
// @ts-expect-error not a code of the catalogue
const typo: DiagnosticCode = 'missing-required-feild';
const isMissing = (d: Diagnostic): boolean => d.code === 'missing-required-field';
// @ts-expect-error a comparison with a code that does not exist has no overlap
const never = (d: Diagnostic): boolean => d.code === 'no-such-code';

// The factories are Standard Schemas (and Standard JSON Schemas) of the body types.
const gij: StandardSchemaV1<IntegrationPayload> = gijSchema({ operation: 'add' });
const xray: StandardSchemaV1<XrayJiraIntegrationPayload> = xraySchema({ operation: 'update', connectionName: 'j' });
const json: StandardJSONSchemaV1<IntegrationPayload> = gijSchema();
type Input = StandardSchemaV1.InferInput<typeof gij>;
const input: Input = { type: 'GITHUB' };
const checked = gijSchema()['~standard'].validate({});
const path: ReadonlyArray<string | number> | undefined = checked.issues?.[0]?.path;
const issueCode: DiagnosticCode | undefined = checked.issues?.[0]?.code;
// @ts-expect-error "create" is an Xray operation
gijSchema({ operation: 'create' });

// "./init": load the wasm, then call.
const loaded: Promise<void> = init(new URL('./x.wasm', import.meta.url));
initSync(new Uint8Array(0));
const later: boolean = validateAfterInit({}).ok;
// @ts-expect-error init needs the wasm's location or bytes
init();

export { v, ok, fromDefault, sameFunction, code, typo, isMissing, never, xray, json, input, path, issueCode, loaded, later };
