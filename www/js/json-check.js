// @ts-check
// The checks of the JSON editor's text, the same steps for every tab: text that is not a JSON
// object gets the tab's JSON validation alone (a syntax error at its line and column); an object
// is built as the form would be, with the secrets the editor shows as placeholders put back, and
// validated as text for the line and column of each finding; the tab merges the two reports.

/**
 * @typedef {import('./adapter.js').Adapter} Adapter
 * @typedef {import('./adapter.js').Result} Result
 */

/**
 * The JSON object `text` holds, or undefined (a syntax error, or another JSON value).
 * @param {string} text
 * @returns {Record<string, unknown> | undefined}
 */
function jsonObject(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

/**
 * Checks the JSON editor's `text` for `adapter`'s tab; `restore` puts back the secrets the editor
 * shows as placeholders.
 * @param {Adapter} adapter
 * @param {string} text
 * @param {(body: Record<string, unknown>) => Record<string, unknown>} restore
 * @returns {Result}
 */
export function checkJson(adapter, text, restore) {
  const body = jsonObject(text);
  if (body === undefined) return adapter.validateJson(text, []);
  const restored = restore(body);
  const clear = adapter.jsonClears(body, restored);
  return adapter.mergeJson(adapter.buildJson(restored, clear), adapter.validateJson(text, clear));
}
