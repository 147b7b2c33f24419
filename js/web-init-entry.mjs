// Entry without top-level await (pkg/web/init.mjs, the package's "./init" export), for bundles
// that cannot hold it (esbuild's iife format) and pages that fetch the wasm themselves: call
// `init(wasm)` or `initSync(wasm)` once, then the functions. pkg/web/index.mjs is this module
// with the init done for you.
// Template: scripts/build-pkg.mjs fills in the module name and the export list.
import load, { initSync as loadSync, __EXPORTS__ } from './__NAME__.js';
import { standardSchemas } from './standard-schema.mjs';

let loading;

/**
 * Instantiates the wasm from `wasm`: a URL or string to fetch, a Response, its bytes or a
 * compiled WebAssembly.Module. Later calls return the first call's promise.
 */
export function init(wasm) {
  if (wasm == null) throw new TypeError('init: wasm (the URL or bytes of the .wasm file) is required');
  loading ??= load({ module_or_path: wasm }).then(() => undefined);
  return loading;
}

/** Instantiates the wasm synchronously from its bytes or a compiled WebAssembly.Module. */
export function initSync(wasm) {
  if (wasm == null) throw new TypeError('initSync: wasm (the bytes of the .wasm file) is required');
  loadSync({ module: wasm });
}

export const { gijSchema, xraySchema } = standardSchemas({ __EXPORTS__ });
export { __EXPORTS__ };
export default { __EXPORTS__, gijSchema, xraySchema };
