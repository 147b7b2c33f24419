// @ts-check
// One tab's workspace: the editor (form or JSON), the diagnostics summary and the live request.
// What differs between the Git Integration tabs and the Xray tab is in an adapter (gij.js, xray.js).
import { h, fill, one, debounce, count } from './dom.js';
import { FieldForm, toFormValue, message, fits } from './fields.js';
import { Summary, dedupe, topKey } from './diagnostics.js';
import { JsonEditor } from './json-editor.js';
import { checkJson } from './json-check.js';
import { maskSecrets, restoreSecrets } from './snippets.js';
import { RequestCard } from './request-card.js';
import { ResponsesCard } from './responses.js';
import { saveDraft, loadDraft, clearDraft, draftOf, restoreDraft } from './drafts.js';
import { fieldDoc, findingDoc, docLink } from './doc-links.js';

/**
 * @typedef {import('./adapter.js').Adapter} Adapter
 * @typedef {import('./adapter.js').Result} Result
 * @typedef {import('../pkg/web/index.mjs').Diagnostic} Diagnostic
 */

const DEBOUNCE_MS = 120;
/**
 * Findings about a required value that is still empty. Before the admin does anything in a tab
 * they are a to-do list in Checks, not errors on the fields: nothing is red on load.
 */
const PENDING_CODES = new Set([
  'missing-type',
  'missing-required-field',
  'missing-credentials',
  'invalid-integration-id',
  'xray-missing-required-field',
  'xray-missing-connection-name',
]);

export class Panel {
  // The parts build() makes.
  /** @type {HTMLButtonElement[]} */ modeButtons;
  /** @type {HTMLElement} */ modeNote;
  /** @type {HTMLElement} */ extrasBox;
  /** @type {HTMLElement} */ emptyNote;
  /** @type {HTMLFormElement} */ formMode;
  /** @type {HTMLElement} */ jsonMode;
  /** @type {HTMLElement} */ headControls;
  /** @type {HTMLElement} */ count;
  /** @type {HTMLElement} */ summaryList;
  /** @type {Summary} */ summary;
  /** @type {HTMLButtonElement} */ exampleButton;
  /** @type {HTMLButtonElement} */ resetButton;
  /** @type {HTMLElement} */ draftStatus;
  /** @type {HTMLAnchorElement} */ findingsBar;
  /** @type {ResponsesCard} */ responses;
  /** @type {RequestCard} */ request;

  /**
   * @param {HTMLElement} root   the tab panel
   * @param {Adapter} adapter
   */
  constructor(root, adapter) {
    this.root = root;
    this.adapter = adapter;
    this.prefix = adapter.prefix;
    this.mode = 'form';
    /** Keys from pasted JSON that have no control for the current type, sent as they are. */
    this.extras = {};
    /** Controls outside the generated fields (type, integration id, base URL ...), by name. */
    this.options = new Map();
    this.schedule = debounce(() => this.validate(), DEBOUNCE_MS);
    /** @type {Result | null} */
    this.lastResult = null;
    /** Whether the admin has changed anything in this tab yet (see PENDING_CODES). */
    this.acted = false;
    /** Values masked in the JSON editor, by key: the JSON shows `masked`, the request sends `value`. */
    this.held = {};

    this.form = new FieldForm({
      prefix: this.prefix,
      container: h('div', { class: 'field-groups' }),
      onInput: () => this.schedule(),
      decorate: (field, wrapper) => adapter.decorate?.(field, wrapper, this),
      doc: (field) => fieldDoc(adapter.product, adapter.docOperation(), field.name),
    });
    this.editor = new JsonEditor({
      id: `${this.prefix}-json`,
      label: `${adapter.title}: request body (JSON)`,
      describedBy: `${this.prefix}-json-hint`,
      onInput: () => this.schedule(),
    });
    this.build();
    adapter.attach(this);
    const act = (event) => {
      if (!event.target.closest?.('.responses')) this.acted = true;
    };
    this.root.addEventListener('input', act);
    this.root.addEventListener('change', act);
    this.restoreDraft();
    this.renderFields();
    this.validate();
  }

