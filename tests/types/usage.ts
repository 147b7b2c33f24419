// A TypeScript consumer of the package's declarations (CommonJS-mode file under nodenext).
// Checked by tests/node/types.test.mjs with `tsc --noEmit --strict`.
import { catalogue, jsonPointer, version, type CodeInfo } from 'jira-integration-payloads';

const v: string = version();
const pointer: string = jsonPointer(['a', 'b']);
const codes: CodeInfo[] = catalogue();
const severities: Array<'error' | 'warning' | 'info'> = codes.map((c) => c.severity);

// The declarations are precise, not `any`: each line below must be a type error.
// @ts-expect-error a number is not a string
const n: number = version();
// @ts-expect-error tokens are strings
jsonPointer([1, 2]);
// @ts-expect-error no such field
codes[0]?.nonexistent;

export { v, pointer, severities, n };
