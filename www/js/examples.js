// @ts-check
// The vendor's example bodies, one per integration type and Xray call, as docs/api-reference.md
// ("Realistic example payloads") gives them: the documented shapes with placeholder values.
// Secrets are left out, so a loaded example asks for them instead of sending "<pat>".

/** Git Integration for Jira, POST /integration, by type. */
export const GIJ_ADD = {
  GITHUB: { displayName: 'Acme GitHub', apiFilter: "[?starts_with(name, 'svc-')]", requireUserPat: true },
  GITHUB_SERVER: { origin: 'https://ghe.example.com', displayName: 'GHE', apiPath: '/orgs/acme/repos', disableSslVerification: false },
  GITLAB: { displayName: 'Acme GitLab', apiFilter: "[?contains(tag_list, 'largemedia')]" },
  GITLAB_SERVER: {
    origin: 'https://gitlab.example.com',
    apiPath: '/api/v4/groups/acme/projects?include_subgroups=true',
    global: false,
    projectMappingIds: [10000, 10100],
    gitViewerEnabled: true,
    tagsFilter: '^(Release|release).*',
  },
  GITLAB_SERVER_LEGACY: { origin: 'http://gitlab-old.example.com/', username: 'git-bot', displayName: 'GitLab v3' },
  AWS: { username: 'iam-git-user', awsRegion: 'eu-west-1' },
  AZURE: { apiFilter: "{value:value[?contains(project.name, 'payments')]}" },
  VSTS: { displayName: 'VSTS' },
  TFS_SERVER: { origin: 'http://tfs.example.com:8080/tfs', username: 'all', tfsCollection: 'DefaultCollection' },
  AZURE_DEVOPS: { origin: 'http://ado.example.com/', username: 'ado-bot' },
  FILESPACE: { origin: '/srv/git/*', displayName: 'Local repos', folderDepth: 2, apiFilter: "[?!starts_with(fullPath, '/srv/git/private')]" },
  GERRIT: { origin: 'http://gerrit.example.com:8080', username: 'gerrit-bot', refSpecNotes: true, refSpecChanges: true, refSpecCustom: '+refs/meta/*:refs/meta/*' },
};

/** Git Integration for Jira, PUT /integration/{id} (the vendor's Example 2 without its id). */
export const GIJ_UPDATE = { global: false, projectMappingIds: [10000], gitViewerEnabled: true, prHideFilter: '^(Test|test).*' };

/** Xray, by call. */
export const XRAY = {
  create: {
    connection_name: 'prod-jira-cloud',
    auth_type: 'basic',
    username: 'bot@example.com',
    installation_type: 'cloud',
    jira_server_url: 'https://example.atlassian.net',
    skip_proxy: false,
  },
  update: { connection_name: 'onprem-jira', jira_server_url: 'https://jira2.example.com', skip_proxy: false },
};
