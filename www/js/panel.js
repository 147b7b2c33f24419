// One tab's workspace: the editor (form or JSON), the diagnostics summary and the live request.
// What differs between the Git Integration tabs and the Xray tab is in an adapter (gij.js, xray.js).
import { h, fill, debounce, count } from './dom.js';
import { FieldForm, toFormValue, message } from './fields.js';
import { Summary, dedupe, topKey } from './diagnostics.js';
import { JsonEditor } from './json-editor.js';
import { toCurl, toFetch, snippetBody, copyText } from './snippets.js';

const DEBOUNCE_MS = 120;

export class Panel {
  /**
   * @param {HTMLElement} root   the tab panel
   * @param {any} adapter
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
    this.lastResult = null;

    this.form = new FieldForm({
      prefix: this.prefix,
      container: h('div', { class: 'field-groups' }),
      onInput: () => this.schedule(),
      decorate: (field, wrapper) => adapter.decorate?.(field, wrapper, this),
    });
    this.editor = new JsonEditor({
      id: `${this.prefix}-json`,
      label: `${adapter.title}: request body (JSON)`,
      describedBy: `${this.prefix}-json-hint`,
      onInput: () => this.schedule(),
    });
    this.build();
    adapter.attach(this);
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

    this.reqLine = h('div', { class: 'req-line' });
    this.reqBody = h('pre', { class: 'req-body', tabindex: '0', 'aria-label': 'Request body, secrets masked' });
    this.reqEmpty = h('p', { class: 'req-empty' });
    this.includeSecrets = h('input', { type: 'checkbox', id: `${p}-include-secrets`, name: 'includeSecrets' });
    this.copyCurl = h('button', { type: 'button', class: 'btn', dataset: { copy: 'curl' }, text: 'Copy as curl', onclick: () => this.copy('curl') });
    this.copyFetch = h('button', { type: 'button', class: 'btn', dataset: { copy: 'fetch' }, text: 'Copy as fetch()', onclick: () => this.copy('fetch') });
    this.copyStatus = h('p', { class: 'copy-status', role: 'status' });
    this.requestCard = h(
      'section',
      { class: 'card request', 'aria-labelledby': `${p}-req-title` },
      h('h2', { id: `${p}-req-title`, text: 'Request' }),
      h('div', { class: 'request-options' }),
      this.reqLine,
      this.reqEmpty,
      this.reqBody,
      h(
        'div',
        { class: 'req-actions' },
        h('label', { class: 'check', for: this.includeSecrets.id }, this.includeSecrets, ' Include secrets in copies'),
        h('div', { class: 'buttons' }, this.copyCurl, this.copyFetch),
      ),
      this.copyStatus,
    );

    fill(
      this.root,
      h(
        'div',
        { class: 'workspace' },
        h(
          'div',
          { class: 'main-col' },
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
            { class: 'card checks', 'aria-labelledby': summaryId },
            h('div', { class: 'checks-head' }, h('h2', { id: summaryId, text: 'Checks' }), this.count),
            this.summaryList,
          ),
          this.requestCard,
        ),
      ),
    );
  }

  /**
   * Registers a control that is not a generated field (e.g. the type select or the base URL), so
   * diagnostics about it are shown next to it and the summary can focus it.
   */
  option(name, label, control, { hint, where = 'head', wide = false, required = false } = {}) {
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
      hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null,
      msg,
    );
    if (hint) control.setAttribute('aria-describedby', hintId);
    if (required) control.setAttribute('aria-required', 'true');
    this.options.set(name, { control, msg, hintId: hint ? hintId : '', wrapper, label });
    const target = where === 'request' ? this.requestCard.querySelector('.request-options') : this.headControls;
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
      h('p', { class: 'extras-title', text: `Kept from the pasted JSON (no form field for ${count(keys.length, 'this key', 'these keys')}; sent as is):` }),
      h(
        'ul',
        {},
        keys.map((key) =>
          h(
            'li',
            { dataset: { key } },
            h('code', { text: `"${key}": ${JSON.stringify(this.extras[key])}`.slice(0, 80) }),
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
      const body = built ?? { ...this.adapter.headJson(), ...this.extras, ...this.form.toJson() };
      this.editor.value = JSON.stringify(body, null, 2);
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
      this.importBody(parsed);
    }
    this.mode = mode;
    for (const b of this.modeButtons) b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
    this.formMode.hidden = mode !== 'form';
    this.jsonMode.hidden = mode !== 'json';
    this.root.dataset.mode = mode;
    this.validate();
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
      result = a.checkJson(this.editor.value);
      this.editor.setDiagnostics(result.diagnostics);
    } else {
      const form = this.formState();
      result = a.checkForm(form);
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
    this.form.showDiagnostics(this.mode === 'form' ? grouped : new Map());
    this.showOptionDiagnostics(grouped);
    this.summary.show(result.diagnostics, (d) => this.where(d));
    this.showRequest(result);
    this.root.dataset.state = result.diagnostics.some((d) => d.severity === 'error') ? 'error' : 'ok';
    return result;
  }

  /** The control name a diagnostic belongs to ("" when none). */
  keyOf(d) {
    const alias = this.adapter.keyOf?.(d);
    if (alias && (this.options.has(alias) || this.form.control(alias))) return alias;
    const key = topKey(d.path);
    if (key === '' && d.params?.option && this.options.has(d.params.option)) return d.params.option;
    return key;
  }

  showOptionDiagnostics(grouped) {
    for (const [name, { control, msg, hintId, wrapper }] of this.options) {
      const list = (this.mode === 'form' || name !== 'type' ? grouped.get(name) : null) ?? [];
      const hasError = list.some((d) => d.severity === 'error');
      if (hasError) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      msg.hidden = list.length === 0;
      fill(msg, list.map((d) => message(d, control.value)));
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
      this.extrasBox.querySelector(`li[data-key="${CSS.escape(key)}"] button`)?.focus();
      return;
    }
    // No control for this path: the closest one is the first control of the editor.
    const first = this.headControls.querySelector('select, input, textarea') ?? this.form.container.querySelector('select, input, textarea');
    first?.focus();
  }

  showRequest(result) {
    const request = result.request;
    this.copyCurl.disabled = !request;
    this.copyFetch.disabled = !request;
    this.requestCard.dataset.ready = String(Boolean(request));
    if (!request) {
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      fill(this.reqLine);
      this.reqBody.hidden = true;
      this.reqEmpty.hidden = false;
      this.reqEmpty.textContent = errors
        ? `No request yet: ${count(errors, 'error')} to fix first.`
        : 'No request yet.';
      return;
    }
    this.reqEmpty.hidden = true;
    fill(
      this.reqLine,
      h('span', { class: `method m-${request.method.toLowerCase()}`, text: request.method }),
      h('code', { class: 'url', text: request.url ?? request.path }),
    );
    if (request.body === undefined) {
      this.reqBody.hidden = true;
      this.reqEmpty.hidden = false;
      this.reqEmpty.textContent = 'This call has no body.';
    } else {
      this.reqBody.hidden = false;
      this.reqBody.textContent = JSON.stringify(this.adapter.redact(request.body), null, 2);
    }
  }

  async copy(kind) {
    this.schedule.now();
    const request = this.lastResult?.request;
    if (!request) return;
    const a = this.adapter;
    const body =
      request.body === undefined
        ? undefined
        : snippetBody(request.body, a.redact(request.body), this.includeSecrets.checked);
    const options = { body, auth: a.auth, baseVariable: a.baseVariable };
    const text = kind === 'curl' ? toCurl(request, options) : toFetch(request, options);
    const copied = await copyText(text, this.requestCard);
    this.requestCard.dataset.lastCopiedKind = kind;
    this.copyStatus.textContent = copied
      ? `Copied as ${kind === 'curl' ? 'curl' : 'fetch()'}${this.includeSecrets.checked ? ', with secrets' : ', secrets as placeholders'}.`
      : 'The browser did not allow copying; the snippet is below.';
    if (!copied) {
      this.reqBody.hidden = false;
      this.reqBody.textContent = text;
    }
  }
}

/** Whether a form control of this field can hold the JSON value without changing it. */
function fits(field, value) {
  switch (field.kind) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number';
    case 'projectIds':
      return Array.isArray(value) && value.every((v) => typeof v === 'number');
    default:
      return typeof value === 'string';
  }
}
