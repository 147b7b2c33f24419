// @ts-check
// Standard Schema v1 objects (standardschema.dev) over the package's validators, so form and
// validation libraries that accept any Standard Schema (react-hook-form's standardSchemaResolver,
// TanStack Form, ...) use them directly. scripts/build-pkg.mjs ships this file as an ES module
// in web/ and as CommonJS in node/; each entry passes its own validators to `standardSchemas`.

const VENDOR = 'jira-integration-payloads';
const INDEX = /^(0|[1-9][0-9]*)$/;

/** The value of `key` in `container`, or undefined where reading it throws (a getter, a proxy). */
function child(container, key) {
  if (container === null || typeof container !== 'object') return undefined;
  try {
    return container[key];
  } catch {
    return undefined;
  }
}

/**
 * An RFC 6901 JSON Pointer as Standard Schema path keys: "" is [], "/projectMappingIds/1" is
 * ["projectMappingIds", 1]. A token is a number where the value it indexes is an array, so the
 * keys address `value` as form libraries do.
 */
function pointerKeys(pointer, value) {
  if (pointer === '') return [];
  const keys = [];
  let at = value;
  for (const token of pointer.slice(1).split('/')) {
    const name = token.replaceAll('~1', '/').replaceAll('~0', '~');
    const key = Array.isArray(at) && INDEX.test(name) ? Number(name) : name;
    keys.push(key);
    at = child(at, key);
  }
  return keys;
}

/** One Standard Schema object: `validate` runs `check(value, options)` on each call. */
function payloadSchema(check, options, schemaName) {
  /** @param {{ target?: unknown }} [options] */
  const jsonSchema = ({ target } = {}) => {
    if (target !== 'draft-2020-12') {
      throw new TypeError(`jsonSchema: target ${JSON.stringify(String(target))} is not supported; use "draft-2020-12"`);
    }
    return schemaName();
  };
  return {
    '~standard': {
      version: 1,
      vendor: VENDOR,
      validate(value) {
        const issues = [];
        for (const d of check(value, options).diagnostics) {
          if (d.severity !== 'error') continue;
          issues.push({ message: d.message, path: pointerKeys(d.path, value), code: d.code });
        }
        return issues.length === 0 ? { value } : { issues };
      },
      jsonSchema: { input: jsonSchema, output: jsonSchema },
    },
  };
}

// The codes a validation of `{}` can only owe to its options.
const OPTION_CODES = ['invalid-option', 'invalid-input', 'invalid-integration-id'];

/**
 * The operation `options` ask for (`fallback` when they name none), after checking them once:
 * options `check` reports invalid, or that are not an object, are a TypeError naming `name`.
 */
function operationOf(name, check, options, fallback) {
  if (options != null && (typeof options !== 'object' || Array.isArray(options))) {
    throw new TypeError(`${name}: options must be an object`);
  }
  const bad = check({}, options).diagnostics.find((d) => OPTION_CODES.includes(d.code));
  if (bad) throw new TypeError(`${name}: options: ${bad.message}`);
  try {
    return options?.operation ?? fallback;
  } catch {
    throw new TypeError(`${name}: options.operation cannot be read`);
  }
}

/**
 * The schema factories for one set of validators (the loaded wasm module's exports):
 * `gijSchema(options)` over validateIntegration (operation "add" or "update") and
 * `xraySchema(options)` over validateXrayJiraIntegration ("create" or "update").
 */
function standardSchemas(api) {
  return {
    gijSchema(options) {
      const operation = operationOf('gijSchema', api.validateIntegration, options, 'add');
      return payloadSchema(api.validateIntegration, options, () => api.jsonSchema(`gij-${operation}`));
    },
    xraySchema(options) {
      const operation = operationOf('xraySchema', api.validateXrayJiraIntegration, options, 'create');
      return payloadSchema(api.validateXrayJiraIntegration, options, () => api.jsonSchema(`xray-${operation}`));
    },
  };
}

export { pointerKeys, standardSchemas };
