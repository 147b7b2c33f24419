// operationOnly(options) and takeOperation(), for src/wasm.rs (which documents them). Keep the one
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

export { operationOnly, takeOperation };
