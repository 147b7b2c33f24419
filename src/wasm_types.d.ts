/** How serious a diagnostic is. */
export type Severity = "error" | "warning" | "info";

/** One finding. `path` is an RFC 6901 JSON Pointer into the body ("" for the whole body). */
export interface Diagnostic {
  severity: Severity;
  /** Stable kebab-case code from the rule catalogue. */
  code: string;
  path: string;
  /** Plain English; never contains a secret. */
  message: string;
  /** Values a translator needs. */
  params?: Record<string, unknown>;
  suggestion?: string;
  /** Character offsets inside the string at `path` (field languages). */
  span?: { start: number; end: number };
  /** 1-based line in the JSON text (text validation only). */
  line?: number;
  /** 1-based column in UTF-16 code units (text validation only). */
  column?: number;
}

/** The result of a validation: `ok` is true when no diagnostic is an error. */
export interface ValidationResult {
  ok: boolean;
  diagnostics: Diagnostic[];
}

/** The twelve Git Integration for Jira integration types. */
export type IntegrationType =
  | "GITHUB" | "GITHUB_SERVER" | "GITLAB" | "GITLAB_SERVER" | "GITLAB_SERVER_LEGACY" | "FILESPACE"
  | "AZURE_DEVOPS" | "VSTS" | "AZURE" | "TFS_SERVER" | "AWS" | "GERRIT";

/** A Git Integration for Jira request body (any JSON object is accepted and checked). */
export interface IntegrationPayload {
  type?: IntegrationType | string;
  displayName?: string;
  origin?: string;
  disabled?: boolean;
  sendCommitEmails?: boolean;
  maxMinsToCommitEmail?: number;
  username?: string;
  password?: string;
  pat?: string;
  disableSslVerification?: boolean;
  apiPath?: string;
  apiFilter?: string;
  tfsCollection?: string;
  awsRegion?: string;
  requireUserPat?: boolean;
  gitViewerEnabled?: boolean;
  smartCommitsEnabled?: boolean;
  global?: boolean;
  sourcesDiffViewEnabled?: boolean;
  revisionIndexing?: boolean;
  tagsFilter?: string;
  projectMappingIds?: number[];
  trustFolderStat?: boolean;
  refSpecNotes?: boolean;
  refSpecChanges?: boolean;
  refSpecCustom?: string;
  folderDepth?: number;
  prHideFilter?: string;
  limitGitData?: boolean;
  [key: string]: unknown;
}

/** Loose form state: strings from inputs, "on"/"true"/"false", numbers as strings, "" for unset. */
export type IntegrationForm = Record<string, string | number | boolean | null | undefined | Array<string | number>>;

/** Options of validateIntegration and validateIntegrationJson. */
export interface ValidateOptions {
  /** Default "add". */
  operation?: "add" | "update";
  /** The id in the update URL: a Java Integer, 1 to 2147483647 (digits in a string are read). */
  integrationId?: number | string;
  /**
   * The current integration, for updates: the GET response, the integration object, or the
   * response's text. Validation then judges the state after the change; a list, an error
   * response or text that is not JSON is the error `invalid-current`.
   */
  current?: Record<string, unknown> | string;
}

/** Options of buildIntegrationRequest. */
export interface BuildOptions extends ValidateOptions {
  /** The Jira base URL, e.g. "https://jira.example.com"; the request then has a full url. */
  baseUrl?: string;
  /**
   * Update: the text, secret or project-id fields whose empty form value means "clear" (sends
   * "" or []); any other empty value means "keep" and is not sent. A form passes the fields it
   * filled from `current`. Other field names are the error `invalid-option`.
   */
  clear?: string[];
}

/** A ready-to-send HTTP request. */
export interface HttpRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  url?: string;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}

/** A builder's result: the request is present only when `ok`. */
export interface BuildResult extends ValidationResult {
  request?: HttpRequest;
}

/** A Git Integration for Jira response in one shape. */
export interface IntegrationResponse {
  ok: boolean;
  integration?: Record<string, unknown>;
  integrations?: Array<Record<string, unknown>>;
  error?: string;
  advice?: string;
  diagnostics: Diagnostic[];
}

/** One field of an integration type, for forms. */
export interface FieldDescription {
  name: string;
  label: string;
  description: string;
  kind: "boolean" | "integer" | "string" | "secret" | "enum" | "projectIds";
  min?: number;
  max?: number;
  maxLength?: number;
  values?: string[];
  default?: boolean | number | never[];
  required: boolean;
  secret: boolean;
}

