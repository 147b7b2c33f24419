// Previews next to the filter fields: which sample repositories a JMESPath filter (apiFilter)
// keeps, and which sample tags a tags pattern shows or a PR hide pattern hides.
import { h, fill, count, richText } from './dom.js';

/** The sample listings (www/samples/, copied from tests/fixtures/samples at build time). */
export const LISTINGS = [
  { id: 'github', file: 'github-user-repos.json', label: 'GitHub repositories (sample)', families: ['gitHub'] },
  { id: 'gitlab', file: 'gitlab-projects.json', label: 'GitLab projects (sample)', families: ['gitLab'] },
  { id: 'azure', file: 'azure-devops-repositories.json', label: 'Azure DevOps repositories (sample)', families: ['microsoft'] },
];
export const TAGS_FILE = 'git-tags.json';

/** Loads the sample files; a missing one is left out (the previews say so). */
export async function loadSamples(base = 'samples/') {
  const files = [...LISTINGS.map((l) => l.file), TAGS_FILE];
  const entries = await Promise.all(
    files.map(async (file) => {
      try {
        const res = await fetch(base + file);
        return res.ok ? [file, await res.json()] : [file, undefined];
      } catch {
        return [file, undefined];
      }
    }),
  );
  return Object.fromEntries(entries);
}

const MAX_CHIPS = 40;

function chips(items, state) {
  const shown = items.slice(0, MAX_CHIPS);
  return [
    ...shown.map((name) => h('li', { class: `chip ${state}` }, h('span', { class: 'chip-mark', 'aria-hidden': 'true' }), name)),
    items.length > shown.length ? h('li', { class: 'chip more', text: `+${items.length - shown.length} more` }) : null,
  ];
}

function unavailable(result) {
  const d = result?.diagnostics?.find((x) => /preview/.test(x.code)) ?? result?.diagnostics?.find((x) => x.severity === 'error');
  return d ? d.message : 'No preview for this value.';
}

export class JmesPreview {
  /**
   * @param {{ prefix: string, api: any, samples: Record<string, any>, onChange: () => void }} options
   */
  constructor({ prefix, api, samples, onChange }) {
    this.api = api;
    this.samples = samples;
    this.chosen = null; // null: follow the type
    const selectId = `${prefix}-listing`;
    this.select = h(
      'select',
      {
        id: selectId,
        class: 'compact',
        onchange: () => {
          this.chosen = this.select.value;
          this.pasteBox.hidden = this.select.value !== 'pasted';
          onChange();
        },
      },
      LISTINGS.map((l) => h('option', { value: l.id, text: l.label, disabled: !samples[l.file] })),
      h('option', { value: 'pasted', text: 'A listing I paste…' }),
    );
    this.paste = h('textarea', {
      id: `${prefix}-listing-text`,
      class: 'code-input small',
      rows: '5',
      spellcheck: 'false',
      placeholder: '[{"name": "repo-a", …}] or {"value": [ … ]}',
      oninput: () => onChange(),
    });
    this.pasteBox = h(
      'div',
      { class: 'paste-box', hidden: true },
      h('label', { for: this.paste.id, text: 'Repository listing JSON (the host API’s response)' }),
      this.paste,
    );
    this.summary = h('p', { class: 'preview-summary' });
    this.list = h('ul', { class: 'chips', 'aria-label': 'Repositories' });
    this.element = h(
      'div',
      { class: 'preview', dataset: { preview: 'apiFilter' } },
      h('div', { class: 'preview-head' }, h('label', { for: selectId, text: 'Preview on' }), this.select),
      this.pasteBox,
      this.summary,
      this.list,
    );
  }

  listing() {
    if (this.select.value === 'pasted') {
      try {
        return { value: JSON.parse(this.paste.value) };
      } catch (err) {
        return { error: this.paste.value.trim() ? `The pasted listing is not JSON: ${err.message}` : 'Paste a repository listing to preview the filter on it.' };
      }
    }
    const listing = LISTINGS.find((l) => l.id === this.select.value);
    const value = listing && this.samples[listing.file];
    return value ? { value } : { error: 'The sample listing is missing (run `make demo`).' };
  }