  build() {
    const a = this.adapter;
    const p = this.prefix;
    this.modeButtons = ['form', 'json'].map((mode) =>
      h('button', {
        type: 'button',
        class: 'seg',
        'aria-pressed': String(mode === 'form'),
        dataset: { mode },
        text: mode === 'form' ? 'Form' : 'JSON',
        onclick: () => this.setMode(mode),
      }),
    );
    this.modeNote = h('p', { class: 'mode-note', role: 'status' });
    this.extrasBox = h('div', { class: 'extras', hidden: true, tabindex: '-1', id: `${p}-extras` });
    this.emptyNote = h('p', { class: 'empty-note', hidden: true });
    this.formMode = h(
      'form',
      { class: 'form-mode', novalidate: true, 'aria-label': `${a.title} form`, onsubmit: (e) => e.preventDefault() },
      this.emptyNote,
      this.extrasBox,
      this.form.container,
    );
    this.jsonMode = h(
      'div',
      { class: 'json-mode', hidden: true },
      h('p', { class: 'hint', id: `${p}-json-hint`, text: a.jsonHint }),
      this.editor.element,
    );
    this.headControls = h('div', { class: 'head-controls' });
    const summaryId = `${p}-checks-title`;
    this.count = h('p', { class: 'count', role: 'status', 'aria-live': 'polite', id: `${p}-count` });
    this.summaryList = h('div', { class: 'summary-list' });
    this.summary = new Summary(this.count, this.summaryList, (d) => this.activate(d));

    this.exampleButton = h('button', { type: 'button', class: 'btn small', text: 'Load the vendor example', onclick: () => this.loadExample() });
    this.resetButton = h('button', { type: 'button', class: 'btn small', text: 'Reset', onclick: () => this.reset() });
    this.draftStatus = h('p', { class: 'draft-status', role: 'status' });
    this.findingsBar = h('a', { class: 'findings-bar', href: `#${p}-checks`, onclick: (e) => this.jumpToChecks(e) });
    this.responses = new ResponsesCard({
      prefix: p,
      explain: (status, text) => a.explainResponse(status, text),
      doc: () => fieldDoc(a.product, 'response', ''),
    });
    this.request = new RequestCard({
      prefix: p,
      adapter: a,
      onSecretsToggle: () => this.remaskJson(),
      latest: () => {
        this.schedule.now();
        return this.lastResult?.request;
      },
    });

    fill(
      this.root,
      h(
        'div',
        { class: 'workspace' },
        h(
          'div',
          { class: 'main-col' },
          this.findingsBar,
          h(
            'section',
            { class: 'card editor-card', 'aria-labelledby': `${p}-title` },
            h(
              'header',
              { class: 'card-head' },
              h('div', {}, h('h2', { id: `${p}-title`, text: a.title }), h('p', { class: 'lede', text: a.lede })),
              h('div', { class: 'segmented', role: 'group', 'aria-label': 'Edit as' }, this.modeButtons),
            ),
            this.headControls,
            h('div', { class: 'tools' }, this.exampleButton, this.resetButton, this.draftStatus),
            this.modeNote,
            this.formMode,
            this.jsonMode,
          ),
        ),
        h(
          'aside',
          { class: 'side-col', 'aria-label': 'Checks and request' },
          h(
            'section',
            { class: 'card checks', id: `${p}-checks`, 'aria-labelledby': summaryId, tabindex: '-1' },
            h('div', { class: 'checks-head' }, h('h2', { id: summaryId, text: 'Checks' }), this.count),
            this.summaryList,
          ),
          this.request.element,
          this.responses.element,
        ),
      ),
    );
  }

  /**
   * Registers a control that is not a generated field (e.g. the type select or the base URL), so
   * diagnostics about it are shown next to it and the summary can focus it.
   * @param {string} name
   * @param {string} label
   * @param {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} control
   * @param {{ hint?: string, where?: 'head' | 'request', wide?: boolean, required?: boolean, doc?: string | null }} [place]
   */
  option(name, label, control, { hint, where = 'head', wide = false, required = false, doc = null } = {}) {
    const id = control.id || `${this.prefix}-o-${name}`;
    control.id = id;
    const hintId = `${id}-hint`;
    const msg = h('div', { class: 'msg', id: `${id}-msg`, hidden: true });
    const wrapper = h(
      'div',
      { class: `field option${wide ? ' wide' : ''}`, dataset: { option: name } },
      h(
        'label',
        { for: id },
        h('span', { class: 'label-text', text: label }),
        required ? h('span', { class: 'req', text: 'required' }) : null,
      ),
      control,
      hint ? h('p', { class: 'hint', id: hintId }, hint, doc ? ' ' : '', docLink(doc, 'Docs', label)) : null,
      msg,
    );
    if (hint) control.setAttribute('aria-describedby', hintId);
    if (required) control.setAttribute('aria-required', 'true');
    this.options.set(name, { control, msg, hintId: hint ? hintId : '', wrapper, label });
    const target = where === 'request' ? one(this.request.element, '.request-options') : this.headControls;
    target.append(wrapper);
    return wrapper;
  }

