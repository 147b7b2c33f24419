// Text in and reports out, for src/wasm.rs: encodeInto copies a string argument into wasm memory;
// report turns a report's record (src/report_record.rs) into the object JSON.parse gives for the
// report's JSON. Keep the one `export` line last (scripts/build-pkg.mjs).
const encoder = new TextEncoder();
const SEVERITIES = ['error', 'warning', 'info'];
const halves = new DataView(new ArrayBuffer(8));

// The bytes written, or -1 when `into` was too short for the whole text.
function encodeInto(text, into) {
  const { read, written } = encoder.encodeInto(text, into);
  return read === text.length ? written : -1;
}

function codeTable(text) {
  return text.split('\n');
}

function report(words, text, codes) {
  let at = 2;
  const string = () => text.slice(words[at++], words[at++]);
  const value = () => {
    const kind = words[at++];
    if (kind === 0) return string();
    if (kind === 2) return JSON.parse(string());
    halves.setUint32(0, words[at++], true);
    halves.setUint32(4, words[at++], true);
    return halves.getFloat64(0, true);
  };
  const diagnostics = [];
  for (let n = words[1]; n > 0; n -= 1) {
    const flags = words[at++];
    const d = {
      severity: SEVERITIES[flags & 3],
      code: flags & 4 ? string() : codes[words[at++]],
      path: string(),
      message: string(),
    };
    if (flags & 8) {
      const params = {};
      for (let count = words[at++]; count > 0; count -= 1) {
        const name = string();
        params[name] = value();
      }
      d.params = params;
    }
    if (flags & 16) d.suggestion = string();
    if (flags & 32) d.span = { start: words[at++], end: words[at++] };
    if (flags & 64) d.line = words[at++];
    if (flags & 128) d.column = words[at++];
    diagnostics.push(d);
  }
  return { ok: words[0] === 1, diagnostics };
}

export { encodeInto, codeTable, report };
