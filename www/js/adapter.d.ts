// What a tab (gij.js, xray.js) gives the panel (panel.js): the API it calls and the controls above
// its fields. Types only, for `make lint`'s check (tsconfig.json); the page never loads this file.
import type { BuildResult, Diagnostic, HttpRequest } from '../pkg/web/index.mjs';
import type { Caller } from '../pkg/cli/shell.mjs';
import type { Field, RenderContext } from './fields.js';
import type { Panel } from './panel.js';

/** A JSON body or form state. */
export type Body = Record<string, unknown>;
/** Findings and, without an error, the request. */
export type Result = BuildResult;

/** What a pasted response means (the Response card). */
export interface Explanation {
  ok: boolean;
  headline: string;
  lines: string[];
  diagnostics: Diagnostic[];
}

export interface Adapter {
  /** The tab's ids start with it; its draft is kept under it. */
  prefix: string;
  /** Which vendor's API and documentation. */
  product: 'gij' | 'xray';
  title: string;
  lede: string;
  /** The hint above the JSON editor. */
  jsonHint: string;
  /** How the copied snippets authenticate. */
  caller: Caller;
  /** Adds the tab's own controls (`panel.option`). */
  attach(panel: Panel): void;
  /** The fields to render; null: none for this choice. */
  fields(): Field[] | null;
  /** What the form says when there are no fields. */
  emptyMessage(): string;
  /** Whether the JSON editor applies to this choice. */
  jsonEnabled(): boolean;
  renderContext(): RenderContext;
  /** The form state's findings and request. */
  checkForm(form: Body): Result;
  /** The JSON text's findings, at their line and column (json-check.js). */
  validateJson(text: string, clear: string[]): Result;
  /** The fields a JSON body clears (`body` as the editor shows it, `restored` with its secrets). */
  jsonClears(body: Body, restored: Body): string[];
  /** The request a JSON body makes. */
  buildJson(body: Body, clear: string[]): Result;
  /** What the JSON editor shows, from the request's result and the text's. */
  mergeJson(built: Result, validated: Result): Result;
  /** The head controls' part of a JSON body. */
  headJson(): Body;
  /** Takes what the head controls show from a pasted body; returns the rest. */
  importHead(body: Body): Body;
  /** The body with its secrets masked. */
  redact(body: Body): Body | null;
  /** The names of the fields that never hold a secret. */
  publicFields(): Set<string>;
  /** The vendor's page for the call. */
  docOperation(): string;
  /** The vendor's example body for the current choice, or null. */
  example(): Body | null;
  explainResponse(status: number | undefined, text: string): Explanation;
  /** After a draft or Reset filled the controls. */
  afterRestore(): void;
  /** Adds to a field's wrapper (the previews). */
  decorate?(field: Field, wrapper: HTMLElement, panel: Panel): void;
  afterRender?(): void;
  /** The previews' findings about the form. */
  previewDiagnostics?(form: Body): Diagnostic[];
  /** The form's clears as JSON members ("" or []). */
  clearsJson?(form: Body): Body;
  /** The control a finding belongs to when its path does not say. */
  keyOf?(d: Diagnostic): string | null;
  /** A note under the request about what it changes. */
  describeRequest?(request: HttpRequest | undefined): string;
}