  /** Re-renders the generated fields (after the type or operation changed). */
  renderFields() {
    const fields = this.adapter.fields();
    this.emptyNote.hidden = Boolean(fields?.length);
    this.emptyNote.textContent = fields?.length ? '' : this.adapter.emptyMessage();
    // Pasted keys that now have a control move into the form.
    for (const field of fields ?? []) {
      if (field.name in this.extras) {
        if (!fits(field, this.extras[field.name])) continue;
        this.form.set(field.name, toFormValue(this.extras[field.name]));
        delete this.extras[field.name];
      }
    }
    this.form.render(fields ?? [], this.adapter.renderContext());
    this.adapter.afterRender?.();
    this.renderExtras();
    const jsonOk = this.adapter.jsonEnabled();
    this.modeButtons[1].disabled = !jsonOk;
    if (!jsonOk && this.mode === 'json') this.setMode('form');
  }

  renderExtras() {
    const keys = Object.keys(this.extras);
    this.extrasBox.hidden = keys.length === 0;
    fill(
      this.extrasBox,
      h('p', { class: 'extras-title', text: `Kept from the pasted JSON (no form field for ${count(keys.length, 'this key', 'these keys')}; checked, and sent when the request has it):` }),
      h(
        'ul',
        {},
        keys.map((key) =>
          h(
            'li',
            { dataset: { key } },
            h('code', { text: `"${key}": ${JSON.stringify(this.extras[key])}`.slice(0, 80) }),
            h('span', { class: 'extra-sent' }),
            h('button', {
              type: 'button',
              class: 'link',
              'aria-label': `Remove ${key}`,
              text: 'Remove',
              onclick: () => {
                delete this.extras[key];
                this.renderExtras();
                this.validate();
              },
            }),
          ),
        ),
      ),
    );
  }

  /** The form state: pasted extras first, the controls' values over them. */
  formState() {
    return { ...this.extras, ...this.form.read() };
  }

  setMode(mode) {
    if (mode === this.mode) return;
    this.modeNote.textContent = '';
    if (mode === 'json') {
      this.schedule.now();
      const built = this.lastResult?.request?.body;
      const body = built ?? { ...this.adapter.headJson(), ...this.extras, ...this.form.toJson(), ...this.adapter.clearsJson?.(this.formState()) };
      this.editor.value = JSON.stringify(this.maskForJson(body), null, 2);
    } else {
      let parsed;
      try {
        parsed = JSON.parse(this.editor.value || '{}');
      } catch {
        this.modeNote.textContent = 'The JSON has a syntax error (see Checks); fix it to fill the form.';
        this.validate();
        return;
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        this.modeNote.textContent = 'The JSON is not an object, so it cannot fill the form.';
        return;
      }
      this.importBody(this.restoreHeld(parsed));
    }
    this.showMode(mode);
    this.validate();
  }

  /** Shows the form or the JSON editor (the content is already in place). */
  showMode(mode) {
    this.mode = mode;
    for (const b of this.modeButtons) b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
    this.formMode.hidden = mode !== 'form';
    this.jsonMode.hidden = mode !== 'json';
    this.root.dataset.mode = mode;
  }

  /**
   * Fills the form from a JSON body. A value goes into its control when the control can hold it
   * exactly (a boolean for a boolean field, a string for a text field, ...); anything else stays
   * a pasted extra, sent as it is, so the checks still see it.
   */
  importBody(body) {
    const rest = this.adapter.importHead(body);
    const rendered = new Map((this.adapter.fields() ?? []).map((f) => [f.name, f]));
    this.form.values.clear();
    this.extras = {};
    for (const [key, value] of Object.entries(rest)) {
      const field = rendered.get(key);
      if (field && fits(field, value)) this.form.set(key, toFormValue(value));
      else this.extras[key] = value;
    }
    this.renderFields();
  }

