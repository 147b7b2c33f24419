// The library as the admin page loads it (www/js/app.js imports ../pkg/web/index.mjs, a build
// output): tsconfig.json's rootDirs lay types/www over www/, so the page is checked without a
// build. The types and most functions are the package's own (src/wasm_types.d.ts); the functions
// wasm-bindgen declares from src/wasm.rs are repeated here, and tests/node/types.test.mjs checks
// that the built package is assignable to this module.
import type {
  IntegrationPayload,
  IntegrationResponse,
  IntegrationTypeDescription,
  KnownApiPath,
  XrayFieldDescription,
  XrayJiraIntegrationPayload,
} from '../../../../src/wasm_types.js';

export * from '../../../../src/wasm_types.js';

/** The package's version. */
export function version(): string;
/** Every Git Integration for Jira integration type with its fields. */
export function integrationTypes(): IntegrationTypeDescription[];
/** The API paths known for an integration type. */
export function knownApiPaths(integrationType: string): KnownApiPath[];
/** A Git Integration for Jira response in one shape. */
export function parseIntegrationResponse(text: string): IntegrationResponse;
/** A copy of a Git Integration for Jira payload with its secrets masked. */
export function redactIntegration(payload: IntegrationPayload): IntegrationPayload | null;
/** A copy of an Xray Jira-integration payload with its secrets masked. */
export function redactXrayJiraIntegration(payload: XrayJiraIntegrationPayload): XrayJiraIntegrationPayload | null;
/** The fields of Xray's Jira integration, for forms. */
export function xrayFields(): XrayFieldDescription[];
