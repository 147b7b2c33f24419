// Entry for browsers and bundlers (pkg/web/index.mjs): instantiates the WebAssembly module once,
// with top-level await, so importers call the functions directly with no init step.
// Template: scripts/build-pkg.mjs fills in the module name and the export list.
import init from './__NAME__.js';

await init({ module_or_path: new URL('./__NAME___bg.wasm', import.meta.url) });

export { __EXPORTS__ } from './__NAME__.js';