  /** Runs the checks and updates everything that shows their results. */
  validate() {
    const a = this.adapter;
    let result;
    if (this.mode === 'json') {
      result = checkJson(a, this.editor.value, (body) => this.restoreHeld(body));
      this.editor.setDiagnostics(result.diagnostics);
    } else {
      const form = this.formState();
      result = a.checkForm(form);
      // One finding per problem: a preview's checker repeats some of the form checks' findings.
      const previews = (a.previewDiagnostics?.(form) ?? []).filter((d) => !d.code.includes('preview'));
      result = { ...result, diagnostics: dedupe([...result.diagnostics, ...previews]) };
    }
    this.lastResult = result;
    const grouped = new Map();
    for (const d of result.diagnostics) {
      const key = this.keyOf(d);
      if (!grouped.has(key)) grouped.set(key, []);
      grouped.get(key).push(d);
    }
    const shown = new Map([...grouped].map(([key, list]) => [key, list.filter((d) => !this.pending(d))]));
    this.form.showDiagnostics(this.mode === 'form' ? shown : new Map(), (d) => this.docOf(d));
    this.showOptionDiagnostics(shown);
    this.summary.show(result.diagnostics, (d) => this.where(d), (d) => this.pending(d), (d) => this.docOf(d));
    this.findingsBar.textContent = `${this.count.textContent} · Checks`;
    this.findingsBar.dataset.state = this.count.dataset.state;
    this.showRequest(result);
    this.root.dataset.state = result.diagnostics.some((d) => d.severity === 'error' && !this.pending(d)) ? 'error' : 'ok';
    this.saveDraft();
    return result;
  }

  /**
   * Whether a finding is about a required value the admin has not had a chance to give yet.
   * @param {Diagnostic} d
   */
  pending(d) {
    return !this.acted && this.mode === 'form' && PENDING_CODES.has(d.code);
  }

  /** The vendor page about a finding. */
  docOf(d) {
    return findingDoc(this.adapter.product, this.adapter.docOperation(), d);
  }

  /** Moves to the Checks card (the findings bar on narrow screens). */
  jumpToChecks(event) {
    event.preventDefault();
    const card = one(this.root, '.checks');
    card.scrollIntoView({ block: 'start', behavior: 'instant' });
    card.focus({ preventScroll: true });
  }

  /** A body for the JSON editor: secrets as placeholders unless "Include secrets" is ticked. */
  maskForJson(body) {
    this.held = {};
    if (this.request.includeSecrets.checked || !body || typeof body !== 'object') return body;
    const { masked, held } = maskSecrets(body, this.adapter.redact(body));
    this.held = held;
    return masked;
  }

  /** Shows or hides the secrets in the JSON editor as "Include secrets" now says. */
  remaskJson() {
    if (this.mode !== 'json') return;
    let body;
    try {
      body = this.restoreHeld(JSON.parse(this.editor.value));
    } catch {
      return; // Text that is not JSON is left as the admin typed it.
    }
    this.editor.value = JSON.stringify(this.maskForJson(body), null, 2);
    this.validate();
  }

  /** A JSON body with the placeholders the editor showed replaced by the values they stand for. */
  restoreHeld(body) {
    return restoreSecrets(body, this.held);
  }

  saveDraft() {
    const draft = draftOf(this);
    const empty = !Object.keys(draft.options).length && !Object.keys(draft.values).length && !Object.keys(draft.extras).length && !draft.json;
    if (empty) clearDraft(this.prefix);
    // The first save says so; a message about a restore, reset or example stays.
    else if (saveDraft(this.prefix, draft) && !this.draftStatus.textContent) {
      this.draftStatus.textContent = 'Draft kept in this browser (without secrets).';
    }
  }

  /** Fills the tab from the draft this browser kept, if any. */
  restoreDraft() {
    if (!restoreDraft(this, loadDraft(this.prefix))) return;
    this.acted = true;
    this.draftStatus.textContent = 'Draft restored from this browser (secrets are never kept: enter them again).';
  }

  /** Empties the tab: the form, the pasted keys, the JSON, the options and the stored draft. */
  reset() {
    clearDraft(this.prefix);
    if (this.mode === 'json') this.setMode('form');
    this.form.values.clear();
    this.extras = {};
    this.editor.value = '';
    for (const { control } of this.options.values()) {
      control.value = control.tagName === 'SELECT' ? control.options[0]?.value ?? '' : '';
    }
    this.adapter.afterRestore?.();
    this.acted = false;
    this.renderFields();
    this.validate();
    this.draftStatus.textContent = 'Reset: the form is empty and no draft is kept.';
  }

