import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import type { PolicyInput } from '../../lib/policy/schema.ts';
import { CLIENT, dialog, dialogButton } from './helpers/compose-suite.ts';
import { launchWithExtension, openFixture, REPO_ROOT, sentMessages, TEST_POLICY, waitForGuard, type ExtensionSession } from './helpers/extension.ts';

/**
 * Journeys that cross the issues: what a user does in a real compose tab must show up for the
 * auditor (issue 6), and what the admin deploys must change what that open tab does (issue 7).
 * Each test is one continuous story in one browser; the single-feature suites cover the details.
 */

const run = promisify(execFile);
const GMAIL_URL = 'https://mail.google.com/mail/u/0/';

type Fixture = { setDraft(d: unknown): void };
const setDraft = (page: Page, draft: { to: string[]; subject?: string; body: string }) =>
  page.evaluate((d) => (window as unknown as { fixture: Fixture }).fixture.setDraft(d), draft);
const clickSend = (page: Page) => page.locator('#compose div.T-I.aoO').click();

async function openGmail(session: ExtensionSession): Promise<Page> {
  const page = await openFixture(session.context, GMAIL_URL, 'gmail.html', { waitForGuard: false });
  await waitForGuard(page, 'gmail');
  return page;
}

/** A long message: the stored snippet must be a window around the finding, never all of this. */
function longBody(phone: string): string {
  const filler = 'Договор и спецификация во вложении, сроки поставки согласованы с отделом логистики.';
  return `<div>Здравствуйте, Иван!</div><div>${filler} ${filler}</div><div>Мой мобильный: ${phone}, звоните.</div><div>${filler} ${filler}</div><div>С уважением, Анна</div>`;
}

const downloadDirs: string[] = [];

async function download(page: Page, action: 'export-json' | 'export-csv'): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-action="${action}"]`).click()]);
  const dir = await mkdtemp(join(tmpdir(), 'cg-journey-download-'));
  downloadDirs.push(dir);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

async function verifyWithCli(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(REPO_ROOT, 'bin/channel-guard.mjs'), 'audit', 'verify', file], { cwd: REPO_ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

test('issue 6: flagged sends on Gmail reach the audit viewer, filter, and export files that verify', async () => {
  const session = await launchWithExtension();
  try {
    const gmail = await openGmail(session);
    const justification = 'Клиент попросил мой прямой номер на время аварии';

    // Send anyway, with a justification.
    await setDraft(gmail, { to: [CLIENT], subject: 'Авария', body: longBody('+7 915 111-11-11') });
    await clickSend(gmail);
    await gmail.locator('channel-guard-dialog textarea[name="justification"]').fill(justification);
    await dialogButton(gmail, 'send-anyway').click();
    await expect.poll(async () => (await sentMessages(gmail)).length).toBe(1);

    // Replace.
    await setDraft(gmail, { to: [CLIENT, 'petrov@client-corp.ru'], subject: 'Счёт', body: longBody('+7 916 234-56-78') });
    await clickSend(gmail);
    await dialogButton(gmail, 'replace').click();
    await expect.poll(async () => (await sentMessages(gmail)).length).toBe(2);
    // Each flagged send leaves "detected" (the dialog opened) and then the user's decision.
    await expect.poll(async () => (await session.auditEvents()).map((e) => e.decision)).toEqual(['detected', 'sent-anyway', 'detected', 'replaced']);

    const viewer = await session.context.newPage();
    await viewer.goto(`chrome-extension://${session.extensionId}/audit.html`);
    const rows = viewer.locator('[data-event-id]');
    await expect(rows).toHaveCount(4);
    await expect(viewer.locator('[data-integrity]')).toHaveAttribute('data-integrity', 'intact');
    for (const row of await rows.all()) {
      await expect(row).toContainText('mail.google.com');
      // Recipients as domains only; the contact masked (default audit.storeValues "masked").
      await expect(row).toContainText('client-corp.ru');
      await expect(row).not.toContainText('ivanov');
      await expect(row).not.toContainText('111-11-11');
      await expect(row).not.toContainText('234-56-78');
    }

    // A decision filter narrows to the one event; its detail pane has the justification and a
    // snippet around the finding, never the whole message.
    const decision = viewer.locator('select[name="decision"]');
    await decision.selectOption('sent-anyway');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('+7 915 ***-**-11');
    await expect(rows.first()).toContainText('sent anyway');
    await rows.first().click();
    const detail = viewer.locator(`[data-detail-id="${await rows.first().getAttribute('data-event-id')}"]`);
    await expect(detail).toContainText(justification);
    await expect(detail).toContainText('client-corp.ru');
    await expect(detail).not.toContainText('ivanov@');
    const snippet = (await detail.locator('blockquote').first().textContent()) ?? '';
    expect(snippet).toContain('+7 915 ***-**-11');
    expect(snippet).not.toContain('111-11-11');
    expect(snippet).not.toContain('Здравствуйте');
    expect(snippet).not.toContain('С уважением');

    await decision.selectOption('replaced');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('+7 916 ***-**-78');
    await decision.selectOption('');
    await expect(rows).toHaveCount(4);

    // The JSON export verifies with the admin's CLI; the CSV opens in a spreadsheet.
    const verdict = await verifyWithCli(await download(viewer, 'export-json'));
    expect(verdict, verdict.stderr).toMatchObject({ code: 0, stdout: 'intact: 4 events\n' });
    const csv = await readFile(await download(viewer, 'export-csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(justification);
    expect(csv).not.toContain('ivanov@');
  } finally {
    await session.close();
  }
});

