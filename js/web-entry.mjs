// Entry for browsers and bundlers (pkg/web/index.mjs): instantiates the WebAssembly module once,
// with top-level await, so importers call the functions directly with no init step. The API
// itself is pkg/web/init.mjs. Importing this file has an effect (the instantiation), so the
// manifest's "sideEffects" lists it: a bundler must never drop it for its re-exports.
// Template: scripts/build-pkg.mjs fills in the module name and the export list.
import { init } from './init.mjs';

await init(new URL('./__NAME___bg.wasm', import.meta.url));

export { __EXPORTS__, gijSchema, xraySchema, default } from './init.mjs';
