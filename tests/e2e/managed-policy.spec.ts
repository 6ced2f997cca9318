import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
  CHROMIUM_EXECUTABLE,
  chromiumExtensionPolicy,
  generateExtensionKey,
  launchChromiumWithExtension,
  openOptionsPage,
  prepareChromiumExtension,
  reloadChromiumPolicies,
  removeChromiumPolicy,
  writeChromiumPolicy,
} from './helpers/policy-files.ts';
import type { ChromiumSession, ExtensionKey } from './helpers/policy-files.ts';

/**
 * Issue 7 with real Chromium and real policy files in /etc/chromium/policies/managed: the managed
 * settings reach the extension, are shown locked, bad ones are reported and never replace the last
 * good policy, and changes apply while the browser runs.
 */

const ACME = {
  version: 1,
  organization: 'Acme Test Org',
  defaultRegion: 'RU',
  corporateDomains: ['acme.example'],
  corporateContacts: { emails: ['sales@acme.example'], phones: ['+7 495 123-45-67'], messengers: [] },
  suggestion: { phone: '+7 495 123-45-67' },
  mode: 'block',
  userEditable: ['userLabel'],
};

const run = promisify(execFile);

let key: ExtensionKey;
let extensionDir: string;
let session: ChromiumSession | undefined;

test.beforeAll(async () => {
  key = await generateExtensionKey();
  extensionDir = await prepareChromiumExtension(key);
});

test.afterAll(async () => {
  await rm(extensionDir, { recursive: true, force: true });
  await rm(key.dir, { recursive: true, force: true });
});

test.afterEach(async () => {
  try {
    await session?.close();
  } finally {
    session = undefined;
    await removeChromiumPolicy();
  }
});

/** The effective policy as the background holds it (what content scripts enforce). */
async function backgroundState(page: Page): Promise<{ policy: { mode: string; organization: string; defaultRegion: string }; managedBy: string | null; errors: { path: string }[] }> {
  return page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<never> } } }).chrome.runtime.sendMessage({ type: 'policy/get' }));
}

const field = (page: Page, name: string) => page.locator(`[data-field="${name}"]`);

test('a policy file reaches the options page, every admin field locked', async () => {
  await writeChromiumPolicy(chromiumExtensionPolicy(key.extensionId, ACME));
  session = await launchChromiumWithExtension(extensionDir, key.extensionId);
  const page = await openOptionsPage(session);

  await expect(field(page, 'organization')).toHaveAttribute('data-locked', 'true');
  await expect(field(page, 'organization')).toContainText('Acme Test Org');
  await expect(field(page, 'organization').locator('[title="Set by your administrator"]')).toBeVisible();
  await expect(field(page, 'mode')).toHaveAttribute('data-locked', 'true');
  await expect(field(page, 'corporateDomains')).toContainText('acme.example');
  await expect(page.locator('.managed-by')).toContainText('Managed by Acme Test Org');
  // The admin left userLabel to the user: editable, not locked.
  await expect(field(page, 'userLabel')).not.toHaveAttribute('data-locked', 'true');
  await expect(page.locator('[role="alert"]')).toHaveCount(0);

  // A local change to the editable field is saved through the background and survives a reload.
  await field(page, 'userLabel').locator('input').fill('desk-42');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.saved')).toBeVisible();
  await page.reload();
  await expect(field(page, 'userLabel').locator('input')).toHaveValue('desk-42');
  expect((await backgroundState(page)).policy.mode).toBe('block');
});

test('an invalid policy is reported with path and reason and the previous policy stays in force', async () => {
  await writeChromiumPolicy(chromiumExtensionPolicy(key.extensionId, ACME));
  session = await launchChromiumWithExtension(extensionDir, key.extensionId);
  const page = await openOptionsPage(session);
  await expect(field(page, 'organization')).toContainText('Acme Test Org');

  await writeChromiumPolicy(chromiumExtensionPolicy(key.extensionId, { ...ACME, organization: 'Broken Org', defaultRegion: 'Russia', mode: 'monitor' }));
  await reloadChromiumPolicies(session.context);

  const alert = page.locator('[role="alert"]');
  await expect(alert).toBeVisible();
  await expect(alert.locator('[data-path="defaultRegion"]')).toContainText('two-letter region code');
  await expect(alert).toContainText('The last valid policy, received');
  // The page shows — and the background enforces — the last good policy.
  await expect(field(page, 'organization')).toContainText('Acme Test Org');
  await expect(field(page, 'mode')).toContainText('Block: stop sending');
  const state = await backgroundState(page);
  expect(state.policy).toMatchObject({ organization: 'Acme Test Org', mode: 'block', defaultRegion: 'RU' });
  expect(state.errors.map((e) => e.path)).toEqual(['defaultRegion']);

  // Also after a restart of the browser (the last good policy is persisted).
  await session.close({ keepProfile: true });
  session = await launchChromiumWithExtension(extensionDir, key.extensionId, { profile: session.profile });
  const again = await openOptionsPage(session);
  await expect(again.locator('[role="alert"] [data-path="defaultRegion"]')).toBeVisible();
  expect((await backgroundState(again)).policy.mode).toBe('block');
});

