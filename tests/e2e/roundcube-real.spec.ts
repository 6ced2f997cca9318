import { expect, test, type Page } from '@playwright/test';
import { launchWithExtension, TEST_POLICY, waitForGuard, type ExtensionSession } from './helpers/extension.ts';
import { htmlToText } from './helpers/mime.ts';
import { playwrightDriver } from './helpers/page-driver.ts';
import {
  clearSentMessages,
  clickSend,
  composeDraft,
  login,
  readComposeBody,
  readRoundcubeLogs,
  readSentMessages,
  setEditorMode,
  startRoundcube,
  stopRoundcube,
  waitForSentMessages,
  type EditorMode,
  type RoundcubeStack,
  type SentMessage,
} from './helpers/roundcube.ts';

/**
 * Issue 4, "a real webmail": Debian's Roundcube on loopback, a real IMAP server and an SMTP sink,
 * Chromium with the built extension and a real managed policy that lists the host. Each test reads
 * the message that actually reached the SMTP server.
 */

const PERSONAL_PHONE = '+7 915 111-11-11';
const CORPORATE_PHONE = '+7 495 123-45-67';
// Policy match patterns ignore the port: this covers the stack on whatever port it got.
const ROUNDCUBE_SITE = 'http://127.0.0.1/*';

const POLICY = { ...TEST_POLICY, organization: 'Acme (Roundcube e2e)', sites: [{ match: ROUNDCUBE_SITE, adapter: 'roundcube' as const }] };

const FLAGGED_BODY = `Добрый день!\nМой личный номер: ${PERSONAL_PHONE}, звоните в любое время.\nBest regards, Alice`;
const CLEAN_BODY = 'Добрый день!\nДоговор во вложении, жду ваших комментариев.\nBest regards, Alice';
const CLIENT = 'client@example.org';

/** Nothing the page or the extension could still send arrives later than this after a decision. */
const QUIET_PERIOD_MS = 2_000;

test.describe.configure({ mode: 'serial' });

let session: ExtensionSession;
let stack: RoundcubeStack;
let page: Page | undefined;
let failed = false;

test.beforeAll(async () => {
  stack = await startRoundcube();
  // Writes the managed policy, grants the listed host, and waits until the Roundcube script is registered.
  session = await launchWithExtension({ policy: POLICY });
  const loginPage = await session.context.newPage();
  await login(playwrightDriver(loginPage), stack);
  await loginPage.close();
});

test.afterAll(async () => {
  try {
    await session?.close();
  } finally {
    if (stack) await stopRoundcube(stack, { keepState: failed });
  }
});

test.beforeEach(async () => {
  await clearSentMessages(stack);
  page = await session.context.newPage();
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    failed = true;
    await testInfo.attach('roundcube-logs', { body: await readRoundcubeLogs(stack), contentType: 'text/plain' });
  }
  // A dirty compose page would ask "leave page?"; closing without beforeunload discards it.
  await page?.close({ runBeforeUnload: false });
  page = undefined;
});

/** Compose filled in and the guard attached (`<html data-channel-guard="roundcube">`), ready to send. */
async function composeGuarded(mode: EditorMode, subject: string, body: string) {
  const driver = playwrightDriver(page!);
  await composeDraft(driver, stack, { to: [CLIENT], subject: `${subject} (${mode})`, body });
  await waitForGuard(page!, 'roundcube');
  return driver;
}

/** How many audit events from the Roundcube host carry this decision. */
async function decisionCount(decision: string): Promise<number> {
  const events = await session.auditEvents();
  return events.filter((e) => e.site.startsWith('127.0.0.1') && e.decision === decision).length;
}

const dialogButton = (p: Page, action: string) => p.locator(`channel-guard-dialog [data-action="${action}"]`);

/** What a recipient reads: the text part of a plain message, the rendered HTML of an HTML one. */
function readableBody(message: SentMessage, mode: EditorMode): string {
  if (mode === 'html') {
    expect(message.html, 'an HTML-editor message carries an HTML part').toBeDefined();
    return htmlToText(message.html!);
  }
  expect(message.html, 'a plain-editor message has no HTML part').toBeUndefined();
  return (message.text ?? '').trimEnd();
}

async function expectNothingSent(): Promise<void> {
  await page!.waitForTimeout(QUIET_PERIOD_MS);
  expect(await readSentMessages(stack)).toEqual([]);
}

for (const mode of ['plain', 'html'] as const) {
  test.describe(`${mode === 'plain' ? 'plain-text editor' : 'HTML editor (TinyMCE)'}`, () => {
    test.beforeEach(async () => {
      await setEditorMode(stack, mode);
    });

    test('flagged draft: dialog, nothing sent; Replace sends the corporate number, the rest intact', async () => {
      const replacedBefore = await decisionCount('replaced');
      const driver = await composeGuarded(mode, 'Contacts', FLAGGED_BODY);
      await clickSend(driver);

      await expect(dialogButton(page!, 'replace')).toBeVisible();
      await expect(page!.locator('channel-guard-dialog')).toContainText(PERSONAL_PHONE);
      expect(await readSentMessages(stack), 'nothing leaves while the dialog is open').toEqual([]);

      await dialogButton(page!, 'replace').click();
      const [message] = await waitForSentMessages(stack, 1);
      expect(message!.to).toEqual([CLIENT]);
      expect(message!.subject).toBe(`Contacts (${mode})`);
      const body = readableBody(message!, mode);
      expect(body).toBe(FLAGGED_BODY.replace(PERSONAL_PHONE, CORPORATE_PHONE));
      if (mode === 'html') {
        // Roundcube's text/plain alternative is generated from the same edited HTML.
        expect(message!.text).toContain(CORPORATE_PHONE);
        expect(message!.text).not.toContain(PERSONAL_PHONE);
      }

      // Sent exactly once, and the decision reached the audit log.
      await page!.waitForTimeout(QUIET_PERIOD_MS);
      expect(await readSentMessages(stack)).toHaveLength(1);
      await expect.poll(() => decisionCount('replaced')).toBe(replacedBefore + 1);
    });

    test('flagged draft: Edit sends nothing and leaves the draft as typed', async () => {
      const editedBefore = await decisionCount('edited');
      const driver = await composeGuarded(mode, 'Edit', FLAGGED_BODY);
      await clickSend(driver);

      await expect(dialogButton(page!, 'edit')).toBeVisible();
      await dialogButton(page!, 'edit').click();
      await expect(dialogButton(page!, 'edit')).toHaveCount(0);

      await expectNothingSent();
      expect(await readComposeBody(driver)).toContain(PERSONAL_PHONE);
      await expect.poll(() => decisionCount('edited')).toBe(editedBefore + 1);
    });

    test('clean draft: sent with no dialog', async () => {
      const driver = await composeGuarded(mode, 'Clean', CLEAN_BODY);
      await clickSend(driver);

      // No click besides Send: had a dialog held the send, nothing would arrive.
      const [message] = await waitForSentMessages(stack, 1);
      expect(readableBody(message!, mode)).toBe(CLEAN_BODY);
    });
  });
}
