// Shared by the Chromium tests in tests/e2e/: the system Chromium (no browser download), launched
// headless by playwright-core with the same flags everywhere, and the listener that collects
// what a page reports as going wrong, so every test fails on the same problems.
import { chromium } from 'playwright-core';

const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium ($CHROMIUM, else /usr/bin/chromium). */
export function launchChromium() {
  return chromium.launch({ executablePath, args, headless: true, timeout: 60_000 });
}

/**
 * Collects into `problems` every console error or warning, page error, failed request and HTTP
 * error status of `page`; returns `problems`.
 * @param {import('playwright-core').Page} page
 * @param {string[]} [problems]
 */
export function collectProblems(page, problems = []) {
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(String(err)));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return problems;
}
