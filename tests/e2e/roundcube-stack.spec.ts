import { chromium, expect, test, type Browser } from '@playwright/test';
import { htmlToText } from './helpers/mime.ts';
import { playwrightDriver } from './helpers/page-driver.ts';
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
 * The Roundcube harness on its own, with no extension: a real login, compose in both editors, a real
 * send, and the message read back from the SMTP sink. If this fails, the extension specs that use the
 * stack cannot be trusted either.
 */

test.describe.configure({ mode: 'serial' });

let stack: RoundcubeStack;
let browser: Browser;
let failed = false;

test.beforeAll(async () => {
  stack = await startRoundcube({ editor: 'plain' });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    failed = true;
    await testInfo.attach('roundcube-logs', { body: await readRoundcubeLogs(stack), contentType: 'text/plain' });
  }
});

test.afterAll(async () => {
  await browser?.close();
  // A failed run keeps the state dir (logs, sink) for inspection.
  if (stack) await stopRoundcube(stack, { keepState: failed });
});

test.beforeEach(async () => {
  await clearSentMessages(stack);
});

// Long enough for Roundcube to wrap it with format=flowed, which the reader must undo.
const LONG_LINE =
  'This sentence is deliberately longer than seventy-six characters so that Roundcube folds it when it sends plain text.';

test('plain-text editor: the typed draft arrives at the SMTP sink, decoded', async () => {
  await setEditorMode(stack, 'plain');
  const context = await browser.newContext();
  const page = await context.newPage();
  const driver = playwrightDriver(page);
  await login(driver, stack);

  await composeDraft(driver, stack, {
    to: ['client@example.org'],
    subject: 'Plain check — Проверка',
    body: `Hello,\nЗдравствуйте, звоните мне.\nこんにちは、お電話ください。\n${LONG_LINE}\nBye`,
  });
  await expect(page.locator('textarea#composebody')).toBeVisible();
  await expect(page.locator('iframe#composebody_ifr')).toHaveCount(0);
  await clickSend(driver);

  const [message, ...others] = await waitForSentMessages(stack, 1);
  expect(others).toHaveLength(0);
  expect(message!.to).toEqual(['client@example.org']);
  expect(message!.envelopeTo).toEqual(['client@example.org']);
  expect(message!.from).toContain(stack.email);
  expect(message!.subject).toBe('Plain check — Проверка');
  expect(message!.html).toBeUndefined();
  expect(message!.text?.trimEnd()).toBe(
    `Hello,\nЗдравствуйте, звоните мне.\nこんにちは、お電話ください。\n${LONG_LINE}\nBye`,
  );
  // Roundcube really folded the long line on the wire, so the check above exercised the unfolding.
  expect(message!.raw).not.toContain(LONG_LINE);
  await context.close();
});

test('HTML editor (TinyMCE): the typed draft arrives as HTML and text, with Cc', async () => {
  await setEditorMode(stack, 'html');
  const context = await browser.newContext();
  const page = await context.newPage();
  const driver = playwrightDriver(page);
  await login(driver, stack);

  await composeDraft(driver, stack, {
    to: ['client@example.org'],
    cc: ['partner@example.net'],
    subject: 'HTML check',
    body: 'First paragraph, Привет.\nSecond paragraph: 日本語のテキスト.',
  });
  await expect(page.frameLocator('iframe#composebody_ifr').locator('body#tinymce')).toContainText('日本語のテキスト');
  await clickSend(driver);

  const [message] = await waitForSentMessages(stack, 1);
  expect(message!.to).toEqual(['client@example.org']);
  expect(message!.cc).toEqual(['partner@example.net']);
  expect([...message!.envelopeTo].sort()).toEqual(['client@example.org', 'partner@example.net']);
  expect(message!.html).toBeDefined();
  expect(htmlToText(message!.html!)).toBe('First paragraph, Привет.\nSecond paragraph: 日本語のテキスト.');
  // Roundcube adds a text/plain alternative generated from the HTML.
  expect(message!.text).toContain('First paragraph, Привет.');
  expect(message!.text).toContain('Second paragraph: 日本語のテキスト.');
  await context.close();
});

test('a draft that is not sent never reaches the sink', async () => {
  await setEditorMode(stack, 'plain');
  const context = await browser.newContext();
  const page = await context.newPage();
  const driver = playwrightDriver(page);
  await login(driver, stack);
  await composeDraft(driver, stack, { to: ['client@example.org'], subject: 'Unsent', body: 'Not sent' });
  // Give a wrongly wired harness (e.g. autosave delivering over SMTP) time to show itself.
  await page.waitForTimeout(1_000);
  expect(await readSentMessages(stack)).toEqual([]);
  await context.close();
});
