// ES-module entry for Node (pkg/node/index.mjs): re-exports the CommonJS build, which loads the
// wasm synchronously from disk (Node's fetch cannot read file: URLs, which the web build needs).
// Template: scripts/build-pkg.mjs fills in the module name and the export list.
import api from './__NAME__.js';

export const { __EXPORTS__ } = api;
