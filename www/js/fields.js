// @ts-check
// A form that renders itself from field descriptions (integrationTypes()[i].fields, xrayFields()):
// one control per field, named by its JSON field name, grouped into fieldsets. Values live in a
// map that outlives re-renders, so switching the type keeps what the admin typed.
import { h, fill, one, utf16Index, richText } from './dom.js';
import { suggestion } from './diagnostics.js';
import { docLink } from './doc-links.js';

/**
 * @typedef {import('../pkg/web/index.mjs').FieldDescription | import('../pkg/web/index.mjs').XrayFieldDescription} Field
 * @typedef {HTMLInputElement | HTMLSelectElement} Control
 * @typedef {{ field: Field, wrapper: HTMLElement, control: Control, msg: HTMLElement, hintId: string }} Entry
 * @typedef {object} RenderContext  how a tab labels its fields
 * @property {(field: Field) => boolean} required  whether to mark the field required
 * @property {(field: Field) => string} defaultLabel  a select's unset choice
 * @property {(field: Field) => string} placeholder  an input's placeholder
 * @property {Record<string, string>} notes  a line under a fieldset's legend, by group id
 */

/**
 * Which fieldset a field goes to; fields not listed go to the last group.
 * @type {{ id: string, title: string, names: string[], collapsible?: boolean }[]}
 */
const GROUPS = [
  { id: 'connection', title: 'Connection', names: ['displayName', 'origin', 'awsRegion', 'tfsCollection', 'folderDepth', 'connection_name', 'installation_type', 'jira_server_url', 'skip_proxy'] },
  { id: 'credentials', title: 'Credentials', names: ['auth_type', 'username', 'password', 'pat'] },
  { id: 'repositories', title: 'Repositories', names: ['apiPath', 'apiFilter', 'tagsFilter', 'prHideFilter', 'refSpecCustom', 'refSpecNotes', 'refSpecChanges'] },
  { id: 'projects', title: 'Jira projects', names: ['global', 'projectMappingIds'] },
  { id: 'options', title: 'More options', names: [], collapsible: true },
];

/** Fields that take a whole row: long values and the field languages. */
const WIDE = new Set(['origin', 'apiPath', 'apiFilter', 'tagsFilter', 'prHideFilter', 'refSpecCustom', 'jira_server_url', 'projectMappingIds']);
/** Fields whose value is code, shown in a monospace font. */
const CODE = new Set(['apiPath', 'apiFilter', 'tagsFilter', 'prHideFilter', 'refSpecCustom', 'projectMappingIds', 'origin', 'jira_server_url']);