test('a policy changed while the browser runs is applied without a restart', async () => {
  await writeChromiumPolicy(chromiumExtensionPolicy(key.extensionId, ACME));
  session = await launchChromiumWithExtension(extensionDir, key.extensionId);
  const page = await openOptionsPage(session);
  await expect(field(page, 'organization')).toContainText('Acme Test Org');

  // No reload of the options page: the change arrives through storage.onChanged.
  await writeChromiumPolicy(chromiumExtensionPolicy(key.extensionId, { ...ACME, organization: 'Acme Renamed', mode: 'monitor', corporateDomains: ['acme.example', 'acme-group.example'] }));
  await reloadChromiumPolicies(session.context);
  await expect(field(page, 'organization')).toContainText('Acme Renamed');
  await expect(field(page, 'corporateDomains')).toContainText('acme-group.example');
  await expect(field(page, 'mode')).toContainText('Monitor');
  expect((await backgroundState(page)).policy.mode).toBe('monitor');

  // An unparsable file gives Chromium's "{}": the last good policy stays, with a note.
  await writeChromiumPolicy('{ "3rdparty": { this is not JSON');
  await reloadChromiumPolicies(session.context);
  await expect(page.locator('.warnings')).toBeVisible();
  await expect(field(page, 'organization')).toContainText('Acme Renamed');
  expect((await backgroundState(page)).managedBy).toBe('Acme Renamed');
});

/**
 * Issue 7, self-hosted distribution: the packed extension served from a local update server and
 * ExtensionInstallForcelist → installed with no user action, with its managed settings applied.
 */

test('force-installed from a local update server, with the managed policy applied', async () => {
  const key = await generateExtensionKey(); // its own id: never force-install and --load-extension one id
  const extensionDir = await prepareChromiumExtension(key);
  const profile = await mkdtemp(join(tmpdir(), 'channel-guard-profile-'));
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as { version: string };
  // Chromium writes <dir>.crx next to the directory.
  await run(CHROMIUM_EXECUTABLE, ['--headless', '--no-sandbox', `--pack-extension=${extensionDir}`, `--pack-extension-key=${key.pemPath}`], { timeout: 60_000 });
  const crx = await readFile(`${extensionDir}.crx`);

  const server = createServer((request, response) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (request.url?.startsWith('/updates.xml')) {
      response.writeHead(200, { 'content-type': 'application/xml' });
      response.end(
        `<?xml version="1.0" encoding="UTF-8"?>\n<gupdate xmlns="http://www.google.com/update2/response" protocol="2.0">\n` +
          `  <app appid="${key.extensionId}"><updatecheck codebase="${base}/channel-guard.crx" version="${manifest.version}"/></app>\n</gupdate>\n`,
      );
    } else if (request.url === '/channel-guard.crx') {
      response.writeHead(200, { 'content-type': 'application/x-chrome-extension' });
      response.end(crx);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const updateUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/updates.xml`;

  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
  try {
    await writeChromiumPolicy(
      chromiumExtensionPolicy(
        key.extensionId,
        { version: 1, organization: 'Forced Org', defaultRegion: 'RU', corporateDomains: ['acme.example'], corporateContacts: {}, suggestion: {}, mode: 'block' },
        // Without DeveloperToolsAvailability 1 a policy-installed extension is hidden from automation.
        { ExtensionInstallForcelist: [`${key.extensionId};${updateUrl}`], DeveloperToolsAvailability: 1 },
      ),
    );
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_EXECUTABLE,
      headless: true,
      // The update check is "background networking"; extensions must not be disabled either.
      ignoreDefaultArgs: ['--disable-background-networking', '--disable-extensions', '--disable-component-extensions-with-background-pages'],
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync', '--disable-component-update'],
    });
    const isOurs = (url: string) => url.startsWith(`chrome-extension://${key.extensionId}/`);
    const worker = context.serviceWorkers().find((w) => isOurs(w.url())) ?? (await context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()), timeout: 60_000 }));
    expect(worker.url()).toContain(key.extensionId);

    const page = await context.newPage();
    await page.goto(`chrome-extension://${key.extensionId}/options.html`);
    await expect(page.locator('[data-field="organization"][data-locked="true"]')).toContainText('Forced Org');
    await expect(page.locator('[data-field="mode"]')).toContainText('Block');
  } finally {
    await context?.close();
    await removeChromiumPolicy();
    server.close();
    await Promise.all([extensionDir, `${extensionDir}.crx`, profile, key.dir].map((p) => rm(p, { recursive: true, force: true })));
  }
});
