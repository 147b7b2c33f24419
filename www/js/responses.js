// @ts-check
// The Responses card: the admin pastes what Jira or Xray answered (and the HTTP status) and reads
// the library's explanation (parseIntegrationResponse / parseXrayResponse through the adapter).
// Only the explanation is shown, never the pasted body, so a secret in it is not repeated.
import { h, fill, debounce, richText } from './dom.js';
import { docLink } from './doc-links.js';

/** The card: an HTTP status input, a body textarea and the explanation (a polite live region). */
export class ResponsesCard {
  /**
   * @param {{ prefix: string, explain: (status: number|undefined, text: string) => {ok: boolean,
   *   headline: string, lines: string[], diagnostics: import('../pkg/web/index.mjs').Diagnostic[]}, doc: () => any }} options
   */
  constructor({ prefix, explain, doc }) {
    this.explain = explain;
    this.doc = doc;
    const run = debounce(() => this.update(), 120);
    this.status = h('input', {
      id: `${prefix}-response-status`,
      name: 'responseStatus',
      type: 'text',
      inputmode: 'numeric',
      autocomplete: 'off',
      placeholder: '200',
      class: 'status-input',
      oninput: run,
    });
    this.body = h('textarea', {
      id: `${prefix}-response-body`,
      name: 'responseBody',
      class: 'code-input small',
      rows: '4',
      spellcheck: 'false',
      placeholder: '{"success": false, "error": "…"}',
      oninput: run,
    });
    this.result = h('div', { class: 'response-result', role: 'status', 'aria-live': 'polite' });
    this.element = h(
      'section',
      { class: 'card responses', 'aria-labelledby': `${prefix}-responses-title` },
      h('h2', { id: `${prefix}-responses-title`, text: 'Response' }),
      h('p', { class: 'hint', text: 'Paste what the server answered to read what it means. It stays in this page.' }),
      h(
        'div',
        { class: 'response-inputs' },
        h('div', { class: 'field status-field' }, h('label', { for: this.status.id, text: 'HTTP status' }), this.status),
        h('div', { class: 'field' }, h('label', { for: this.body.id, text: 'Response body' }), this.body),
      ),
      this.result,
    );
  }

  update() {
    const text = this.body.value;
    const statusText = this.status.value.trim();
    if (!text.trim() && !statusText) {
      fill(this.result);
      delete this.result.dataset.state;
      return;
    }
    const status = /^\d{3}$/.test(statusText) ? Number(statusText) : undefined;
    const { ok, headline, lines, diagnostics } = this.explain(status, text);
    this.result.dataset.state = ok ? 'ok' : 'error';
    fill(
      this.result,
      h('p', { class: 'response-headline' }, h('span', { class: 'sev-tag', text: ok ? 'Success' : 'Failure' }), ' ', richText(headline)),
      lines.map((line) => h('p', { class: 'response-line' }, richText(line))),
      diagnostics.length
        ? h('ul', { class: 'response-diags' }, diagnostics.map((d) => h('li', { dataset: { code: d.code } }, richText(d.message), ' ', h('code', { text: d.code }))))
        : null,
      docLink(this.doc(), 'What the vendor documents'),
    );
  }
}
