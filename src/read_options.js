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
// so these return undefined instead and keep the reason for takeFailure().
//
// The engine's own failures (a cycle, a BigInt, a revoked proxy, a stack overflow) are a
// TypeError or a RangeError whose message says what is wrong: it is passed whole, for src/wasm.rs
// to redact before it cuts it (a cut here could split a secret so the redaction no longer sees
// it); one longer than MAX_REASON_UNITS (UTF-16 units, src/wasm.rs's MAX_OPTION_UNITS) is not
// copied at all. Anything else was thrown by the caller's own code (a getter, a toJSON, a proxy
// trap), and its message is their free text, which no redaction can read: only its kind is told.
const MAX_REASON_UNITS = 8192;
let failure;

function reason(e) {
  try {
    if (!(e instanceof TypeError || e instanceof RangeError)) {
      return `the value's own code threw ${e instanceof Error ? 'an Error' : `a ${typeof e}`}`;
    }
    const text = String(e.message);
    return text.length <= MAX_REASON_UNITS ? text : "an error with a long message";
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
