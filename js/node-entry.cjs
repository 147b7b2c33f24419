// CommonJS entry for Node (pkg/node/index.cjs, the manifest's "main"): the wasm-bindgen nodejs
// build, which loads the wasm synchronously from disk, with the Standard Schema factories and a
// `default` (the module itself, for default imports through bundlers and TypeScript interop).
// Template: scripts/build-pkg.mjs fills in the module name.
const api = require('./__NAME__.js');
const { standardSchemas } = require('./standard-schema.js');

module.exports = { ...api, ...standardSchemas(api) };
module.exports.default = module.exports;
