// The same package imported from an ES module (import condition under nodenext).
import { validateIntegration, version } from 'jira-integration-payloads';
import * as api from 'jira-integration-payloads';

const v: string = version();
const ok: boolean = validateIntegration({ type: 'GITHUB', pat: 't' }).ok;
// @ts-expect-error the init function of the raw web glue is not part of the API
api.default;
// @ts-expect-error nor is initSync
api.initSync;

export { v, ok };
