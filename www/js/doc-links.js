// @ts-check
// Where each field and each finding is documented by the vendor: one table, keyed by field name
// and by diagnostic code (prefix), with the URLs of docs/api-reference.md's Sources table. It
// lives here rather than in the Rust catalogue because only this page shows the links: the wasm
// package stays smaller and the library's codes keep one meaning, whoever documents them.
// The page makes no request to these sites: a link is followed only when the admin clicks it.
import { h } from './dom.js';

/** The vendor pages (docs/api-reference.md, "Sources used"). */
export const SOURCES = {
  'GIJ-ADD': { url: 'https://help.gitkraken.com/git-integration-for-jira-data-center/add-new-integration-gij-self-managed/', title: 'GitKraken: Add New Integration' },
  'GIJ-TYPES': { url: 'https://help.gitkraken.com/git-integration-for-jira-data-center/add-new-integration-type-api-examples-gij-self-managed', title: 'GitKraken: integration type API examples' },
  'GIJ-UPD': { url: 'https://help.gitkraken.com/git-integration-for-jira-data-center/update-existing-integration-gij-self-managed', title: 'GitKraken: Update Existing Integration' },
  'GIJ-GET': { url: 'https://help.gitkraken.com/git-integration-for-jira-data-center/retrieve-an-integration-gij-self-managed', title: 'GitKraken: Retrieve an Integration' },
  'GIJ-APIPATH': { url: 'https://help.gitkraken.com/git-integration-for-jira-data-center/working-with-custom-api-path-gij-self-managed/', title: 'GitKraken: custom API path' },
  'GIJ-JMES': { url: 'https://help.gitkraken.com/git-integration-for-jira-data-center/working-with-jmespath-filters-gij-self-managed', title: 'GitKraken: JMESPath filters' },
  'GIJ-TAGF': { url: 'https://support.gitkraken.com/git-integration-for-jira-data-center/tag-filters-gij-self-managed', title: 'GitKraken: tag filters' },
  'XR-CREATE': { url: 'https://jfrog.com/help/r/xray-rest-apis/create-jira-integration', title: 'JFrog: Create Jira Integration' },
  'XR-UPDATE': { url: 'https://jfrog.com/help/r/xray-rest-apis/update-jira-integration', title: 'JFrog: Update Jira Integration' },
  'XR-DETAILS': { url: 'https://jfrog-external.fluidtopics.net/r/xray-rest-apis/get-jira-integration-details?contentId=r3UdUOHtf_docjR4c_UPgw', title: 'JFrog: Get Jira Integration Details' },
  'XR-STATUS': { url: 'https://jfrog.com/help/r/xray-rest-apis/get-jira-integration-status', title: 'JFrog: Get Jira Integration Status' },
};

/** Fields documented on a page of their own; the others are on the call's page. */
const FIELD_PAGES = { apiFilter: 'GIJ-JMES', apiPath: 'GIJ-APIPATH', tagsFilter: 'GIJ-TAGF' };
/** Codes by prefix: the field languages have their own pages. */
const CODE_PAGES = [
  ['jmespath-', 'GIJ-JMES'],
  ['api-path-', 'GIJ-APIPATH'],
];
/** The page of each call, by tab and operation. */
const CALL_PAGES = {
  gij: { add: 'GIJ-ADD', update: 'GIJ-UPD', response: 'GIJ-GET' },
  xray: { create: 'XR-CREATE', update: 'XR-UPDATE', details: 'XR-DETAILS', status: 'XR-STATUS', response: 'XR-STATUS' },
};

/**
 * The vendor page for a field of a call.
 * @param {'gij'|'xray'} product
 * @param {string} operation
 * @param {string} field
 */
export function fieldDoc(product, operation, field) {
  return SOURCES[(product === 'gij' && FIELD_PAGES[field]) || CALL_PAGES[product]?.[operation]] ?? null;
}

/**
 * The vendor page for a finding: its language's page, its field's page, or the call's page.
 * @param {'gij'|'xray'} product
 * @param {string} operation
 * @param {{ code: string, path?: string }} d
 */
export function findingDoc(product, operation, d) {
  const byCode = CODE_PAGES.find(([prefix]) => product === 'gij' && d.code.startsWith(prefix));
  if (byCode) return SOURCES[byCode[1]];
  if (d.code.startsWith('java-regex-') && product === 'gij' && (d.path ?? '').startsWith('/tagsFilter')) return SOURCES['GIJ-TAGF'];
  const field = (d.path ?? '').split('/')[1] ?? '';
  return fieldDoc(product, operation, field);
}

/**
 * A link to a vendor page that opens in a new tab and sends no referrer. `about` is read by
 * screen readers after the visible text ("Docs, Host URL"), so the accessible name starts with
 * what is seen.
 */
export function docLink(doc, text = 'Vendor docs', about = '') {
  if (!doc) return null;
  return h(
    'a',
    {
      class: 'doc-link',
      href: doc.url,
      target: '_blank',
      rel: 'noopener noreferrer',
      referrerpolicy: 'no-referrer',
      title: doc.title,
    },
    text,
    about ? h('span', { class: 'visually-hidden', text: `, ${about}` }) : null,
  );
}
