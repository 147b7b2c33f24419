// @ts-check
// A plain textarea with a line-number gutter, highlighted lines for diagnostics, a caret position
// readout, and `reveal(line, column)` (1-based, UTF-16 columns, as the validator reports them).
import { h, fill } from './dom.js';

export class JsonEditor {
  /**
   * @param {{ id: string, label: string, onInput: () => void, describedBy?: string }} options
   */
  constructor({ id, label, onInput, describedBy }) {
    this.textarea = h('textarea', {
      id,
      class: 'code-input',
      wrap: 'off',
      spellcheck: 'false',
      autocapitalize: 'off',
      autocomplete: 'off',
      'aria-label': label,
      'aria-describedby': describedBy,
      oninput: () => {
        this.renderLines();
        onInput();
      },
      onscroll: () => this.sync(),
    });
    this.gutter = h('div', { class: 'gutter-lines' });
    this.marks = h('div', { class: 'line-marks' });
    this.position = h('span', { class: 'caret-pos', text: 'Ln 1, Col 1' });
    this.element = h(
      'div',
      { class: 'json-editor' },
      h(
        'div',
        { class: 'editor-frame' },
        h('div', { class: 'gutter', 'aria-hidden': 'true' }, this.gutter),
        h('div', { class: 'code-area' }, h('div', { class: 'marks-clip', 'aria-hidden': 'true' }, this.marks), this.textarea),
      ),
      h('div', { class: 'editor-status' }, this.position),
    );
    for (const type of ['keyup', 'click', 'select', 'focus']) {
      this.textarea.addEventListener(type, () => this.showPosition());
    }
    this.lineCount = 0;
    this.diagnostics = [];
    this.renderLines();
  }

  get value() {
    return this.textarea.value;
  }

  set value(text) {
    this.textarea.value = text;
    this.renderLines();
  }

  lineHeight() {
    return parseFloat(getComputedStyle(this.textarea).lineHeight) || 20;
  }

  renderLines() {
    const lines = this.textarea.value.split('\n').length;
    if (lines !== this.lineCount) {
      this.lineCount = lines;
      fill(
        this.gutter,
        Array.from({ length: lines }, (_, i) => h('div', { class: 'ln', text: String(i + 1) })),
      );
      this.paint();
    }
    this.sync();
  }

  /** Marks the lines that have diagnostics (the worst severity wins). */
  setDiagnostics(diagnostics) {
    this.diagnostics = diagnostics.filter((d) => d.line);
    this.paint();
  }

  paint() {
    const rank = { error: 3, warning: 2, info: 1 };
    const worst = new Map();
    for (const d of this.diagnostics) {
      if ((rank[d.severity] ?? 0) > (rank[worst.get(d.line)?.severity] ?? 0)) worst.set(d.line, d);
    }
    const lh = this.lineHeight();
    const marks = [];
    /** @type {HTMLElement[]} */ ([...this.gutter.children]).forEach((ln, i) => {
      const d = worst.get(i + 1);
      ln.className = d ? `ln sev-${d.severity}` : 'ln';
      ln.title = d ? d.message : '';
      if (d) {
        marks.push(h('div', { class: `line-mark sev-${d.severity}`, style: `top:${i * lh}px;height:${lh}px` }));
      }
    });
    fill(this.marks, marks);
  }

  sync() {
    const { scrollTop, scrollLeft } = this.textarea;
    this.gutter.style.transform = `translateY(${-scrollTop}px)`;
    this.marks.style.transform = `translate(${-scrollLeft}px, ${-scrollTop}px)`;
  }

  /** The UTF-16 index of a 1-based line and column. */
  indexOf(line, column) {
    const lines = this.textarea.value.split('\n');
    let index = 0;
    for (let i = 0; i < Math.min(line - 1, lines.length - 1); i++) index += lines[i].length + 1;
    const lineText = lines[Math.min(line, lines.length) - 1] ?? '';
    return index + Math.min(Math.max(column - 1, 0), lineText.length);
  }

  /** Focuses the editor with the caret at a line and column, scrolled into view. */
  reveal(line = 1, column = 1) {
    const index = this.indexOf(line, column);
    const ta = this.textarea;
    ta.focus();
    ta.setSelectionRange(index, index);
    const lh = this.lineHeight();
    ta.scrollTop = Math.max(0, (line - 1) * lh - ta.clientHeight / 2 + lh);
    this.sync();
    this.showPosition();
  }

  showPosition() {
    const before = this.textarea.value.slice(0, this.textarea.selectionStart);
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    this.position.textContent = `Ln ${line}, Col ${column}`;
  }
}
