// @ts-check
// Previews next to the filter fields: which sample repositories a JMESPath filter (apiFilter)
// keeps, which sample tags a tags pattern shows and which pull requests a PR hide pattern hides.
// A preview is about the sample, not the filter: when the filter cannot be evaluated on it, the
// preview says why in a note, and the field's own findings come from the checks alone.
import { h, fill, count, richText } from './dom.js';

/** The sample listings (www/samples/, copied from tests/fixtures/samples at build time). */
export const LISTINGS = [
  { id: 'github', file: 'github-user-repos.json', label: 'GitHub repositories (sample)', families: ['gitHub'] },
  { id: 'gitlab', file: 'gitlab-projects.json', label: 'GitLab projects (sample)', families: ['gitLab'] },
  { id: 'azure', file: 'azure-devops-repositories.json', label: 'Azure DevOps repositories (sample)', families: ['microsoft'] },
];
/** The sample tag names (a tags pattern's preview). */
export const TAGS_FILE = 'git-tags.json';
/** The sample pull requests, `{title, branch}` each (a PR hide pattern's preview). */
export const PULLS_FILE = 'pull-requests.json';
/** Host families' names, for "there is no sample listing for …". */
const FAMILY_NAMES = { gerrit: 'Gerrit', filespace: 'tracked folders', aws: 'AWS CodeCommit' };

/** Loads the sample files; a missing one is left out (the previews say so). */
export async function loadSamples(base = 'samples/') {
  const files = [...LISTINGS.map((l) => l.file), TAGS_FILE, PULLS_FILE];
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
   * @param {{ prefix: string, api: typeof import('../pkg/web/index.mjs'), samples: Record<string, any>, onChange: () => void }} options
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

  /**
   * Why the filter could not be evaluated on the listing, said about the listing; null when the
   * reason is one of the filter's own findings (the field shows it already).
   */
  sampleNote(result, listing, type) {
    const candidates = result.diagnostics?.filter((x) => SAMPLE_CODES.has(x.code)) ?? [];
    if (!candidates.length) return null;
    const own = new Set(this.api.checkJmesPath(result.expression, { type }).diagnostics.map((x) => x.message));
    const d = candidates.find((x) => !own.has(x.message));
    if (!d) return null;
    const missing = missingFields(result.expression, listing);
    const which = this.select.value === 'pasted' ? 'The pasted listing' : 'The sample';
    if (missing.length && d.code === 'jmespath-evaluation-error') {
      return `${which} has no ${missing.map((m) => `\`${m}\``).join(', ')}, so the filter cannot be evaluated on it. The server evaluates it on your host’s real listing.`;
    }
    return d.message;
  }

  /** Follows the type's host unless the admin chose a listing; a host with no sample asks for a pasted one. */
  follow(family) {
    this.family = family;
    if (this.chosen) return;
    const match = LISTINGS.find((l) => l.families.includes(family));
    this.select.value = match ? match.id : 'pasted';
    this.pasteBox.hidden = Boolean(match);
  }

  /** Whether the listing shown is a sample of another host than the type's. */
  noSample() {
    return this.select.value === 'pasted' && !this.chosen && Boolean(this.family) && !LISTINGS.some((l) => l.families.includes(this.family));
  }

  /**
   * Updates the preview. The filter's own findings are the form checks'; what depends on the
   * listing is a note here, so this returns nothing for the field.
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
    if (this.noSample() && listing.error) {
      const host = FAMILY_NAMES[this.family] ?? 'this host';
      this.summary.textContent = `There is no sample listing for ${host}: paste the repository listing your host returns to preview the filter on it.`;
      this.element.dataset.state = 'no-sample';
      return [];
    }
    const result = this.api.checkJmesPath(expression, listing.value === undefined ? { type } : { type, sample: listing.value });
    const preview = result.preview;
    const note = preview ? null : this.sampleNote({ ...result, expression }, listing.value, type);
    if (listing.error) {
      this.summary.textContent = listing.error;
    } else if (note) {
      this.summary.textContent = 'No preview. ';
      this.summary.append(h('span', { class: 'preview-note' }, richText(note)));
      this.element.dataset.state = 'sample-note';
    } else if (!preview) {
      this.summary.textContent = 'No preview: see the filter’s finding above.';
      this.element.dataset.state = 'unavailable';
    } else {
      const total = preview.kept.length + preview.dropped.length;
      this.summary.textContent = `Keeps ${preview.kept.length} of ${count(total, 'repository', 'repositories')}.`;
      if (preview.note) this.summary.append(h('span', { class: 'preview-note' }, richText(preview.note)));
      this.element.dataset.state = 'ok';
      fill(this.list, chips(preview.kept.map((i) => i.name), 'kept'), chips(preview.dropped.map((i) => i.name), 'dropped'));
    }
    return [];
  }
}

/** Codes checkJmesPath gives only with a sample: statements about the listing, not the filter. */
const SAMPLE_CODES = new Set(['jmespath-evaluation-error', 'jmespath-preview-unavailable', 'jmespath-not-repositories']);
/** How many values of a listing are looked at for its field names. */
const MAX_SCANNED = 20_000;

/**
 * The field names a filter reads (unquoted and "quoted" identifiers, not function names or
 * 'raw strings'/`literals`) that no repository of the listing has at any depth.
 * @param {string} expression
 * @param {unknown} listing
 */
export function missingFields(expression, listing) {
  const names = new Set();
  const token = /'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`|"((?:[^"\\]|\\.)*)"|([A-Za-z_][A-Za-z0-9_]*)(\s*\()?/g;
  for (const m of expression.matchAll(token)) {
    if (m[1] !== undefined) names.add(m[1]);
    else if (m[2] && !m[3]) names.add(m[2]);
  }
  const present = new Set();
  const stack = [listing];
  for (let seen = 0; stack.length && seen < MAX_SCANNED; seen++) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        present.add(k);
        stack.push(child);
      }
    }
  }
  return [...names].filter((n) => !present.has(n));
}

