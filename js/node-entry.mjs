// ES-module entry for Node (pkg/node/index.mjs): re-exports the CommonJS entry, which loads the
// wasm synchronously from disk (Node's fetch cannot read file: URLs, which the web build needs).
// Template: scripts/build-pkg.mjs fills in the export list.
import api from './index.cjs';

export const { __EXPORTS__, gijSchema, xraySchema } = api;
export default api;
