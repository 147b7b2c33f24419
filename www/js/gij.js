// @ts-check
// Git Integration for Jira: the "add" and "update" tabs. The form comes from integrationTypes();
// the checks and the request from buildIntegrationRequest / validateIntegrationJson.
import { h, fill } from './dom.js';
import { toFormValue } from './fields.js';
import { JmesPreview, RegexPreview, regexSources } from './previews.js';
import { GIJ_ADD, GIJ_UPDATE } from './examples.js';
import { SOURCES } from './doc-links.js';
import { CALLERS } from '../pkg/cli/shell.mjs';

/**
 * @typedef {typeof import('../pkg/web/index.mjs')} Library
 * @typedef {import('./adapter.js').Adapter} Adapter
 * @typedef {import('./panel.js').Panel} Panel
 */

const FAMILIES = [
  ['GitHub', ['gitHub']],
  ['GitLab', ['gitLab']],
  ['Microsoft', ['microsoft']],
  ['Other hosts', ['aws', 'gerrit', 'filespace']],
];

/** Example filters per host family (placeholders only). */
const FILTER_EXAMPLES = {
  gitHub: "[?owner.login=='acme-corp']",
  gitLab: "[?namespace.full_path=='platform/backend']",
  microsoft: "{value:value[?contains(project.name, 'Fabrikam')]}",
  filespace: "[?!starts_with(fullPath, '/srv/git/private')]",
  gerrit: "[?contains(name, 'git')]",
};

const PLACEHOLDERS = {
  displayName: 'Generated when empty',
  tagsFilter: '^(Release|release).*',
  prHideFilter: '^(Test|test).*',
  refSpecCustom: '+refs/meta/*:refs/meta/*',
  tfsCollection: 'DefaultCollection (all collections when empty)',
  projectMappingIds: '10000, 10100',
};

/** Field kinds an update can clear (the builder's `clear` option). */
/** @type {Set<string | undefined>} */
const CLEARABLE_KINDS = new Set(['string', 'secret', 'projectIds']);

