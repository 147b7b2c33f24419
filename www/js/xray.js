// @ts-check
// JFrog Xray's Jira integration: create, update, details, delete and the status check. The form
// comes from xrayFields(); the checks and the request from buildXrayJiraIntegrationRequest and
// validateXrayJiraIntegrationJson.
import { h } from './dom.js';
import { toFormValue } from './fields.js';
import { XRAY } from './examples.js';
import { CALLERS } from '../pkg/cli/shell.mjs';

const OPERATIONS = [
  ['create', 'Create (POST)'],
  ['update', 'Update (PUT)'],
  ['details', 'Get details (GET)'],
  ['delete', 'Delete (DELETE)'],
  ['status', 'Status check (GET)'],
];

/**
 * @typedef {typeof import('../pkg/web/index.mjs')} Library
 * @typedef {import('./adapter.js').Adapter} Adapter
 * @typedef {import('./panel.js').Panel} Panel
 */

/** @implements {Adapter} */
export class XrayAdapter {
  // The controls attach() adds.
  /** @type {Panel} */
  panel;
  /** @type {HTMLSelectElement} */
  operation;
  /** @type {HTMLInputElement} */
  connectionName;
  /** @type {HTMLSelectElement} */
  pathStyle;
  /** @type {HTMLInputElement} */
  baseUrl;
  /** @type {HTMLElement} */
  nameBox;
  /** @type {HTMLElement} */
  styleBox;

  /** @param {Library} api  the library (pkg/web/index.mjs) */
  constructor(api) {
    this.api = api;
    this.prefix = 'xray';
    /** @type {'xray'} */
    this.product = 'xray';
    this.fieldList = api.xrayFields();
    this.title = 'Xray Jira integration';
    this.lede = 'JFrog Xray’s Jira ticketing connection, /xray/api/v1/ticketing/jira-integrations (Xray 3.129 and later).';
    this.jsonHint =
      'Paste a create or update body (for example from JFrog’s documentation). Problems are marked at their line and column; switch back to Form to edit it field by field.';
    this.caller = CALLERS.xray;
  }

  attach(panel) {
    this.panel = panel;
    const p = this.prefix;
    this.operation = h(
      'select',
      {
        id: `${p}-operation`,
        name: 'operation',
        onchange: () => {
          this.showOptions();
          panel.renderFields();
          panel.validate();
        },
      },
      OPERATIONS.map(([value, text]) => h('option', { value, text })),
    );
    panel.option('operation', 'Call', this.operation, { hint: 'Create and update send a body; the other calls only name the integration.' });
    this.connectionName = h('input', {
      type: 'text',
      id: `${p}-connectionName`,
      name: 'connectionName',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'prod-jira-cloud',
      oninput: () => panel.schedule(),
    });
    this.nameBox = panel.option('connectionName', 'Connection name in the URL', this.connectionName, {
      hint: 'For update it defaults to the body’s connection_name, which must be the same.',
    });
    this.pathStyle = h(
      'select',
      { id: `${p}-pathStyle`, name: 'pathStyle', onchange: () => panel.validate() },
      h('option', { value: 'documented', text: 'As documented by JFrog' }),
      h('option', { value: 'terraform', text: 'As the Terraform provider (PR #392) calls it' }),
    );
    this.styleBox = panel.option('pathStyle', 'Paths for update and details', this.pathStyle, {
      hint: 'JFrog’s documentation and the Terraform provider’s tested change disagree on these two paths.',
    });
    this.baseUrl = h('input', {
      type: 'url',
      id: `${p}-baseUrl`,
      name: 'baseUrl',
      placeholder: 'https://acme.jfrog.io',
      autocomplete: 'url',
      spellcheck: 'false',
      oninput: () => panel.schedule(),
    });
    panel.option('baseUrl', 'JFrog platform URL', this.baseUrl, { where: 'request', wide: true });
    this.showOptions();
  }

  /** The chosen call (the select offers OPERATIONS). */
  op() {
    return /** @type {import('../pkg/web/index.mjs').XrayOperation} */ (this.operation.value);
  }