const MANAGED: PolicyInput = {
  ...TEST_POLICY,
  organization: 'Acme Journeys',
  corporateContacts: { ...TEST_POLICY.corporateContacts, phones: ['+7 800 555-35-35'] },
  suggestion: { ...TEST_POLICY.suggestion, phone: '+7 800 555-35-35' },
};
const PERSONAL = '+7 915 111-11-11';

/** Sends a flagged draft in the open tab and returns the dialog's suggestion (dialog left open). */
async function flaggedSuggestion(page: Page): Promise<string> {
  await setDraft(page, { to: [CLIENT], body: `<div>Мой номер: ${PERSONAL}</div>` });
  await clickSend(page);
  const suggestion = page.locator('channel-guard-dialog .suggestion strong');
  await expect(suggestion).toHaveCount(1);
  return (await suggestion.textContent()) ?? '';
}

test('issue 7: the managed policy drives an open tab — changes apply live, a broken one never replaces the last good', async () => {
  const session = await launchWithExtension({ policy: MANAGED });
  try {
    const gmail = await openGmail(session);

    // The policy's own number is suggested, and Replace sends it.
    expect(await flaggedSuggestion(gmail)).toBe('+7 800 555-35-35');
    await dialogButton(gmail, 'replace').click();
    await expect.poll(async () => (await sentMessages(gmail)).map((m) => m.body)).toEqual(['<div>Мой номер: +7 800 555-35-35</div>']);

    // The admin changes the policy while the tab stays open: no reload.
    const moscow: PolicyInput = {
      ...MANAGED,
      organization: 'Acme Journeys v2',
      corporateContacts: { ...MANAGED.corporateContacts, phones: ['+7 800 555-35-35', '+7 495 765-43-21'] },
      suggestion: { ...MANAGED.suggestion, phone: '+7 495 765-43-21' },
    };
    await session.setPolicy(moscow);
    await expect.poll(() => flaggedSuggestion(gmail).finally(() => dialogButton(gmail, 'cancel').click())).toBe('+7 495 765-43-21');
    await expect(dialog(gmail)).toHaveCount(0);

    // An invalid policy: the options page reports it, the open tab keeps the last good one.
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await expect(options.locator('[data-field="organization"]')).toContainText('Acme Journeys v2');
    // Same organization and mode as the last good policy: setPolicy's wait is satisfied at once,
    // and the alert below is what proves the new file arrived.
    await session.setPolicy({ ...moscow, defaultRegion: 'Russia', suggestion: { ...moscow.suggestion, phone: '+7 800 000-00-00' } });
    const alert = options.locator('[role="alert"]');
    await expect(alert.locator('[data-path="defaultRegion"]')).toBeVisible();
    await gmail.bringToFront();
    expect(await flaggedSuggestion(gmail)).toBe('+7 495 765-43-21');
    await dialogButton(gmail, 'replace').click();
    await expect.poll(async () => (await sentMessages(gmail)).at(-1)?.body).toBe('<div>Мой номер: +7 495 765-43-21</div>');

    // Monitor: no dialog, the message goes, the event is logged as monitored.
    await session.setPolicy({ ...moscow, organization: 'Acme Journeys monitor', mode: 'monitor' });
    await expect(alert).toHaveCount(0);
    const sentBefore = (await sentMessages(gmail)).length;
    await setDraft(gmail, { to: [CLIENT], body: `<div>Мой номер: ${PERSONAL}</div>` });
    await clickSend(gmail);
    await expect.poll(async () => (await sentMessages(gmail)).length).toBe(sentBefore + 1);
    await expect(dialog(gmail)).toHaveCount(0);
    await expect.poll(async () => (await session.auditEvents()).map((e) => e.decision)).toContain('monitored');

    // Block without override: Replace is offered, Send anyway is not.
    await session.setPolicy({ ...moscow, organization: 'Acme Journeys block', mode: 'block', allowOverride: false });
    await setDraft(gmail, { to: [CLIENT], body: `<div>Мой номер: ${PERSONAL}</div>` });
    await clickSend(gmail);
    await expect(dialogButton(gmail, 'replace')).toBeVisible();
    await expect(dialogButton(gmail, 'send-anyway')).toHaveCount(0);
    expect((await sentMessages(gmail)).length).toBe(sentBefore + 1);
  } finally {
    await session.close();
  }
});

