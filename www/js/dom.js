// Tiny DOM helpers: no framework, just enough to build the page from data.

/**
 * Creates an element. `props`: attributes (strings; `true` sets an empty attribute, `false`,
 * `null` and `undefined` skip it), `class`, `dataset`, `text`, and `on*` event listeners.
 * @param {string} tag
 * @param {Record<string, any>} [props]
 * @param {...(Node|string|null|undefined|false|Array<Node|string>)} children
 * @returns {HTMLElement}
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

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child);
  }
}

/** Replaces an element's children. */
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
  let timer = 0;
  let pending = null;
  const run = () => {
    timer = 0;
    const args = pending;
    pending = null;
    if (args) fn(...args);
  };
  const debounced = (...args) => {
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