/** The name lists a pattern preview offers: sample tags, or sample pull requests' titles and branches. */
export function regexSources(samples, mode) {
  if (mode === 'show') return [{ id: 'tags', label: 'sample tags', names: samples[TAGS_FILE] ?? [] }];
  const pulls = Array.isArray(samples[PULLS_FILE]) ? samples[PULLS_FILE] : [];
  return [
    { id: 'titles', label: 'sample pull-request titles', names: pulls.map((p) => p.title) },
    { id: 'branches', label: 'sample pull-request branches', names: pulls.map((p) => p.branch) },
  ];
}

export class RegexPreview {
  /**
   * @param {{ prefix: string, api: typeof import('../pkg/web/index.mjs'), sources: {id: string, label: string, names: string[]}[],
   *   mode: 'show'|'hide', onChange: () => void }} options
   */
  constructor({ prefix, api, sources, mode, onChange }) {
    this.api = api;
    this.mode = mode;
    this.sources = sources;
    this.names = h('textarea', {
      id: `${prefix}-names`,
      class: 'code-input small',
      rows: '5',
      spellcheck: 'false',
      oninput: () => onChange(),
    });
    this.names.value = sources[0].names.join('\n');
    this.summary = h('p', { class: 'preview-summary' });
    this.list = h('ul', { class: 'chips', 'aria-label': mode === 'show' ? 'Tags' : 'Pull requests' });
    let head;
    if (sources.length > 1) {
      const source = h(
        'select',
        {
          id: `${prefix}-source`,
          class: 'compact',
          onchange: () => {
            this.names.value = (sources.find((s) => s.id === source.value)?.names ?? []).join('\n');
            onChange();
          },
        },
        sources.map((s) => h('option', { value: s.id, text: s.label })),
      );
      this.source = source;
      head = [h('label', { for: source.id, text: 'Preview on' }), source];
    } else {
      head = [h('span', { text: `Preview on ${sources[0].label}` })];
    }
    this.element = h(
      'div',
      { class: 'preview', dataset: { preview: mode === 'show' ? 'tagsFilter' : 'prHideFilter' } },
      h('div', { class: 'preview-head' }, head),
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
          : 'No pattern: no pull request is hidden. Type one to preview it on sample pull requests.';
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
