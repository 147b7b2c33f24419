// @ts-check
// The admin page: loads the library (pkg/web/index.mjs instantiates the wasm with top-level
// await) and the sample listings, then sets up the three tabs.
import { setupTabs } from './tabs.js';
import { Panel } from './panel.js';
import { GijAdapter } from './gij.js';
import { XrayAdapter } from './xray.js';
import { loadSamples } from './previews.js';
import { byId, one } from './dom.js';

const status = byId('engine-status');
// The marks (app:*) are for scripts/cold-start.mjs, which reads them with the resource timings.
const started = performance.mark('app:start').startTime;

let api;
let samples;
try {
  [api, samples] = await Promise.all([
    import('../pkg/web/index.mjs').then((module) => (performance.mark('app:library'), module)),
    loadSamples().then((listings) => (performance.mark('app:samples'), listings)),
  ]);
} catch (err) {
  status.dataset.state = 'error';
  status.textContent = 'The validator did not load. Run `make demo`, which builds pkg/ and copies it here.';
  document.documentElement.dataset.ready = 'error';
  throw err;
}
const loaded = performance.now();

// Each tab's panel is built the first time it is shown.
const builders = {
  'panel-add': () => new Panel(byId('panel-add'), new GijAdapter(api, samples, 'add')),
  'panel-update': () => new Panel(byId('panel-update'), new GijAdapter(api, samples, 'update')),
  'panel-xray': () => new Panel(byId('panel-xray'), new XrayAdapter(api)),
};
const panels = {};
setupTabs(one(document, '[role="tablist"]'), (root) => {
  if (!(root.id in panels)) panels[root.id] = builders[root.id]();
});
const ready = performance.mark('app:checked').startTime;
// The frame that shows the first check: the task after the next animation frame.
requestAnimationFrame(() => setTimeout(() => performance.mark('app:painted')));

status.dataset.state = 'ok';
status.textContent = `Validator ${api.version()} · checks run in your browser`;
const resources = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'));
const wasm = resources.find((e) => e.name.endsWith('.wasm'));
const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
// For the tests and the curious (the browser console).
/** @type {any} */ (window).adminPage = {
  api,
  panels,
  timings: {
    // Milliseconds since navigation start.
    moduleReady: loaded,
    firstValidation: ready,
    importMs: loaded - started,
    panelsMs: ready - loaded,
    wasmBytes: wasm?.encodedBodySize,
    htmlReceived: nav?.responseEnd,
    wasmFetchStart: wasm?.startTime,
    wasmFetchEnd: wasm?.responseEnd,
    appStart: started,
  },
};
document.documentElement.dataset.ready = 'true';
