// @ts-check
// The Request card of a tab: the live request (method, URL, body with its secrets masked), the
// "Include secrets" switch and the copy buttons (curl, fetch(), the JSON body). The curl command
// is the CLI's (cli/shell.mjs), so both print the same one.
import { h, fill, count } from './dom.js';
import { toFetch, snippetBody, copyText } from './snippets.js';
import { curlCommand } from '../pkg/cli/shell.mjs';

/**
 * @typedef {import('./adapter.js').Adapter} Adapter
 * @typedef {import('./adapter.js').Result} Result
 * @typedef {import('../pkg/web/index.mjs').Diagnostic} Diagnostic
 * @typedef {import('../pkg/web/index.mjs').HttpRequest} HttpRequest
 * @typedef {'curl' | 'fetch' | 'json'} CopyKind
 */

const COPIED = { curl: 'as curl', fetch: 'as fetch()', json: 'the JSON body' };

export class RequestCard {
  /**
   * @param {{ prefix: string, adapter: Adapter, onSecretsToggle: () => void,
   *   latest: () => HttpRequest | undefined }} options
   *   `latest` gives the request of the checks as they are now (a pending check run first).
   */
  constructor({ prefix, adapter, onSecretsToggle, latest }) {
    const p = prefix;
    this.adapter = adapter;
    this.latest = latest;
    this.line = h('div', { class: 'req-line' });
    this.body = h('pre', { class: 'req-body', tabindex: '0', 'aria-label': 'Request body, secrets masked' });
    this.empty = h('p', { class: 'req-empty' });
    this.note = h('p', { class: 'req-note', id: `${p}-req-note`, hidden: true });
    this.includeSecrets = h('input', { type: 'checkbox', id: `${p}-include-secrets`, name: 'includeSecrets', onchange: onSecretsToggle });
    const button = (/** @type {CopyKind} */ kind, /** @type {string} */ text) =>
      h('button', { type: 'button', class: 'btn', dataset: { copy: kind }, text, onclick: () => this.copy(kind) });
    this.buttons = { curl: button('curl', 'Copy as curl'), fetch: button('fetch', 'Copy as fetch()'), json: button('json', 'Copy JSON body') };
    this.status = h('p', { class: 'copy-status', role: 'status' });
    this.element = h(
      'section',
      { class: 'card request', 'aria-labelledby': `${p}-req-title` },
      h('h2', { id: `${p}-req-title`, text: 'Request' }),
      h('div', { class: 'request-options' }),
      this.line,
      this.empty,
      this.note,
      this.body,
      h(
        'div',
        { class: 'req-actions' },
        h('label', { class: 'check', for: this.includeSecrets.id }, this.includeSecrets, ' Include secrets in copies and JSON'),
        h('div', { class: 'buttons' }, this.buttons.curl, this.buttons.fetch, this.buttons.json),
      ),
      this.status,
    );
  }

  /**
   * Shows the request of `result`, or why there is none yet.
   * @param {Result} result
   * @param {(d: Diagnostic) => boolean} pending  whether a finding is still a to-do, not an error
   */
  show(result, pending) {
    const request = result.request;
    const note = this.adapter.describeRequest?.(request) ?? '';
    this.note.hidden = !note;
    this.note.textContent = note;
    this.buttons.curl.disabled = !request;
    this.buttons.fetch.disabled = !request;
    this.buttons.json.disabled = !request || request.body === undefined;
    this.element.dataset.ready = String(Boolean(request));
    if (!request) {
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      const todo = errors.filter(pending).length;
      fill(this.line);
      this.body.hidden = true;
      this.empty.hidden = false;
      if (errors.length > todo) this.empty.textContent = `No request yet: ${count(errors.length - todo, 'error')} to fix first.`;
      else if (todo) this.empty.textContent = `No request yet: ${count(todo, 'required value')} to fill in first.`;
      else this.empty.textContent = 'No request yet.';
      return;
    }
    this.empty.hidden = true;
    fill(
      this.line,
      h('span', { class: `method m-${request.method.toLowerCase()}`, text: request.method }),
      h('code', { class: 'url', text: request.url ?? request.path }),
    );
    if (request.body === undefined) {
      this.body.hidden = true;
      this.empty.hidden = false;
      this.empty.textContent = 'This call has no body.';
    } else {
      this.body.hidden = false;
      this.body.textContent = JSON.stringify(this.adapter.redact(request.body), null, 2);
    }
  }

  /**
   * Copies the request as `kind`, secrets as placeholders unless "Include secrets" is ticked.
   * @param {CopyKind} kind
   */
  async copy(kind) {
    const request = this.latest();
    if (!request) return;
    const a = this.adapter;
    const withSecrets = this.includeSecrets.checked;
    const body = request.body === undefined ? undefined : snippetBody(request.body, a.redact(request.body), withSecrets);
    const options = { body, ...a.caller };
    const text =
      kind === 'curl' ? curlCommand(request, options) : kind === 'fetch' ? toFetch(request, options) : JSON.stringify(body ?? null, null, 2);
    const copied = await copyText(text, this.element);
    this.element.dataset.lastCopiedKind = kind;
    this.status.textContent = copied
      ? `Copied ${COPIED[kind]}${withSecrets ? ', with secrets' : ', secrets as placeholders'}.`
      : 'The browser did not allow copying; the snippet is below.';
    if (!copied) {
      this.body.hidden = false;
      this.body.textContent = text;
    }
  }
}