/** The text an input shows for a JSON value. */
export function toFormValue(value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The JSON value of a control's text, by field kind (for the JSON editor; the builder does the real work). */
export function toJsonValue(field, text) {
  if (text === '') return undefined;
  switch (field.kind) {
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'integer':
      return /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : text;
    case 'projectIds':
      return text
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    case 'secret':
      return text;
    default:
      return text.trim();
  }
}

/** Whether a form control of this field can hold the JSON value without changing it. */
export function fits(field, value) {
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

export class FieldForm {
  /**
   * @param {{ prefix: string, container: HTMLElement, onInput: (name: string) => void,
   *   decorate?: (field: any, wrapper: HTMLElement) => void, doc?: (field: any) => any }} options
   */
  constructor({ prefix, container, onInput, decorate, doc }) {
    this.prefix = prefix;
    this.doc = doc;
    this.container = container;
    this.onInput = onInput;
    this.decorate = decorate;
    /** @type {Map<string, string>} */
    this.values = new Map();
    /** @type {Map<string, Entry>} */
    this.cache = new Map();
    /** @type {Field[]} */
    this.fields = [];
    /** Folded groups the admin opened. */
    this.openGroups = new Set();
  }

  id(name) {
    return `${this.prefix}-f-${name}`;
  }

  /**
   * Renders `fields`. `ctx.required(field)` says whether to mark it required, `ctx.defaultLabel(field)`
   * names the unset choice of a select, `ctx.placeholder(field)` gives an input's placeholder,
   * `ctx.notes[groupId]` adds a line of text under a fieldset's legend.
   * @param {Field[]} fields
   * @param {RenderContext} ctx
   */
  render(fields, ctx) {
    this.fields = fields;
    const groups = GROUPS.map((g) => ({ ...g, items: /** @type {HTMLElement[]} */ ([]) }));
    for (const field of fields) {
      const group = groups.find((g) => g.names.includes(field.name)) ?? groups[groups.length - 1];
      group.items.push(this.fieldElement(field, ctx));
    }
    const sets = groups
      .filter((g) => g.items.length > 0)
      .map((g) => {
        const set = h(
          'fieldset',
          { class: `group group-${g.id}` },
          h('legend', { class: g.collapsible ? 'visually-hidden' : null, text: g.title }),
          ctx.notes?.[g.id] ? h('p', { class: 'group-note', text: ctx.notes[g.id] }) : null,
          h('div', { class: 'grid' }, g.items),
        );
        if (!g.collapsible) return set;
        // Rarely changed settings start folded; a finding inside opens them (see focus()).
        const open = this.openGroups.has(g.id);
        const details = h(
          'details',
          { class: 'group-fold', open, ontoggle: () => (details.open ? this.openGroups.add(g.id) : this.openGroups.delete(g.id)) },
          h('summary', {}, h('span', { class: 'fold-title', text: g.title }), h('span', { class: 'fold-info' })),
          set,
        );
        return details;
      });
    fill(this.container, sets);
  }

  fieldElement(field, ctx) {
    let entry = this.cache.get(field.name);
    if (!entry || entry.field.kind !== field.kind) {
      entry = this.create(field);
      this.cache.set(field.name, entry);
    }
    entry.field = field;
    const { wrapper, control } = entry;
    const required = ctx.required(field);
    one(wrapper, '.req').hidden = !required;
    if (required) control.setAttribute('aria-required', 'true');
    else control.removeAttribute('aria-required');
    one(wrapper, '.label-text').textContent = field.label;
    const link = docLink(this.doc?.(field), 'Docs', field.label);
    fill(one(wrapper, '.hint'), field.description ?? '', link ? ' ' : '', link);
    if (control instanceof HTMLSelectElement) {
      control.options[0].textContent = ctx.defaultLabel(field);
    } else {
      const placeholder = ctx.placeholder(field);
      if (placeholder) control.placeholder = placeholder;
      else control.removeAttribute('placeholder');
    }
    setControl(control, this.values.get(field.name) ?? '');
    wrapper.classList.toggle('wide', WIDE.has(field.name));
    return wrapper;
  }

  create(field) {
    const id = this.id(field.name);
    const hintId = `${id}-hint`;
    const common = {
      id,
      name: field.name,
      'aria-describedby': hintId,
      oninput: () => this.changed(field.name),
      onchange: () => this.changed(field.name),
    };
    /** @type {Control} */
    let control;
    if (field.kind === 'boolean') {
      control = h(
        'select',
        common,
        h('option', { value: '' }),
        h('option', { value: 'true', text: 'true' }),
        h('option', { value: 'false', text: 'false' }),
      );
    } else if (field.kind === 'enum') {
      control = h(
        'select',
        common,
        h('option', { value: '' }),
        (field.values ?? []).map((v) => h('option', { value: v, text: v })),
      );
    } else {
      const secret = field.kind === 'secret' || field.secret;
      control = h('input', {
        ...common,
        type: secret ? 'password' : 'text',
        autocomplete: secret ? 'new-password' : 'off',
        spellcheck: 'false',
        autocapitalize: 'off',
        inputmode: field.kind === 'integer' ? 'numeric' : null,
        class: CODE.has(field.name) ? 'mono' : null,
      });
    }
    const secret = field.kind === 'secret' || field.secret;
    // A toggle button keeps its name; aria-pressed says whether the value is shown.
    const reveal = secret
      ? h('button', {
          type: 'button',
          class: 'reveal',
          'aria-pressed': 'false',
          'aria-controls': id,
          'aria-label': `Show ${field.label}`,
          text: 'Show',
          onclick: (event) => {
            // Only a secret's control, a text input, has this button.
            const input = /** @type {HTMLInputElement} */ (control);
            const shown = input.type === 'text';
            input.type = shown ? 'password' : 'text';
            event.currentTarget.setAttribute('aria-pressed', String(!shown));
          },
        })
      : null;
    const msg = h('div', { class: 'msg', id: `${id}-msg`, hidden: true });
    const wrapper = h(
      'div',
      { class: `field kind-${field.kind}`, dataset: { field: field.name } },
      h(
        'label',
        { for: id },
        h('span', { class: 'label-text' }),
        h('span', { class: 'req', text: 'required' }),
        h('code', { class: 'json-name', text: field.name }),
      ),
      reveal ? h('div', { class: 'with-button' }, control, reveal) : control,
      h('p', { class: 'hint', id: hintId }),
      msg,
    );
    const entry = { field, wrapper, control, msg, hintId };
    this.decorate?.(field, wrapper);
    return entry;
  }

  changed(name) {
    const entry = this.cache.get(name);
    if (!entry) return;
    this.values.set(name, entry.control.value);
    this.onInput(name);
  }

  /** Sets a value (and its control, when rendered). */
  set(name, value) {
    this.values.set(name, value);
    const entry = this.cache.get(name);
    if (entry) setControl(entry.control, value);
  }

  /** The control of a rendered field. */
  control(name) {
    return this.fields.some((f) => f.name === name) ? this.cache.get(name)?.control : undefined;
  }

  /** The form state of the rendered fields, as the builders take it (strings, "" for unset). */
  read() {
    const form = {};
    for (const field of this.fields) form[field.name] = this.values.get(field.name) ?? '';
    return form;
  }

  /** The rendered fields as a JSON object (unset values left out). */
  toJson() {
    const body = {};
    for (const field of this.fields) {
      const value = toJsonValue(field, this.values.get(field.name) ?? '');
      if (value !== undefined) body[field.name] = value;
    }
    return body;
  }

  /**
   * Shows each field's diagnostics next to it: `aria-invalid` for errors only, a message linked
   * by `aria-describedby` for every severity.
   * @param {Map<string, import('../pkg/web/index.mjs').Diagnostic[]>} byField
   * @param {(d: import('../pkg/web/index.mjs').Diagnostic) => any} [docOf]  the vendor page about a finding
   */
  showDiagnostics(byField, docOf) {
    for (const field of this.fields) {
      const { control, msg, hintId, wrapper } = /** @type {Entry} */ (this.cache.get(field.name));
      const list = byField.get(field.name) ?? [];
      const hasError = list.some((d) => d.severity === 'error');
      if (hasError) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      msg.hidden = list.length === 0;
      fill(msg, list.map((d) => message(d, control.value, docOf?.(d))));
      control.setAttribute('aria-describedby', list.length ? `${msg.id} ${hintId}` : hintId);
      wrapper.classList.toggle('has-error', hasError);
      wrapper.classList.toggle('has-warning', !hasError && list.some((d) => d.severity === 'warning'));
    }
    for (const fold of this.container.querySelectorAll('details.group-fold')) {
      const set = [...fold.querySelectorAll('.field')].filter((f) => /** @type {HTMLInputElement | null} */ (f.querySelector('input, select'))?.value !== '');
      const findings = fold.querySelectorAll('.msg-item').length;
      const parts = [set.length ? `${set.length} set` : 'all default', findings ? `${findings} finding${findings === 1 ? '' : 's'}` : ''];
      one(fold, '.fold-info').textContent = parts.filter(Boolean).join(' · ');
      fold.classList.toggle('has-findings', findings > 0);
    }
  }

  /** Focuses a field's control; with a character span, selects it inside the value. */
  focus(name, span) {
    const control = this.control(name);
    if (!control) return false;
    const fold = control.closest('details');
    if (fold) fold.open = true;
    control.focus();
    control.scrollIntoView({ block: 'center', behavior: 'instant' });
    if (span && control instanceof HTMLInputElement) {
      const text = control.value;
      control.setSelectionRange(utf16Index(text, span.start), utf16Index(text, span.end));
    }
    return true;
  }
}

/** Sets a control's value; a select gets an extra option for a value it does not offer (e.g. from pasted JSON). */
function setControl(control, value) {
  if (control.value === value) return;
  control.value = value;
  if (control.tagName === 'SELECT' && control.value !== value) {
    control.append(h('option', { value, text: value }));
    control.value = value;
  }
}

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Note' };

/** One diagnostic under its field: the message, where in the value, the suggestion and the vendor's page. */
export function message(d, value, doc) {
  return h(
    'div',
    { class: `msg-item sev-${d.severity}` },
    h('span', { class: 'sev-tag', text: SEVERITY_WORD[d.severity] ?? d.severity }),
    h('span', { class: 'msg-text' }, richText(d.message)),
    d.span ? excerpt(value, d.span) : null,
    suggestion(d, 'msg-suggest'),
    docLink(doc),
  );
}

/**
 * The value around a character span with the span marked, and its position in words
 * ("at character 8"). Long values are cut to a window around the span.
 */
function excerpt(value, span) {
  const chars = Array.from(value ?? '');
  const start = Math.min(span.start, chars.length);
  const end = Math.max(start, Math.min(span.end, chars.length));
  const from = Math.max(0, start - 24);
  const to = Math.min(chars.length, Math.max(end, start + 1) + 24);
  const marked = chars.slice(start, end).join('');
  return h(
    'span',
    { class: 'excerpt' },
    h(
      'code',
      {},
      from > 0 ? '…' : '',
      chars.slice(from, start).join(''),
      h('mark', { class: marked ? null : 'caret', text: marked || ' ' }),
      chars.slice(end, to).join(''),
      to < chars.length ? '…' : '',
    ),
    h('span', {
      class: 'position',
      text:
        end > start + 1
          ? `characters ${start + 1}–${end}`
          : `at character ${start + 1}`,
    }),
  );
}