/** Whether a form or JSON value is empty: a clear when the field is named in `clear`. */
function isEmpty(value) {
  return (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function describeCredentials(sets, fields) {
  const label = (name) => fields.find((f) => f.name === name)?.label.toLowerCase() ?? name;
  const words = sets.map((set) => `the ${set.map(label).join(' and ')}`);
  if (words.length === 0) return '';
  return words.length === 1 ? `Needs ${words[0]}.` : `Needs one of: ${words.join(', or ')}.`;
}

/** @implements {Adapter} */
export class GijAdapter {
  // The controls attach() adds (the id and the pasted integration: update only).
  /** @type {Panel} */
  panel;
  /** @type {HTMLSelectElement} */
  typeSelect;
  /** @type {HTMLInputElement} */
  baseUrl;
  /** @type {HTMLInputElement} */
  idInput;
  /** @type {HTMLTextAreaElement} */
  currentText;
  /** @type {HTMLElement} */
  currentStatus;
  /** @type {HTMLButtonElement} */
  fillButton;

  /**
   * @param {Library} api      the library (pkg/web/index.mjs)
   * @param {Record<string, any>} samples
   * @param {'add'|'update'} operation
   */
  constructor(api, samples, operation) {
    this.api = api;
    this.samples = samples;
    this.operation = operation;
    this.prefix = operation;
    /** @type {'gij'} */
    this.product = 'gij';
    this.types = api.integrationTypes();
    /** @type {Map<unknown, import('../pkg/web/index.mjs').IntegrationTypeDescription>} */
    this.byType = new Map(this.types.map((t) => [t.type, t]));
    this.adding = operation === 'add';
    this.title = this.adding ? 'Add a Git integration' : 'Update a Git integration';
    this.lede = this.adding
      ? 'POST /rest/gitplugin/1.0/integration — connect a git host to Jira (Git Integration for Jira).'
      : 'PUT /rest/gitplugin/1.0/integration/{id} — change an integration; only the fields you set are sent.';
    this.jsonHint =
      'Paste a request body (for example from the vendor’s documentation). Problems are marked at their line and column; switch back to Form to edit it field by field.';
    this.caller = CALLERS.gij;
    /** The integration in the pasted GET response (update), when it is one. */
    this.currentIntegration = null;
    /**
     * Fields whose empty value means "clear" (update): those the form filled from the current
     * integration, or that a pasted JSON body set to "" or []. Any other empty field is kept.
     */
    this.clearable = new Set();
  }

  attach(panel) {
    this.panel = panel;
    const p = this.prefix;
    if (!this.adding) {
      this.idInput = h('input', {
        type: 'text',
        id: `${p}-integrationId`,
        name: 'integrationId',
        inputmode: 'numeric',
        autocomplete: 'off',
        placeholder: '7',
        oninput: () => panel.schedule(),
      });
      panel.option('integrationId', 'Integration id', this.idInput, {
        doc: SOURCES['GIJ-UPD'],
        required: true,
        hint: 'The id in the URL (GET /rest/gitplugin/1.0/integration lists them).',
      });
    }
    this.typeSelect = h(
      'select',
      {
        id: `${p}-type`,
        name: 'type',
        onchange: () => {
          delete panel.extras.type;
          panel.renderFields();
          panel.validate();
        },
      },
      h('option', { value: '', text: this.adding ? 'Choose the git host…' : 'Any type (fields all types share)' }),
      FAMILIES.map(([label, families]) =>
        h(
          'optgroup',
          { label },
          this.types.filter((t) => families.includes(t.family)).map((t) => h('option', { value: t.type, text: `${t.label} (${t.type})` })),
        ),
      ),
    );
    panel.option('type', 'Integration type', this.typeSelect, {
      doc: SOURCES['GIJ-TYPES'],
      required: this.adding,
      wide: this.adding,
      hint: this.adding
        ? 'Decides which fields apply; it cannot change later.'
        : 'Not sent (the type cannot change); it decides which fields are shown.',
    });
    if (!this.adding) this.attachCurrent(panel);
    this.baseUrl = h('input', {
      type: 'url',
      id: `${p}-baseUrl`,
      name: 'baseUrl',
      placeholder: 'https://jira.example.com',
      autocomplete: 'url',
      spellcheck: 'false',
      oninput: () => panel.schedule(),
    });
    panel.option('baseUrl', 'Jira base URL', this.baseUrl, { where: 'request', wide: true });
  }

  attachCurrent(panel) {
    const p = this.prefix;
    this.currentText = h('textarea', {
      id: `${p}-current`,
      name: 'current',
      class: 'code-input small',
      rows: '4',
      spellcheck: 'false',
      placeholder: '{"success": "true", "integration": [{"id": 7, "integrationType": "GITLAB", …}]}',
      oninput: () => {
        this.readCurrent();
        panel.renderFields();
        panel.schedule();
      },
    });
    this.currentStatus = h('p', { class: 'current-status', role: 'status' });
    this.fillButton = h('button', {
      type: 'button',
      class: 'btn small',
      disabled: true,
      text: 'Fill the form with its values',
      onclick: () => this.fillFromCurrent(),
    });
    const box = panel.option('current', 'Current integration (optional: the GET response)', this.currentText, {
      wide: true,
      hint: 'With it, only fields that differ from the current values are sent, and the checks see the result of the change. An empty field keeps its value; to clear one, fill the form with the current values and empty it. Secrets are never in a GET response.',
    });
    box.append(h('div', { class: 'current-actions' }, this.currentStatus, this.fillButton));
    box.classList.add('current-box');
  }

  /**
   * Reads the pasted GET response to pick the type and id and offer "Fill the form". Whether it is
   * one integration is the library's judgement (`invalid-current`, shown at the paste field).
   */
  readCurrent() {
    const text = this.currentText.value.trim();
    this.currentIntegration = null;
    this.fillButton.disabled = true;
    this.currentStatus.textContent = '';
    if (!text) return;
    const response = this.api.parseIntegrationResponse(text);
    let integration = response.integration;
    if (!integration && !response.integrations && !response.error) {
      try {
        integration = JSON.parse(text);
      } catch {
        return;
      }
    }
    if (!integration || typeof integration !== 'object' || Array.isArray(integration)) return;
    this.currentIntegration = integration;
    this.fillButton.disabled = false;
    const type = integration.integrationType ?? integration.type;
    if (!this.typeSelect.value && this.byType.has(type)) this.typeSelect.value = /** @type {string} */ (type);
    if (!this.idInput.value.trim() && Number.isInteger(integration.id)) this.idInput.value = String(integration.id);
    const name = integration.displayName ? ` “${integration.displayName}”` : '';
    this.currentStatus.textContent = `Current: integration ${integration.id ?? '(no id)'}, ${type ?? 'type unknown'}${name}. Only changed fields are sent.`;
  }

  fillFromCurrent() {
    const integration = this.currentIntegration;
    if (!integration) return;
    this.clearable.clear();
    for (const field of this.fields() ?? []) {
      const value = integration[field.name];
      if (field.secret || value === undefined || value === null) continue;
      this.panel.form.set(field.name, toFormValue(value));
      if (CLEARABLE_KINDS.has(field.kind)) this.clearable.add(field.name);
    }
    this.panel.renderFields();
    this.panel.validate();
  }

  type() {
    return this.typeSelect.value;
  }

  typeInfo() {
    return this.byType.get(this.type());
  }

  /** The fields to render: the type's (without `type` itself), or for an update of unknown type those every type has. */
  fields() {
    const info = this.typeInfo();
    if (info) return info.fields.filter((f) => f.name !== 'type');
    if (this.adding) return null;
    const [first, ...others] = this.types;
    return first.fields.filter((f) => f.name !== 'type' && others.every((t) => t.fields.some((g) => g.name === f.name)));
  }

  emptyMessage() {
    return 'Choose the integration type: the form then shows the fields that apply to that host, with the required ones marked.';
  }

  jsonEnabled() {
    return true;
  }

  renderContext() {
    const info = this.typeInfo();
    const current = this.currentIntegration;
    return {
      required: (f) => this.adding && f.required,
      defaultLabel: (f) => {
        if (!this.adding) {
          const value = current?.[f.name];
          return value === undefined || value === null ? 'Keep current' : `Keep current (${toFormValue(value)})`;
        }
        if (f.kind === 'enum') return 'Choose…';
        return f.default === undefined ? 'Not sent' : `Default (${toFormValue(f.default)})`;
      },
      placeholder: (f) => {
        if (!this.adding && current && current[f.name] !== undefined && current[f.name] !== '' && !f.secret) {
          return `current: ${toFormValue(current[f.name])}`;
        }
        if (!this.adding && f.secret) return 'unchanged unless filled in';
        if (f.name === 'origin') return info?.originExample ?? 'https://git.example.com';
        if (f.name === 'apiFilter') return FILTER_EXAMPLES[info?.family] ?? FILTER_EXAMPLES.gitHub;
        if (f.name === 'apiPath') {
          const known = this.knownPaths().find((k) => k.isDefault);
          return known ? `${known.path} (default)` : '/user/repos';
        }
        if (f.name === 'username' && this.type() === 'TFS_SERVER') return 'all (with a personal access token)';
        if (f.kind === 'integer' && f.default !== undefined) return `${f.default} (default)`;
        return PLACEHOLDERS[f.name] ?? '';
      },
      notes: {
        credentials: this.adding && info ? describeCredentials(info.credentials, info.fields) : '',
        projects: 'To limit the integration to some projects, set “Associate with all projects” to false and list their numeric ids.',
      },
    };
  }

  knownPaths() {
    const type = this.type();
    if (!type) return [];
    return this.api.knownApiPaths(type) ?? [];
  }

  decorate(field, wrapper, panel) {
    const onChange = () => panel.schedule();
    const slot = (el) => wrapper.append(el);
    if (field.name === 'apiFilter') {
      this.jmes = new JmesPreview({ prefix: `${this.prefix}-apiFilter`, api: this.api, samples: this.samples, onChange });
      slot(this.jmes.element);
    } else if (field.name === 'tagsFilter') {
      this.tags = new RegexPreview({ prefix: `${this.prefix}-tagsFilter`, api: this.api, sources: regexSources(this.samples, 'show'), mode: 'show', onChange });
      slot(this.tags.element);
    } else if (field.name === 'prHideFilter') {
      this.prHide = new RegexPreview({ prefix: `${this.prefix}-prHideFilter`, api: this.api, sources: regexSources(this.samples, 'hide'), mode: 'hide', onChange });
      slot(this.prHide.element);
    } else if (field.name === 'apiPath') {
      this.pathList = h('datalist', { id: `${this.prefix}-apiPath-list` });
      wrapper.querySelector('input').setAttribute('list', this.pathList.id);
      slot(this.pathList);
    }
  }

  afterRender() {
    this.jmes?.follow(this.typeInfo()?.family);
    if (this.pathList) {
      fill(this.pathList, this.knownPaths().map((k) => h('option', { value: k.path, label: k.description })));
    }
  }

  /** Diagnostics of the field checkers behind the previews, placed at their field. */
  previewDiagnostics(form) {
    const at = (path, list) => list.map((d) => ({ ...d, path: d.path && d.path !== '' ? `${path}${d.path}` : path }));
    const out = [];
    if ('apiFilter' in form && this.jmes) out.push(...at('/apiFilter', this.jmes.update(form.apiFilter, this.type() || undefined)));
    if ('tagsFilter' in form && this.tags) out.push(...at('/tagsFilter', this.tags.update(form.tagsFilter)));
    if ('prHideFilter' in form && this.prHide) out.push(...at('/prHideFilter', this.prHide.update(form.prHideFilter)));
    return out;
  }

  /** The library's options; `clear` names the fields whose empty value clears them (update). */
  /**
   * @param {{ withBaseUrl?: boolean, clear?: string[] }} [choice]
   * @returns {import('../pkg/web/index.mjs').BuildOptions}
   */
  options({ withBaseUrl = true, clear = [] } = {}) {
    /** @type {import('../pkg/web/index.mjs').BuildOptions} */
    const options = { operation: this.operation };
    if (!this.adding) {
      options.integrationId = this.idInput.value.trim();
      // As pasted: whether it is one integration, and the right one, is the library's finding.
      const current = this.currentText.value.trim();
      if (current) options.current = current;
      if (clear.length) options.clear = clear;
    }
    const base = this.baseUrl.value.trim();
    if (withBaseUrl && base) options.baseUrl = base;
    return options;
  }

  /** The form state with the chosen type (the builder reads the fields that apply to it). */
  withType(state) {
    const typed = 'type' in state || 'integrationType' in state;
    return (this.adding || this.type()) && !typed ? { type: this.type(), ...state } : state;
  }

  /** The clearable fields that `state` leaves empty: the update's explicit clears. */
  clears(state) {
    if (this.adding) return [];
    const kinds = new Map(this.types.flatMap((t) => t.fields.map((f) => [f.name, f.kind])));
    return [...this.clearable].filter((name) => CLEARABLE_KINDS.has(kinds.get(name)) && isEmpty(state[name]));
  }

  /** The form's clears as JSON members ("" or []), for a JSON body made from a form with errors. */
  clearsJson(state) {
    const kinds = new Map((this.fields() ?? []).map((f) => [f.name, f.kind]));
    return Object.fromEntries(this.clears(state).map((name) => [name, kinds.get(name) === 'projectIds' ? /** @type {unknown[]} */ ([]) : '']));
  }

  checkForm(form) {
    return this.api.buildIntegrationRequest(this.withType(form), this.options({ clear: this.clears(form) }));
  }

  // The JSON editor (json-check.js) goes through the same builder call as the form, so both modes
  // agree on the findings and the body; a "" or [] in the JSON is an explicit clear.

  /** The JSON text's own findings, at their line and column. */
  validateJson(text, clear) {
    return this.api.validateIntegrationJson(text, this.options({ withBaseUrl: false, clear }));
  }

  /** The update's clears: the members the JSON sets to "" or []. */
  jsonClears(body, restored) {
    if (!this.adding) this.clearable = new Set(Object.keys(body).filter((k) => isEmpty(body[k])));
    return this.clears(restored);
  }

  /** Add: the JSON names its own type (a missing one is a finding); update: the select's, as in the form. */
  buildJson(body, clear) {
    return this.api.buildIntegrationRequest(this.adding ? body : this.withType(body), this.options({ clear }));
  }

  /** The builder's findings, each at the line and column the JSON check gives the same finding. */
  mergeJson(built, validated) {
    const placed = validated.diagnostics;
    const diagnostics = built.diagnostics.map((d) => {
      const at = placed.find((p) => p.code === d.code && p.path === d.path && p.line) ?? placed.find((p) => p.path === d.path && d.path && p.line);
      return at ? { ...d, line: at.line, column: at.column } : d;
    });
    return { ...built, diagnostics };
  }

  /** Which control a finding belongs to, when its path does not say. */
  keyOf(d) {
    return d.code === 'current-id-mismatch' ? 'integrationId' : null;
  }

  /** A line under the request about what it changes (update): the fields it clears, or none. */
  describeRequest(request) {
    if (this.adding || !request?.body || typeof request.body !== 'object') return '';
    const cleared = Object.keys(request.body).filter((k) => isEmpty(request.body[k]));
    if (Object.keys(request.body).length === 0) return 'Changes nothing: the integration keeps every value.';
    return cleared.length ? `Clears ${cleared.join(', ')} (sent empty).` : 'Clears nothing: empty fields keep their current value.';
  }

  /** After a draft or Reset: the pasted integration as it now is, and no clear the admin did not make. */
  afterRestore() {
    this.clearable.clear();
    if (!this.adding) this.readCurrent();
  }

  /** The head controls' part of a JSON body. */
  headJson() {
    return this.adding && this.type() ? { type: this.type() } : {};
  }

  /** Takes what the head controls show from a pasted body; returns the rest. */
  importHead(body) {
    const rest = { ...body };
    const type = body.type ?? body.integrationType;
    if (this.adding) {
      // An unknown or missing type stays in the body, so the checks report it.
      this.typeSelect.value = this.byType.has(body.type) ? body.type : '';
      if (this.byType.has(body.type)) delete rest.type;
    } else {
      if (this.byType.has(type)) this.typeSelect.value = type;
      if (!this.idInput.value.trim() && Number.isInteger(body.id) && body.id > 0) this.idInput.value = String(body.id);
      // The builder never sends the type, nor an id equal to the URL's: the form does not list them.
      if (type === undefined || this.byType.has(type)) {
        delete rest.type;
        delete rest.integrationType;
      }
      if (String(body.id) === this.idInput.value.trim()) delete rest.id;
      this.clearable = new Set(Object.keys(body).filter((k) => isEmpty(body[k])));
    }
    return rest;
  }

  redact(body) {
    return this.api.redactIntegration(body);
  }

  /** The names of the API's fields that never hold a secret (any type's). */
  publicFields() {
    return new Set(this.types.flatMap((t) => t.fields.filter((f) => !f.secret && f.kind !== 'secret').map((f) => f.name)));
  }

  /** The documentation's page for this tab's call. */
  docOperation() {
    return this.operation;
  }

  /** The vendor's example body for the chosen type (update: the vendor's update example), or null. */
  example() {
    if (!this.adding) return GIJ_UPDATE;
    return this.type() ? GIJ_ADD[this.type()] ?? null : null;
  }

  /** What a Git Integration for Jira response means. */
  explainResponse(status, text) {
    const r = this.api.parseIntegrationResponse(text);
    const lines = [];
    let ok = r.ok;
    let headline;
    if (r.integration) {
      const i = r.integration;
      const name = typeof i.displayName === 'string' ? ` “${i.displayName}”` : '';
      headline = `Jira returned integration ${i.id ?? '(no id)'}, ${i.integrationType ?? i.type ?? 'type unknown'}${name}.`;
    } else if (r.integrations) {
      headline = `Jira returned a list of ${r.integrations.length} integrations.`;
    } else if (r.error) {
      headline = `Jira refused the request: ${r.error}`;
    } else {
      headline = r.ok ? 'Jira reports success.' : 'This is not a response Jira documents.';
    }
    if (r.advice) lines.push(`Jira’s advice: ${r.advice}`);
    if (status !== undefined && (status < 200 || status > 299)) {
      if (ok) lines.push(`HTTP ${status} is a failure whatever the body says.`);
      ok = false;
      if (status === 401 || status === 403) lines.push('Only Jira administrators may call this API: check the token and that its user is an administrator.');
      if (status === 404) lines.push('Check the Jira base URL, that Git Integration for Jira is installed, and the integration id.');
    }
    return { ok, headline, lines, diagnostics: r.diagnostics };
  }
}
