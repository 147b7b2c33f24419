
/** One problem found by a Standard Schema validator: an error-severity diagnostic. */
export interface StandardSchemaIssue {
  /** The diagnostic's message (never contains a secret). */
  readonly message: string;
  /** Keys from the validated value to the problem: property names, and array indices as numbers. */
  readonly path: ReadonlyArray<string | number>;
  /** The diagnostic's code. */
  readonly code: DiagnosticCode;
}

/** The options of the Standard JSON Schema converter (`~standard.jsonSchema.input/output`). */
export interface StandardJsonSchemaOptions {
  /** Only "draft-2020-12" is supported; any other target throws a TypeError. */
  readonly target: string;
  readonly libraryOptions?: Record<string, unknown> | undefined;
}

/**
 * A Standard Schema v1 (standardschema.dev) over one of the validators: `validate(value)` gives
 * `{ value }` (the value itself) when no diagnostic is an error, `{ issues }` otherwise.
 * Warnings and notes are not issues. Also a Standard JSON Schema: `jsonSchema.input()` is the
 * body's JSON Schema.
 */
export interface PayloadSchema<T> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
    ) => { readonly value: T; readonly issues?: undefined } | { readonly issues: ReadonlyArray<StandardSchemaIssue> };
    readonly types?: { readonly input: T; readonly output: T } | undefined;
    readonly jsonSchema: {
      readonly input: (options: StandardJsonSchemaOptions) => JsonSchema & Record<string, unknown>;
      readonly output: (options: StandardJsonSchemaOptions) => JsonSchema & Record<string, unknown>;
    };
  };
}

/**
 * A Standard Schema that checks Git Integration for Jira bodies with validateIntegration and
 * these options. Throws a TypeError when the options are invalid.
 */
export function gijSchema(options?: ValidateOptions): PayloadSchema<IntegrationPayload>;

/**
 * A Standard Schema that checks Xray Jira-integration bodies with validateXrayJiraIntegration
 * and these options. Throws a TypeError when the options are invalid.
 */
export function xraySchema(options?: XrayValidateOptions): PayloadSchema<XrayJiraIntegrationPayload>;