  hasBody() {
    return this.op() === 'create' || this.op() === 'update';
  }

  showOptions() {
    this.nameBox.hidden = this.op() === 'create';
    this.styleBox.hidden = !['update', 'details'].includes(this.op());
  }

  fields() {
    return this.hasBody() ? this.fieldList : null;
  }

  emptyMessage() {
    return 'This call has no body: give the connection name above.';
  }

  jsonEnabled() {
    return this.hasBody();
  }

  renderContext() {
    const creating = this.op() === 'create';
    return {
      // auth_type is mandatory on create, but the builder sends its only value (basic) when unset.
      required: (f) => (creating ? f.requiredOnCreate && f.name !== 'auth_type' : f.requiredOnUpdate) === true,
      defaultLabel: (f) => {
        if (!creating) return 'Not sent';
        if (f.name === 'auth_type') return 'Default (basic)';
        if (f.kind === 'enum') return 'Choose…';
        return f.default === undefined ? 'Not sent' : `Default (${toFormValue(f.default)})`;
      },
      placeholder: (f) => (f.secret ? (creating ? '' : 'unchanged unless filled in') : f.example ?? ''),
      notes: {},
    };
  }

  options({ withBaseUrl = true } = {}) {
    const options = { operation: this.op() };
    const name = this.connectionName.value.trim();
    if (name && this.op() !== 'create') options.connectionName = name;
    if (['update', 'details'].includes(this.op())) options.pathStyle = this.pathStyle.value;
    const base = this.baseUrl.value.trim();
    if (withBaseUrl && base) options.baseUrl = base;
    return options;
  }

  checkForm(form) {
    return this.api.buildXrayJiraIntegrationRequest(this.hasBody() ? form : {}, this.options());
  }

  // The JSON editor (json-check.js): the body as pasted is what is checked; the request is built
  // from it only when it has no error.

  /** The JSON text's findings, at their line and column. */
  validateJson(text) {
    const { operation, connectionName } = this.options();
    // The JSON editor is open only for the calls with a body.
    const call = /** @type {'create' | 'update'} */ (operation);
    return this.api.validateXrayJiraIntegrationJson(text, connectionName ? { operation: call, connectionName } : { operation: call });
  }

  /** Xray has no clears: an update sends what it is given. */
  jsonClears() {
    return [];
  }

  /** The request the JSON body makes, with the chosen call's options. */
  buildJson(body) {
    return this.api.buildXrayJiraIntegrationRequest(body, this.options());
  }

  /** The JSON's findings, and the request with the builder's findings about the options. */
  mergeJson(built, validated) {
    if (!validated.ok) return validated;
    const extra = built.diagnostics.filter((d) => d.params?.option);
    return { ok: built.ok, diagnostics: [...validated.diagnostics, ...extra], request: built.request };
  }

  headJson() {
    return {};
  }

  importHead(body) {
    return { ...body };
  }

  redact(body) {
    return this.api.redactXrayJiraIntegration(body);
  }

  /** The names of the API's fields that never hold a secret. */
  publicFields() {
    return new Set(this.fieldList.filter((f) => !f.secret && f.kind !== 'secret').map((f) => f.name));
  }

  /** The documentation's page for the chosen call. */
  docOperation() {
    return this.op();
  }

  /** The vendor's example body for the chosen call, or null. */
  example() {
    return XRAY[this.op()] ?? null;
  }

  /** Shows the options that the chosen call uses (after a draft restored the call). */
  afterRestore() {
    this.showOptions();
  }

  /** What an Xray response means, for the chosen call. */
  explainResponse(status, text) {
    const r = this.api.parseXrayResponse(status ?? 200, text, this.op());
    const lines = [];
    if (r.error) lines.push(`Xray said: ${r.error}`);
    if (r.healthStatus) lines.push(`Health status: ${r.healthStatus}.`);
    if (status === undefined) lines.push('No HTTP status given: read as 200.');
    return { ok: r.ok, headline: r.explanation, lines, diagnostics: r.diagnostics };
  }
}
