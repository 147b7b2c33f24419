// operationOnly(options) and takeOperation(), for src/wasm.rs (which documents them), and guarded
// reads. Keep the one
// `export` line last: scripts/build-pkg.mjs makes it `module.exports` for the CommonJS build.
const OPERATIONS = ["add", "update", "create", "details", "delete", "status"];
const OTHER_OPERATION = 7;
let taken;

function operationOnly(options) {
  if (typeof options !== "object" || options === null) return 0;
  try {
    if (Array.isArray(options)) return 0;
    const keys = Reflect.ownKeys(options);
    if (keys.length !== 1 || keys[0] !== "operation") return 0;
    const value = options.operation;
    const known = OPERATIONS.indexOf(value) + 1;
    if (known > 0) return known;
    taken = value;
    return OTHER_OPERATION;
  } catch (_) {
    return 0;
  }
}

function takeOperation() {
  const value = taken;
  taken = undefined;
  return value;
}

// Reflect and JSON calls that catch what they throw, for src/wasm.rs: an import that throws
// through wasm-bindgen's `catch` loses the externref slot of its return value (one per call),
// so these return undefined instead and keep a short reason for takeFailure().
let failure;

function reason(e) {
  try {
    return String(e instanceof Error ? e.message : typeof e).slice(0, 200);
  } catch (_) {
    return 'an exception';
  }
}

function guarded(read) {
  try {
    return read();
  } catch (e) {
    failure = reason(e);
    return undefined;
  }
}

const stringify = (value) => guarded(() => JSON.stringify(value));
const ownKeys = (value) => guarded(() => Reflect.ownKeys(value));
const getProperty = (object, key) => guarded(() => Reflect.get(object, key));

function takeFailure() {
  const taken = failure;
  failure = undefined;
  return taken;
}

export { operationOnly, takeOperation, stringify, ownKeys, getProperty, takeFailure };
