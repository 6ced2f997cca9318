import { expect, test } from '@playwright/test';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  launchFirefoxWithExtension,
  openExtensionPage,
  prepareFirefoxExtension,
  readGeckoId,
  writeFirefoxManagedPolicy,
} from './helpers/firefox.ts';
import type { FirefoxSession } from './helpers/firefox.ts';

/**
 * Issue 7 on Firefox ESR: policies.json `3rdparty.Extensions.<gecko id>` reaches storage.managed.
 * Firefox skips managed_schema, so wrong values arrive as written and only our own validation reports them.
 */

async function extensionCopy(): Promise<string> {
  const built = process.env.CHANNEL_GUARD_FIREFOX_BUILD;
  if (!built) return prepareFirefoxExtension();
  const copy = await mkdtemp(join(tmpdir(), 'channel-guard-firefox-ext-'));
  await cp(built, copy, { recursive: true });
  return copy;
}

const ACME = {
  version: 1,
  organization: 'Acme Firefox Org',
  defaultRegion: 'JP',
  corporateDomains: ['acme.example'],
  corporateContacts: { emails: ['sales@acme.example'], phones: ['+81 3-1234-5678'], messengers: [] },
  suggestion: { phone: '+81 3-1234-5678' },
  mode: 'warn',
};

let extensionDir: string;
let session: FirefoxSession | undefined;
let removePolicy: (() => Promise<void>) | undefined;

test.beforeEach(async () => {
  extensionDir = await extensionCopy();
});

test.afterEach(async () => {
  try {
    await session?.close();
  } finally {
    session = undefined;
    await removePolicy?.();
    removePolicy = undefined;
    await rm(extensionDir, { recursive: true, force: true });
  }
});

test('policies.json drives the options page: managed organization, locked fields', async () => {
  removePolicy = await writeFirefoxManagedPolicy(await readGeckoId(extensionDir), ACME);
  session = await launchFirefoxWithExtension({ extensionDir });
  const page = await openExtensionPage(session, 'options.html', '[data-field="organization"][data-locked="true"]');
  expect(await page.$eval('.managed-by', (el) => el.textContent)).toContain('Acme Firefox Org');
  expect(await page.$eval('[data-field="defaultRegion"]', (el) => el.textContent)).toContain('JP');
  expect(await page.$$('[role="alert"]')).toHaveLength(0);
});

test('an invalid policies.json entry is reported by our own validation', async () => {
  removePolicy = await writeFirefoxManagedPolicy(await readGeckoId(extensionDir), { ...ACME, defaultRegion: 'Japan', corporateDomains: 'acme.example' });
  session = await launchFirefoxWithExtension({ extensionDir });
  const page = await openExtensionPage(session, 'options.html', '[role="alert"]');
  const paths = await page.$$eval('[role="alert"] [data-path]', (items) => items.map((li) => li.getAttribute('data-path')));
  expect(paths.sort()).toEqual(['corporateDomains', 'defaultRegion']);
  // Nothing valid was ever received: built-in protection applies, nothing is locked.
  expect(await page.$$('[data-locked="true"]')).toHaveLength(0);
});