/** One integration type, for forms. */
export interface IntegrationTypeDescription {
  type: IntegrationType;
  label: string;
  family: "gitHub" | "gitLab" | "microsoft" | "aws" | "gerrit" | "filespace";
  originKind: "url" | "path" | "none";
  originExample?: string;
  /** Accepted credential sets; one must be complete when adding. */
  credentials: string[][];
  fields: FieldDescription[];
}

/** One entry of the rule catalogue. */
export interface CatalogueEntry {
  code: string;
  severity: Severity;
  summary: string;
}

/** Options of checkJmesPath. */
export interface JmesPathOptions {
  /** The integration type, which decides the listing's shape and the host conventions. */
  type?: IntegrationType | string;
  /** The integration authenticates as a GitHub App (`repositories[] | ...`). */
  githubApp?: boolean;
  /** A repository listing as the host's API returns it, to preview the filter on. */
  sample?: unknown;
}

/** One repository of a JMESPath preview. */
export interface PreviewRepository {
  /** Position in the listing's array of repositories. */
  index: number;
  /** full_name, path_with_namespace, fullPath, name or id, whichever comes first. */
  name: string;
}

/** What a JMESPath filter does to a listing. */
export interface JmesPathPreview {
  kept: PreviewRepository[];
  dropped: PreviewRepository[];
  resultShape: "array" | "object";
  note?: string;
}

/** Options of checkJavaRegex. */
export interface JavaRegexOptions {
  /** Names to preview the pattern on (tags, or branch and pull-request names). */
  tags?: string[];
  /** "show" (tagsFilter: matches are shown, the default) or "hide" (prHideFilter). */
  mode?: "show" | "hide";
}

/** What a tags or pull-request pattern does to a list of names. */
export interface JavaRegexPreview {
  mode: "show" | "hide";
  shown: string[];
  hidden: string[];
  /** Names for which whole-string matching would decide the other way. */
  ambiguous: string[];
}

/** The result of checking one field-language text, with a preview when one was asked for. */
export interface CheckResult<P> extends ValidationResult {
  preview?: P;
}

/** Options of checkApiPath. */
export interface ApiPathOptions {
  /** The integration type, which decides the host's conventions. */
  type?: IntegrationType | string;
  /** The integration's origin, to catch a doubled /api/v3 prefix. */
  origin?: string;
}

/** A documented custom API path. */
export interface KnownApiPath {
  path: string;
  description: string;
  isDefault: boolean;
}

/** The request bodies with a JSON Schema. */
export type SchemaName = "gij-add" | "gij-update" | "xray-create" | "xray-update";

/** A JSON Schema (draft 2020-12) of a request body, as jsonSchema() returns it. */
export interface JsonSchema {
  $schema: "https://json-schema.org/draft/2020-12/schema";
  $id: string;
  title: string;
  description: string;
  type: "object";
  properties: Record<string, Record<string, unknown>>;
  required?: string[];
  additionalProperties: boolean;
  allOf?: Array<Record<string, unknown>>;
  $defs?: Record<string, Record<string, unknown>>;
}

// Functions whose trailing options argument is optional (wasm-bindgen cannot express `?` for a
// typed JsValue parameter, so their signatures are declared here).

/** Validates a Git Integration for Jira payload object. */
export function validateIntegration(payload: IntegrationPayload, options?: ValidateOptions): ValidationResult;
/** Validates a Git Integration for Jira payload JSON text; diagnostics carry line and column. */
export function validateIntegrationJson(text: string, options?: ValidateOptions): ValidationResult;
/** Builds the add or update request from loose form state. */
export function buildIntegrationRequest(form: IntegrationForm, options?: BuildOptions): BuildResult;
/** Checks an apiFilter JMESPath expression; with `sample`, previews which repositories it keeps. */
export function checkJmesPath(expression: string, options?: JmesPathOptions): CheckResult<JmesPathPreview>;
/** Checks a tagsFilter or prHideFilter Java regular expression; with `tags`, previews it. */
export function checkJavaRegex(pattern: string, options?: JavaRegexOptions): CheckResult<JavaRegexPreview>;
/** Checks an apiPath value against the conventions of the type's host. */
export function checkApiPath(path: string, options?: ApiPathOptions): ValidationResult;

// ---- JFrog Xray Jira integrations ----