  /** Fills the form with the vendor's example for the chosen type or call (secrets left empty). */
  loadExample() {
    const example = this.adapter.example();
    if (!example) {
      this.draftStatus.textContent = this.adapter.product === 'gij' ? 'Choose the integration type first: each type has its own example.' : 'This call has no body to fill.';
      return;
    }
    if (this.mode === 'json') this.setMode('form');
    this.form.values.clear();
    this.extras = {};
    for (const [key, value] of Object.entries(example)) this.form.set(key, toFormValue(value));
    this.acted = true;
    this.renderFields();
    this.validate();
    this.draftStatus.textContent = 'Vendor example loaded; enter the secrets it needs.';
  }

  /**
   * The control name a diagnostic belongs to ("" when none).
   * @param {Diagnostic} d
   * @returns {string}
   */
  keyOf(d) {
    const alias = this.adapter.keyOf?.(d);
    if (alias && (this.options.has(alias) || this.form.control(alias))) return alias;
    const key = topKey(d.path);
    const option = d.params?.option;
    if (key === '' && typeof option === 'string' && this.options.has(option)) return option;
    return key;
  }

  showOptionDiagnostics(grouped) {
    for (const [name, { control, msg, hintId, wrapper }] of this.options) {
      const list = (this.mode === 'form' || name !== 'type' ? grouped.get(name) : null) ?? [];
      const hasError = list.some((d) => d.severity === 'error');
      if (hasError) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      msg.hidden = list.length === 0;
      fill(msg, list.map((d) => message(d, control.value, this.docOf(d))));
      const described = [list.length ? msg.id : '', hintId].filter(Boolean).join(' ');
      if (described) control.setAttribute('aria-describedby', described);
      else control.removeAttribute('aria-describedby');
      wrapper.classList.toggle('has-error', hasError);
    }
    for (const li of this.extrasBox.querySelectorAll('li')) {
      const list = grouped.get(li.dataset.key) ?? [];
      li.className = list.some((d) => d.severity === 'error') ? 'sev-error' : list.length ? 'sev-warning' : '';
      li.title = list.map((d) => d.message).join(' ');
    }
  }

  /** A short location for the summary. */
  where(d) {
    if (this.mode === 'json' && !(d.params?.option && this.options.has(d.params.option))) {
      const at = d.line ? `Line ${d.line}, col ${d.column}` : 'Body';
      return d.path ? `${at} · ${d.path}` : at;
    }
    const key = this.keyOf(d);
    const field = this.form.fields.find((f) => f.name === key);
    if (field) return d.path.split('/').length > 2 ? `${field.label} (${d.path})` : field.label;
    if (this.options.has(key)) return this.options.get(key).label;
    if (key in this.extras) return `"${key}" (pasted)`;
    return d.path ? d.path : 'Whole body';
  }

  /** Takes the admin to a diagnostic: its field (form) or its line and column (JSON). */
  activate(d) {
    const key = this.keyOf(d);
    const option = this.options.get(key);
    // Asking for a finding is acting: its field shows it from now on.
    if (!this.acted) {
      this.acted = true;
      this.validate();
    }
    // In JSON mode a finding is at a line, unless it is about an option input (the id, the URL).
    const aboutOption = option && (d.line === undefined || d.params?.option === key);
    if (this.mode === 'json' && !aboutOption) {
      this.editor.reveal(d.line ?? 1, d.column ?? 1);
      return;
    }
    if (this.form.focus(key, d.span)) return;
    if (option) {
      option.control.focus();
      return;
    }
    if (key in this.extras) {
      /** @type {HTMLElement | null} */ (this.extrasBox.querySelector(`li[data-key="${CSS.escape(key)}"] button`))?.focus();
      return;
    }
    // No control for this path: the closest one is the first control of the editor.
    const controls = 'select, input, textarea';
    const first = /** @type {HTMLElement | null} */ (this.headControls.querySelector(controls) ?? this.form.container.querySelector(controls));
    first?.focus();
  }

  /** The request card, and whether each pasted key is in the request (the builder leaves out what does not change). */
  showRequest(result) {
    const request = result.request;
    for (const li of this.extrasBox.querySelectorAll('li')) {
      const sent = Boolean(request?.body && typeof request.body === 'object' && String(li.dataset.key) in request.body);
      li.dataset.sent = String(sent);
      one(li, '.extra-sent').textContent = !request ? '' : sent ? ' sent' : ' not sent';
    }
    this.request.show(result, (d) => this.pending(d));
  }
}
