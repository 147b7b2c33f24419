// @ts-check
// Drafts: each tab's form kept in localStorage so a reload or a closed tab loses nothing. A draft
// never holds a secret: every value goes through the library's redaction first, and a value the
// redaction changes (a password, a token, a URL with credentials) is left out altogether. A text
// under a key the API does not define is left out too: it may be a misspelt secret ("passwrd"),
// which the redaction does not know.

const KEY = 'jira-integration-payloads:draft:';

/**
 * The values of `values` that the redaction leaves as they are, without texts under keys that
 * are not in `known`.
 * @param {Record<string, unknown>} values
 * @param {(body: object) => any} redact  the library's redaction for the tab's API
 * @param {Set<string>} [known]  the API's fields that hold no secret; without it, every key
 */
export function withoutSecrets(values, redact, known) {
  const redacted = redact(values) ?? {};
  const out = {};
  for (const [key, value] of Object.entries(values)) {
    if (known && !known.has(key) && typeof value === 'string') continue;
    if (JSON.stringify(redacted[key]) === JSON.stringify(value)) out[key] = value;
  }
  return out;
}

/** A pasted body with placeholders for what withoutSecrets would leave out. */
function maskBody(body, redact, known) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const kept = withoutSecrets(body, redact, known);
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, key in kept ? value : `<${key}>`]));
}

/** Stores a tab's draft (a plain object); a full or disabled storage is not an error. */
export function saveDraft(tab, draft) {
  try {
    localStorage.setItem(KEY + tab, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** A tab's stored draft, or null. */
export function loadDraft(tab) {
  try {
    const text = localStorage.getItem(KEY + tab);
    const draft = text ? JSON.parse(text) : null;
    return draft && typeof draft === 'object' ? draft : null;
  } catch {
    return null;
  }
}

/** Forgets a tab's draft. */
export function clearDraft(tab) {
  try {
    localStorage.removeItem(KEY + tab);
  } catch {
    // Storage disabled: there is nothing to clear.
  }
}

/** Option controls whose value a draft keeps (the pasted current integration is not kept). */
const DRAFT_OPTIONS = ['type', 'integrationId', 'baseUrl', 'operation', 'connectionName', 'pathStyle'];

/**
 * A tab's state without secrets: its options, the form's values (secret fields left out, the rest
 * through withoutSecrets), the pasted keys, the mode, and in JSON mode the JSON with every value
 * the redaction changes as a placeholder (text that is not JSON cannot be masked: it is not kept).
 * @param {import('./panel.js').Panel} panel
 */
export function draftOf(panel) {
  const redact = (values) => panel.adapter.redact(values);
  const options = {};
  for (const name of DRAFT_OPTIONS) {
    const control = panel.options.get(name)?.control;
    if (control && control.value) options[name] = control.value;
  }
  const secret = new Set([...panel.form.cache.values()].filter((e) => e.field.secret || e.field.kind === 'secret').map((e) => e.field.name));
  const values = Object.fromEntries([...panel.form.values].filter(([name, value]) => value !== '' && !secret.has(name)));
  const known = panel.adapter.publicFields();
  const draft = {
    options: withoutSecrets(options, redact),
    values: withoutSecrets(values, redact, known),
    extras: withoutSecrets(panel.extras, redact, known),
    mode: panel.mode,
  };
  if (panel.mode === 'json') {
    try {
      draft.json = JSON.stringify(maskBody(JSON.parse(panel.editor.value), redact, known), null, 2);
    } catch {
      // Not JSON: nothing to keep.
    }
  }
  return draft;
}

/**
 * Puts a draft back into a tab (before its first render). Returns whether there was one.
 * @param {import('./panel.js').Panel} panel
 * @param {any} draft
 */
export function restoreDraft(panel, draft) {
  if (!draft) return false;
  for (const [name, value] of Object.entries(draft.options ?? {})) {
    const control = panel.options.get(name)?.control;
    if (control && typeof value === 'string') control.value = value;
  }
  for (const [name, value] of Object.entries(draft.values ?? {})) {
    if (typeof value === 'string') panel.form.set(name, value);
  }
  panel.extras = draft.extras && typeof draft.extras === 'object' && !Array.isArray(draft.extras) ? { ...draft.extras } : {};
  panel.adapter.afterRestore?.();
  if (draft.mode === 'json' && typeof draft.json === 'string') {
    panel.editor.value = draft.json;
    panel.showMode('json');
  }
  return true;
}
