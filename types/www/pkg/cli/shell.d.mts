// The page loads the CLI's curl command from the package it serves (www/pkg/cli/shell.mjs, a
// build output); its source is js/cli/shell.mjs.
export * from '../../../../js/cli/shell.mjs';
