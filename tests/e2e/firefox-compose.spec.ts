import { expect, test } from '@playwright/test';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { FIXTURE_DIR, TEST_POLICY } from './helpers/extension.ts';
import {
  launchFirefoxWithExtension,
  openExtensionPage,
  prepareFirefoxExtension,
  readGeckoId,
  serveFixtures,
  writeFirefoxManagedPolicy,
  type FirefoxSession,
} from './helpers/firefox.ts';
import { htmlToText } from './helpers/mime.ts';
import { puppeteerDriver } from './helpers/page-driver.ts';
import {
  clearSentMessages,
  clickSend,
  composeDraft,
  login,
  readRoundcubeLogs,
  readSentMessages,
  setEditorMode,
  startRoundcube,
  stopRoundcube,
  waitForSentMessages,
  type RoundcubeStack,
} from './helpers/roundcube.ts';

/**
 * Issue 4 on Firefox ESR (puppeteer-core over WebDriver BiDi; the runner is still Playwright's):
 * the Gmail fixture at its real URL, and the real Roundcube with the SMTP sink. The policy arrives the
 * way an admin deploys it to Firefox: /etc/firefox/policies/policies.json, read at start-up.
 */

const PERSONAL_PHONE = '+7 915 111-11-11';
const CORPORATE_PHONE = '+7 495 123-45-67';
const ROUNDCUBE_SITE = 'http://127.0.0.1/*';
const GMAIL_URL = 'https://mail.google.com/mail/u/0/';
const CLIENT = 'client@example.org';
const POLICY = { ...TEST_POLICY, organization: 'Acme (Firefox compose e2e)', sites: [{ match: ROUNDCUBE_SITE, adapter: 'roundcube' as const }] };

const DIALOG = 'channel-guard-dialog';
const dialogAction = (action: string) => `${DIALOG} >>> [data-action="${action}"]`;
const guarded = (adapter: string) => `html[data-channel-guard="${adapter}"]`;

test.describe.configure({ mode: 'serial' });

let extensionDir: string;
let session: FirefoxSession | undefined;
let removePolicy: (() => Promise<void>) | undefined;
let stack: RoundcubeStack | undefined;
let page: Page | undefined;
let failed = false;

test.beforeAll(async () => {
  extensionDir = await prepareFirefoxExtension();
  removePolicy = await writeFirefoxManagedPolicy(await readGeckoId(extensionDir), POLICY);
  session = await launchFirefoxWithExtension({ extensionDir });
  await waitForRegisteredSite(session, ROUNDCUBE_SITE);
  stack = await startRoundcube();
});

test.afterAll(async () => {
  try {
    await session?.close();
  } finally {
    await removePolicy?.();
    if (stack) await stopRoundcube(stack, { keepState: failed });
    if (extensionDir) await rm(extensionDir, { recursive: true, force: true });
  }
});

test.beforeEach(async () => {
  page = await session!.browser.newPage();
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    failed = true;
    if (stack) await testInfo.attach('roundcube-logs', { body: await readRoundcubeLogs(stack), contentType: 'text/plain' });
  }
  await page?.close();
  page = undefined;
});

/** The managed policy was read and the background registered the compose script for its hosts. */
async function waitForRegisteredSite(s: FirefoxSession, match: string): Promise<void> {
  const options = await openExtensionPage(s, 'options.html', `[data-field="organization"][data-locked="true"]`);
  try {
    await expect
      .poll(
        () =>
          options.evaluate(async () => {
            const api = (globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } } }).browser;
            return (await api.scripting.getRegisteredContentScripts()).flatMap((r) => r.matches ?? []);
          }),
        { timeout: 20_000 },
      )
      .toContain(match);
  } finally {
    await options.close();
  }
}

interface FixtureSent {
  to: string[];
  subject: string;
  body: string;
  via: string;
}

const fixtureSent = (p: Page) => p.evaluate(() => (window as unknown as { sentMessages: FixtureSent[] }).sentMessages);

test('Gmail fixture: flagged send shows the dialog; Replace sends the corporate number', async () => {
  const p = page!;
  await serveFixtures(p, [{ urlPrefix: GMAIL_URL, body: await readFile(join(FIXTURE_DIR, 'gmail.html'), 'utf8') }]);
  await p.goto(GMAIL_URL);
  await p.waitForSelector(guarded('gmail'));

  const body = `<div>Здравствуйте!</div><div>Мой номер: ${PERSONAL_PHONE}, пишите.</div><div>Alice</div>`;
  const sendSelector = await p.evaluate((draft) => {
    const fixture = (window as unknown as { fixture: { setDraft(d: unknown): void; sendSelector: string } }).fixture;
    fixture.setDraft(draft);
    return fixture.sendSelector;
  }, { to: [CLIENT], subject: 'Contacts', body });
  // Gmail's Send acts on mousedown+mouseup: a real mouse click.
  await p.locator(sendSelector).click();

  await p.waitForSelector(dialogAction('replace'), { visible: true });
  const dialogText = await p.$eval(DIALOG, (el) => el.shadowRoot?.textContent ?? '');
  expect(dialogText).toContain(PERSONAL_PHONE);
  expect(await fixtureSent(p)).toEqual([]);

  await p.locator(dialogAction('replace')).click();
  await p.waitForFunction(() => (window as unknown as { sentMessages: unknown[] }).sentMessages.length > 0, { timeout: 10_000 });
  await new Promise((r) => setTimeout(r, 500));
  const sent = await fixtureSent(p);
  expect(sent).toHaveLength(1);
  expect(sent[0]!.to).toEqual([CLIENT]);
  expect(sent[0]!.subject).toBe('Contacts');
  expect(htmlToText(sent[0]!.body)).toBe(`Здравствуйте!\nМой номер: ${CORPORATE_PHONE}, пишите.\nAlice`);
});

for (const mode of ['plain', 'html'] as const) {
  test(`Roundcube (${mode} editor): flagged send shows the dialog; Replace delivers the corporate number to the SMTP sink`, async () => {
    const p = page!;
    const s = stack!;
    await clearSentMessages(s);
    await setEditorMode(s, mode);
    const driver = puppeteerDriver(p);
    await login(driver, s);

    const body = `Добрый день!\nМой личный номер: ${PERSONAL_PHONE}, звоните.\nBest regards, Alice`;
    await composeDraft(driver, s, { to: [CLIENT], subject: `Firefox ${mode}`, body });
    await p.waitForSelector(guarded('roundcube'));
    await clickSend(driver);

    await p.waitForSelector(dialogAction('replace'), { visible: true });
    expect(await readSentMessages(s), 'nothing leaves while the dialog is open').toEqual([]);
    await p.locator(dialogAction('replace')).click();

    const [message] = await waitForSentMessages(s, 1);
    expect(message!.to).toEqual([CLIENT]);
    const expected = body.replace(PERSONAL_PHONE, CORPORATE_PHONE);
    if (mode === 'html') {
      expect(htmlToText(message!.html ?? '')).toBe(expected);
    } else {
      expect(message!.html).toBeUndefined();
      expect((message!.text ?? '').trimEnd()).toBe(expected);
    }
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await readSentMessages(s), 'sent exactly once').toHaveLength(1);
  });
}