/** The five Xray calls. */
export type XrayOperation = "create" | "update" | "details" | "delete" | "status";

/** An Xray Jira-integration request body (any JSON object is accepted and checked). */
export interface XrayJiraIntegrationPayload {
  connection_name?: string;
  /** Requests accept "basic" only. */
  auth_type?: "basic" | string;
  username?: string;
  /** The password, or an Atlassian API token for Jira Cloud. */
  password?: string;
  installation_type?: "cloud" | "server" | string;
  jira_server_url?: string;
  skip_proxy?: boolean;
  [key: string]: unknown;
}

/** Loose form state: strings from inputs, "on"/"true"/"false" for skip_proxy, "" for unset. */
export type XrayJiraIntegrationForm = Record<string, string | number | boolean | null | undefined>;

/** Options of validateXrayJiraIntegration and validateXrayJiraIntegrationJson. */
export interface XrayValidateOptions {
  /** Default "create". */
  operation?: "create" | "update";
  /** The name in the update URL; the body's connection_name must equal it. */
  connectionName?: string;
}

/** Options of buildXrayJiraIntegrationRequest. */
export interface XrayBuildOptions {
  /** Default "create". */
  operation?: XrayOperation;
  /** The integration's name for the URL; for update it defaults to the form's connection_name. */
  connectionName?: string;
  /** The JFrog platform URL, e.g. "https://acme.jfrog.io"; the request then has a full url. */
  baseUrl?: string;
  /**
   * Paths for update and details (X13). "documented" (default): PUT .../{name}, GET .../{name}/details.
   * "terraform": PUT to the collection path, GET .../{name}.
   */
  pathStyle?: "documented" | "terraform";
}

/** The status check's health values; only HEALTHY_INTEGRATION is ok. */
export type XrayHealthStatus =
  | "HEALTHY_INTEGRATION" | "FAULTY_CONFIGURATION" | "INTEGRATION_NOT_FOUND" | "INTERNAL_SERVER_ERROR";

/** A get-details response body (never holds the password). */
export interface XrayIntegrationDetails {
  connection_name?: string;
  auth_type?: "basic" | "oauth1" | "oauth2" | string;
  username?: string;
  installation_type?: "cloud" | "server" | string;
  jira_server_url?: string;
  skip_proxy?: boolean;
  [key: string]: unknown;
}

/** A status-check response body. */
export interface XrayStatusCheck {
  status?: XrayHealthStatus | string;
  reason?: string;
  /** RFC 3339. */
  time?: string;
  integration_name?: string;
  [key: string]: unknown;
}

/** An Xray response in one shape. */
export interface XrayResponse {
  /** The call did what was asked; for the status check, the integration is healthy. */
  ok: boolean;
  status: number;
  info?: string;
  error?: string;
  /** What happened, in plain English. */
  explanation: string;
  /** Details call: the settings; status check: the status object. Secrets masked. */
  details?: XrayIntegrationDetails | XrayStatusCheck;
  healthStatus?: XrayHealthStatus | string;
  diagnostics: Diagnostic[];
}

/** One Xray field, for forms. */
export interface XrayFieldDescription {
  name: "connection_name" | "auth_type" | "username" | "password" | "installation_type" | "jira_server_url" | "skip_proxy";
  label: string;
  description: string;
  kind: "boolean" | "string" | "secret" | "enum";
  maxLength?: number;
  values?: string[];
  default?: boolean;
  requiredOnCreate: boolean;
  requiredOnUpdate: boolean;
  secret: boolean;
  /** Values that responses may hold but requests may not (auth_type: oauth1, oauth2). */
  responseOnlyValues?: string[];
  /** A placeholder. */
  example?: string;
}

/** Validates an Xray Jira-integration body object. */
export function validateXrayJiraIntegration(payload: XrayJiraIntegrationPayload, options?: XrayValidateOptions): ValidationResult;
/** Validates an Xray Jira-integration body JSON text; diagnostics carry line and column. */
export function validateXrayJiraIntegrationJson(text: string, options?: XrayValidateOptions): ValidationResult;
/** Builds an Xray create, update, details, delete or status-check request from form state. */
export function buildXrayJiraIntegrationRequest(form: XrayJiraIntegrationForm | null, options?: XrayBuildOptions): BuildResult;
/** Parses an Xray response from its HTTP status and body text; pass the operation for specific explanations. */
export function parseXrayResponse(status: number, text: string, operation?: XrayOperation): XrayResponse;
