import { defineConfig } from '@playwright/test';

// Browsers are Debian's (/usr/bin/chromium, /usr/bin/firefox-esr): never `playwright install`.
// One worker: the tests share machine-wide enterprise policy directories.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  // CI machines are shared and noisy (2 cores): one retry, and a retried pass is still listed as flaky.
  retries: process.env.CI ? 1 : 0,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  // Builds the extension once and freezes a copy for the whole run (tests/e2e/helpers/global-setup.ts).
  globalSetup: './tests/e2e/helpers/global-setup.ts',
});
