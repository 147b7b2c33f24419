// The payloads and the ajv baseline the wasm benchmarks share (scripts/bench.mjs,
// docs/prototypes/speed-floor/bench.mjs): the reference's realistic examples, and ajv compiled
// with the exported JSON Schemas of the built package (pkg/schemas/).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The ```json blocks of the reference between two headings, one example per top-level object. */
export function referenceExamples(start, end) {
  const doc = fs.readFileSync(path.join(root, 'docs', 'api-reference.md'), 'utf8');
  const section = doc.indexOf('# Realistic example payloads');
  const from = doc.indexOf(start, section);
  const to = doc.indexOf(end, from);
  const texts = [];
  for (const block of doc.slice(from, to).split('```json\n').slice(1)) {
    let current = '';
    for (const line of block.split('```')[0].split('\n')) {
      if (line.startsWith('{') && current) {
        texts.push(current);
        current = '';
      }
      if (line) current += `${line}\n`;
    }
    texts.push(current);
  }
  return texts;
}

/** The 11 GIJ add examples. */
export const gijExamples = () => referenceExamples('### GIJ: POST', '### GIJ: PUT');
/** The 2 Xray create examples. */
export const xrayExamples = () => referenceExamples('### Xray', 'Update, `PUT');

const Ajv2020 = require('ajv/dist/2020').default;
const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
ajv.addVocabulary(['defaultSnippets', 'enumDescriptions']);

/** ajv's validate function for a schema of pkg/schemas/ (`gij-add`, `xray-create`, …). */
export function ajvCheck(name) {
  if (!ajv.getSchema(name)) {
    const file = path.join(root, 'pkg', 'schemas', `${name}.schema.json`);
    ajv.addSchema(JSON.parse(fs.readFileSync(file, 'utf8')), name);
  }
  return ajv.getSchema(name);
}
