// @ts-check
// Tiny DOM helpers: no framework, just enough to build the page from data.

/**
 * Creates an element. `props`: attributes (strings; `true` sets an empty attribute, `false`,
 * `null` and `undefined` skip it), `class`, `dataset`, `text`, and `on*` event listeners.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [props]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** @typedef {Node | string | null | undefined | false | Child[]} Child */

/**
 * @param {Element} el
 * @param {Child[]} children
 */
function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child);
  }
}

/**
 * Replaces an element's children.
 * @template {Element} E
 * @param {E} el
 * @param {...Child} children
 */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * Calls `fn` once `ms` after the last call; `.now()` runs a pending call at once.
 * @template {(...args: any[]) => void} F
 * @param {F} fn
 * @param {number} ms
 */
export function debounce(fn, ms) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {Parameters<F> | null} */
  let pending = null;
  const run = () => {
    timer = undefined;
    const args = pending;
    pending = null;
    if (args) fn(...args);
  };
  const debounced = (/** @type {Parameters<F>} */ ...args) => {
    pending = args;
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  debounced.now = () => {
    clearTimeout(timer);
    run();
  };
  return debounced;
}

/**
 * The element with `id`, which the page's HTML always has.
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el;
}

/**
 * The first element under `root` that matches `selector`, which the page always has.
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {HTMLElement}
 */
export function one(root, selector) {
  const el = root.querySelector(selector);
  if (!(el instanceof HTMLElement)) throw new Error(`no ${selector} here`);
  return el;
}

/** Plural helper: `count(2, 'error')` is "2 errors". */
export function count(n, word, plural = `${word}s`) {
  return `${n} ${n === 1 ? word : plural}`;
}

/** Decodes one RFC 6901 reference token. */
export function unescapePointer(token) {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** The UTF-16 index in `text` of character (Unicode scalar) offset `chars`. */
export function utf16Index(text, chars) {
  let index = 0;
  let seen = 0;
  for (const ch of text) {
    if (seen >= chars) break;
    index += ch.length;
    seen += 1;
  }
  return index;
}

/** Text with `backquoted` parts as code elements (messages quote code that way). */
export function richText(text) {
  const parts = String(text).split('`');
  if (parts.length < 3 || parts.length % 2 === 0) return [text];
  return parts.map((part, i) => (i % 2 ? h('code', { text: part }) : part)).filter((p) => p !== '');
}