test('issue 7: the popup for a Gmail tab shows adapter, mode, today’s counts, the managing organization and the audit link', async () => {
  const session = await launchWithExtension();
  try {
    const gmail = await openGmail(session);
    await setDraft(gmail, { to: [CLIENT], body: `<div>Мой номер: ${PERSONAL}</div>` });
    await clickSend(gmail);
    await dialogButton(gmail, 'replace').click();
    await expect.poll(async () => (await session.auditEvents()).map((e) => e.decision)).toEqual(['detected', 'replaced']);

    const tabId = await session.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: unknown): Promise<{ id: number; url?: string }[]> } } }).chrome;
      return (await c.tabs.query({ url: 'https://mail.google.com/*' }))[0]?.id;
    });
    expect(tabId).toBeDefined();
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=${tabId}`);
    await expect(popup.locator('.tab-status')).toHaveAttribute('data-protected', 'true');
    await expect(popup.locator('[data-adapter]')).toHaveAttribute('data-adapter', 'gmail');
    await expect(popup.locator('[data-mode]')).toHaveAttribute('data-mode', 'warn');
    await expect(popup.locator('.managed-by')).toContainText(TEST_POLICY.organization);
    await expect(popup.locator('.today [data-decision="replaced"]')).toContainText('1');
    const link = popup.locator('a[href$="audit.html"]');
    await expect(link).toBeVisible();
    const [viewer] = await Promise.all([session.context.waitForEvent('page'), link.click()]);
    await viewer.waitForLoadState();
    expect(viewer.url()).toBe(`chrome-extension://${session.extensionId}/audit.html`);
    await expect(viewer.locator('[data-event-id]')).toHaveCount(2);
  } finally {
    await session.close();
  }
});

test.afterAll(async () => {
  await Promise.all(downloadDirs.map((d) => rm(d, { recursive: true, force: true })));
});

test('issue 4: a problem on a page reaches the admin’s options page, and a repeat is counted, not duplicated', async () => {
  const session = await launchWithExtension();
  try {
    // Another site's markup at a Gmail address: Gmail's selectors find no composer, the generic
    // adapter protects the page instead, and the content script reports the fallback.
    const gmail = await openFixture(session.context, GMAIL_URL, 'pipedrive.html', { waitForGuard: false });
    await waitForGuard(gmail, 'gmail');

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const problem = options.locator('.diagnostics tr[data-site="mail.google.com"]');
    await expect(problem).toHaveCount(1);
    await expect(problem).toContainText('gmail');
    await expect(problem).toContainText('found no composer');
    await expect(problem.locator('td').last()).toHaveText('1');

    // The same page again: one entry, seen twice (the options page updates without a reload).
    await gmail.reload();
    await waitForGuard(gmail, 'gmail');
    await expect(problem.locator('td').last()).toHaveText('2');
    await expect(problem).toHaveCount(1);

    // Kept in storage.local: still there for an options page opened later.
    const again = await session.context.newPage();
    await again.goto(`chrome-extension://${session.extensionId}/options.html`);
    await expect(again.locator('.diagnostics tr[data-site="mail.google.com"] td').last()).toHaveText('2');
  } finally {
    await session.close();
  }
});