  /** Follows the type's host unless the admin chose a listing. */
  follow(family) {
    if (this.chosen) return;
    const match = LISTINGS.find((l) => l.families.includes(family)) ?? LISTINGS[0];
    this.select.value = match.id;
    this.pasteBox.hidden = true;
  }

  /**
   * Updates the preview; returns the checker's diagnostics (path "" means the field itself).
   * @returns {any[]}
   */
  update(expression, type) {
    fill(this.list);
    this.element.dataset.state = 'idle';
    if (!expression.trim()) {
      this.summary.textContent = 'No filter: every repository is kept. Type one to preview it on a sample listing.';
      this.element.dataset.state = 'empty';
      return [];
    }
    const listing = this.listing();
    const result = this.api.checkJmesPath(expression, listing.value === undefined ? { type } : { type, sample: listing.value });
    const preview = result.preview;
    if (listing.error) {
      this.summary.textContent = listing.error;
    } else if (!preview) {
      this.summary.textContent = `No preview: ${unavailable(result)}`;
      this.element.dataset.state = 'unavailable';
    } else {
      const total = preview.kept.length + preview.dropped.length;
      this.summary.textContent = `Keeps ${preview.kept.length} of ${count(total, 'repository', 'repositories')}.`;
      if (preview.note) this.summary.append(h('span', { class: 'preview-note' }, richText(preview.note)));
      this.element.dataset.state = 'ok';
      fill(this.list, chips(preview.kept.map((i) => i.name), 'kept'), chips(preview.dropped.map((i) => i.name), 'dropped'));
    }
    return result.diagnostics ?? [];
  }
}

export class RegexPreview {
  /**
   * @param {{ prefix: string, api: any, tags: string[]|undefined, mode: 'show'|'hide', onChange: () => void }} options
   */
  constructor({ prefix, api, tags, mode, onChange }) {
    this.api = api;
    this.mode = mode;
    this.names = h('textarea', {
      id: `${prefix}-names`,
      class: 'code-input small',
      rows: '5',
      spellcheck: 'false',
      oninput: () => onChange(),
    });
    this.names.value = (tags ?? []).join('\n');
    this.summary = h('p', { class: 'preview-summary' });
    this.list = h('ul', { class: 'chips', 'aria-label': mode === 'show' ? 'Tags' : 'Pull request branches' });
    const what = mode === 'show' ? 'sample tags (git-tags.json)' : 'sample names (git-tags.json)';
    this.element = h(
      'div',
      { class: 'preview', dataset: { preview: mode === 'show' ? 'tagsFilter' : 'prHideFilter' } },
      h('div', { class: 'preview-head' }, h('span', { text: `Preview on ${what}` })),
      this.summary,
      this.list,
      h(
        'details',
        { class: 'names-box' },
        h('summary', { text: 'Edit the names' }),
        h('label', { for: this.names.id, class: 'visually-hidden', text: 'Names, one a line' }),
        this.names,
      ),
    );
  }

  update(pattern) {
    fill(this.list);
    this.element.dataset.state = 'idle';
    const names = this.names.value.split('\n').map((s) => s.trim()).filter(Boolean);
    const verb = this.mode === 'show' ? 'Shows' : 'Hides';
    if (!pattern) {
      this.summary.textContent =
        this.mode === 'show'
          ? 'No pattern: every tag is shown. Type one to preview it on sample tags.'
          : 'No pattern: no pull request is hidden. Type one to preview it on sample names.';
      this.element.dataset.state = 'empty';
      return [];
    }
    const result = this.api.checkJavaRegex(pattern, { tags: names, mode: this.mode });
    const preview = result.preview;
    if (!preview) {
      this.summary.textContent = `No preview: ${unavailable(result)}`;
      this.element.dataset.state = 'unavailable';
      return result.diagnostics ?? [];
    }
    const affected = this.mode === 'show' ? preview.shown : preview.hidden;
    this.summary.textContent = `${verb} ${affected.length} of ${count(names.length, 'name')}.`;
    if (preview.ambiguous?.length) {
      this.summary.textContent += ` Whole-name matching would decide differently for ${preview.ambiguous.join(', ')}.`;
    }
    this.element.dataset.state = 'ok';
    fill(this.list, chips(preview.shown, 'kept'), chips(preview.hidden, 'dropped'));
    return result.diagnostics ?? [];
  }
}
