// operationOnly(options), for src/wasm.rs (which documents it). Keep the one `export` line last:
// scripts/build-pkg.mjs makes it `module.exports` for the CommonJS build.
const OPERATIONS = ["add", "update", "create", "details", "delete", "status"];

function operationOnly(options) {
  if (typeof options !== "object" || options === null) return 0;
  try {
    if (Array.isArray(options)) return 0;
    const keys = Reflect.ownKeys(options);
    if (keys.length !== 1 || keys[0] !== "operation") return 0;
    return OPERATIONS.indexOf(options.operation) + 1;
  } catch (_) {
    return 0;
  }
}

export { operationOnly };
