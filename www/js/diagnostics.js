// @ts-check
// The diagnostics summary: every finding grouped by severity, each a button that takes the admin
// to the field (form) or the line and column (JSON editor). The count line is an aria-live status.
import { h, fill, count, unescapePointer, richText } from './dom.js';
import { docLink } from './doc-links.js';

const ORDER = [
  { severity: 'todo', title: 'To fill in' },
  { severity: 'error', title: 'Errors' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Notes' },
];

/**
 * A diagnostic's suggestion: code (the corrected text) in a code element, advice in plain text.
 * Suggestions that read as a sentence ("Remove the comma ...") are advice.
 */
export function suggestion(d, className) {
  if (!d.suggestion) return null;
  const prose = /^[A-Z][a-z]+ /.test(d.suggestion);
  return h('span', { class: className }, 'Suggestion: ', prose ? d.suggestion : h('code', { text: d.suggestion }));
}

/** The top-level key a JSON Pointer starts with ("" for the whole body). */
export function topKey(path) {
  if (!path || !path.startsWith('/')) return '';
  return unescapePointer(path.slice(1).split('/')[0]);
}

/** Drops repeats: one finding per code, place and span, whichever checker found it first. */
export function dedupe(diagnostics) {
  const seen = new Set();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.code, d.path, d.span?.start, d.span?.end]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "2 errors, 1 warning, 1 note", "1 to fill in", or a ready line; `todo` findings are pending errors. */
export function countLine(diagnostics) {
  const n = (s) => diagnostics.filter((d) => d.severity === s).length;
  const parts = [];
  if (n('error')) parts.push(count(n('error'), 'error'));
  if (n('todo')) parts.push(`${n('todo')} to fill in`);
  if (n('warning')) parts.push(count(n('warning'), 'warning'));
  if (n('info')) parts.push(count(n('info'), 'note'));
  if (!n('error') && !n('todo')) return parts.length ? `No errors (${parts.join(', ')})` : 'No problems found';
  return parts.join(', ');
}

export class Summary {
  /**
   * @param {HTMLElement} status  the aria-live count line
   * @param {HTMLElement} list    where the groups go
   * @param {(d: import('../pkg/web/index.mjs').Diagnostic) => void} onActivate
   */
  constructor(status, list, onActivate) {
    this.status = status;
    this.list = list;
    this.onActivate = onActivate;
  }

  /**
   * @param {import('../pkg/web/index.mjs').Diagnostic[]} diagnostics
   * @param {(d: import('../pkg/web/index.mjs').Diagnostic) => string} where  a short location for a diagnostic
   * @param {(d: import('../pkg/web/index.mjs').Diagnostic) => boolean} [pending]  errors that are a to-do before the admin acts
   * @param {(d: import('../pkg/web/index.mjs').Diagnostic) => any} [docOf]  the vendor page about a finding
   */
  show(diagnostics, where, pending = () => false, docOf = () => null) {
    const listed = diagnostics.map((d) => ({ d, severity: pending(d) ? 'todo' : d.severity }));
    const line = countLine(listed);
    // Only a changed count is announced; the list itself is not live.
    if (this.status.textContent !== line) this.status.textContent = line;
    const state = (s) => listed.some((x) => x.severity === s);
    this.status.dataset.state = state('error') ? 'error' : state('todo') ? 'todo' : state('warning') ? 'warning' : 'ok';
    fill(
      this.list,
      ORDER.map(({ severity, title }) => {
        const items = listed.filter((x) => x.severity === severity).map((x) => x.d);
        if (!items.length) return null;
        return h(
          'section',
          { class: `sev-group sev-${severity}` },
          h('h3', {}, title, ' ', h('span', { class: 'badge', text: String(items.length) })),
          h(
            'ul',
            {},
            items.map((d) =>
              h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'diag',
                    dataset: { code: d.code, path: d.path },
                    onclick: () => this.onActivate(d),
                  },
                  h('span', { class: 'diag-where', text: where(d) }),
                  h('span', { class: 'diag-msg' }, richText(d.message)),
                  suggestion(d, 'diag-suggest'),
                  h('code', { class: 'diag-code', text: d.code }),
                ),
                docLink(docOf(d)),
              ),
            ),
          ),
        );
      }),
    );
  }
}
