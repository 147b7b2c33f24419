// The diagnostics summary: every finding grouped by severity, each a button that takes the admin
// to the field (form) or the line and column (JSON editor). The count line is an aria-live status.
import { h, fill, count, unescapePointer, richText } from './dom.js';

const ORDER = [
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

/** Drops repeats (the same code, path, message and span). */
export function dedupe(diagnostics) {
  const seen = new Set();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.code, d.path, d.message, d.span?.start, d.span?.end]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "2 errors, 1 warning, 1 note", or a ready line. */
export function countLine(diagnostics) {
  const n = (s) => diagnostics.filter((d) => d.severity === s).length;
  const parts = [];
  if (n('error')) parts.push(count(n('error'), 'error'));
  if (n('warning')) parts.push(count(n('warning'), 'warning'));
  if (n('info')) parts.push(count(n('info'), 'note'));
  if (!n('error')) return parts.length ? `No errors (${parts.join(', ')})` : 'No problems found';
  return parts.join(', ');
}

export class Summary {
  /**
   * @param {HTMLElement} status  the aria-live count line
   * @param {HTMLElement} list    where the groups go
   * @param {(d: any) => void} onActivate
   */
  constructor(status, list, onActivate) {
    this.status = status;
    this.list = list;
    this.onActivate = onActivate;
  }

  /**
   * @param {any[]} diagnostics
   * @param {(d: any) => string} where  a short location for a diagnostic
   */
  show(diagnostics, where) {
    const line = countLine(diagnostics);
    // Only a changed count is announced; the list itself is not live.
    if (this.status.textContent !== line) this.status.textContent = line;
    const errors = diagnostics.some((d) => d.severity === 'error');
    this.status.dataset.state = errors ? 'error' : diagnostics.length ? 'warning' : 'ok';
    fill(
      this.list,
      ORDER.map(({ severity, title }) => {
        const items = diagnostics.filter((d) => d.severity === severity);
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
              ),
            ),
          ),
        );
      }),
    );
  }
}
