import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import type { PolicyInput } from '../../lib/policy/schema.ts';
import { launchWithExtension, openFixture, sentMessages, TEST_POLICY, waitForGuard, type ExtensionSession } from './helpers/extension.ts';

/**
 * Sites an admin adds or repairs through the policy, without a release (issue 5):
 *  - an in-house CRM the product has never heard of, protected end to end by the generic adapter
 *    running the policy's selectors (the page is built so that none of the generic adapter's own
 *    guesses finds its Send control: a control host proves it);
 *  - Gmail after a redesign that renamed its classes: a policy entry naming the gmail adapter with
 *    new selectors repairs it; without the entry, the generic fallback protects the page and the
 *    background hears that the gmail selectors found nothing.
 */

const INHOUSE_URL = 'https://crm.inhouse.example/helpdesk/tickets/1042';
/** The same CRM at a host the policy lists without selectors: what the admin's selectors add. */
const INHOUSE_UNCONFIGURED_URL = 'https://crm2.inhouse.example/helpdesk/tickets/1042';
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox';

const INHOUSE_SELECTORS = {
  composer: 'crm-message-composer',
  // Matched inside each open shadow root on its own: a selector cannot reach across the boundary
  // ("crm-rich-text [contenteditable]" finds nothing), so it names the editable surface itself.
  editor: 'div.surface[contenteditable="true"]',
  recipients: '.recipient-pill',
  send: '[data-qa="dispatch"]',
};
const GMAIL_REDESIGN_SELECTORS = {
  composer: 'div.Yv3c',
  editor: 'div.Xe7[contenteditable="true"]',
  recipients: 'div[data-field] [data-hovercard-id]',
  send: 'div.Q4p[role="button"]',
};

const POLICY: PolicyInput = {
  ...TEST_POLICY,
  organization: 'Acme (policy-defined sites)',
  sites: [
    ...(TEST_POLICY.sites ?? []),
    { match: 'https://crm.inhouse.example/*', adapter: 'generic', selectors: INHOUSE_SELECTORS },
    { match: 'https://crm2.inhouse.example/*', adapter: 'generic' },
    // Not "https://mail.google.com/*": a pattern of its own, as an admin scoping it to the mail app writes it.
    { match: 'https://mail.google.com/mail/*', adapter: 'gmail', selectors: GMAIL_REDESIGN_SELECTORS },
  ],
};

const PERSONAL_PHONE = '+7 915 111-11-11';
const CORPORATE_PHONE = '+7 495 123-45-67';
const CLIENT = 'ivanov@client-corp.ru';
const COLLEAGUE = 'petrova@acme.example';
const FLAGGED_HTML = `<div>Здравствуйте, Иван!</div><div>Мой номер: <b>${PERSONAL_PHONE}</b>, звоните в любое время.</div><div>С уважением, <i>Анна</i></div>`;
const CLEAN_HTML = '<div>Здравствуйте, Иван!</div><div>Договор во вложении, счёт № 2025-118 на 1 500 000 руб.</div>';

const dialog = (page: Page) => page.locator('channel-guard-dialog');
const action = (page: Page, name: string) => page.locator(`channel-guard-dialog [data-action="${name}"]`);

async function setDraft(page: Page, draft: { to?: string[]; cc?: string[]; subject?: string; body: string; composer?: number }): Promise<void> {
  await page.evaluate((d) => (window as unknown as { fixture: { setDraft(d: unknown): void } }).fixture.setDraft(d), draft);
}

async function readBody(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { fixture: { readBody(): string } }).fixture.readBody());
}

/** Diagnostics the background logged about selectors that found nothing (lib/sites/fallback.ts). */
function collectFallbackReports(session: ExtensionSession): string[] {
  const reports: string[] = [];
  session.worker.on('console', (message: ConsoleMessage) => {
    if (/selectors found no/u.test(message.text())) reports.push(message.text());
  });
  return reports;
}

test.use({ actionTimeout: 10_000 });

test.describe('sites defined and repaired by the policy', () => {
  test.describe.configure({ mode: 'serial' });
  let session: ExtensionSession;
  let fallbackReports: string[];

  test.beforeAll(async () => {
    session = await launchWithExtension({ policy: POLICY });
    fallbackReports = collectFallbackReports(session);
  });
  test.afterAll(async () => {
    await session?.close();
  });

  test.describe('an in-house CRM listed with selectors', () => {
    let page: Page;
    test.beforeEach(async () => {
      page = await openFixture(session.context, INHOUSE_URL, 'custom-inhouse-crm.html', { waitForGuard: false });
      await waitForGuard(page, 'generic');
    });
    test.afterEach(async () => {
      await page?.close();
    });

    test('a flagged draft to a client: Dispatch opens the dialog and nothing is sent', async () => {
      await setDraft(page, { to: [CLIENT], subject: 'Договор', body: FLAGGED_HTML });
      await page.locator('[data-qa="dispatch"]').click();
      await expect(action(page, 'replace')).toBeVisible();
      await expect(page.locator('channel-guard-dialog mark')).toHaveText(PERSONAL_PHONE);
      expect(await sentMessages(page)).toEqual([]);
    });

    test('Replace sends the corporate contact once, the rest of the draft byte for byte', async () => {
      await setDraft(page, { to: [CLIENT], subject: 'Договор', body: FLAGGED_HTML });
      const before = await readBody(page);
      await page.locator('[data-qa="dispatch"]').click();
      await action(page, 'replace').click();
      await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
      await expect(dialog(page)).toHaveCount(0);
      const [sent] = await sentMessages(page);
      expect(sent!.body).toBe(before.replace(PERSONAL_PHONE, CORPORATE_PHONE));
      expect(sent).toMatchObject({ to: [CLIENT], via: 'button' });
      await page.waitForTimeout(500);
      expect(await sentMessages(page)).toHaveLength(1);
      await expect
        .poll(async () => (await session.auditEvents()).filter((e) => e.site === 'crm.inhouse.example').map((e) => e.decision))
        .toContain('replaced');
    });

    test('Ctrl+Enter in the shadow-root editor is intercepted too', async () => {
      await setDraft(page, { to: [CLIENT], subject: 'Договор', body: FLAGGED_HTML });
      await page.locator('crm-rich-text [contenteditable="true"]').click();
      await page.keyboard.press('Control+Enter');
      await expect(action(page, 'send-anyway')).toBeVisible();
      expect(await sentMessages(page)).toEqual([]);
      await page.locator('channel-guard-dialog textarea[name="justification"]').fill('The client asked for my direct line');
      await action(page, 'send-anyway').click();
      await expect.poll(async () => (await sentMessages(page)).map((m) => m.via)).toEqual(['shortcut']);
      expect((await sentMessages(page))[0]!.body).toBe(FLAGGED_HTML);
    });

    test('a clean draft is dispatched at once, with no dialog', async () => {
      await setDraft(page, { to: [CLIENT], subject: 'Счёт', body: CLEAN_HTML });
      await page.locator('[data-qa="dispatch"]').click();
      expect(await sentMessages(page)).toHaveLength(1);
      await expect(dialog(page)).toHaveCount(0);
    });

    test("a personal contact to a colleague only is dispatched with no dialog (recipients come from the policy's selector)", async () => {
      await setDraft(page, { to: [COLLEAGUE], subject: 'Мой номер', body: FLAGGED_HTML });
      await page.locator('[data-qa="dispatch"]').click();
      expect(await sentMessages(page)).toHaveLength(1);
      await expect(dialog(page)).toHaveCount(0);
    });
  });

  test('the same CRM listed without selectors: its Dispatch control is not recognised (what the selectors fix)', async () => {
    const page = await openFixture(session.context, INHOUSE_UNCONFIGURED_URL, 'custom-inhouse-crm.html', { waitForGuard: false });
    await waitForGuard(page, 'generic');
    await setDraft(page, { to: [CLIENT], subject: 'Договор', body: FLAGGED_HTML });
    await page.locator('[data-qa="dispatch"]').click();
    expect(await sentMessages(page)).toHaveLength(1);
    await expect(dialog(page)).toHaveCount(0);
    await page.close();
  });

  test.describe("Gmail after a redesign, repaired by the policy's selectors", () => {
    let page: Page;
    test.beforeEach(async () => {
      page = await openFixture(session.context, GMAIL_URL, 'gmail-redesign.html', { waitForGuard: false });
      await waitForGuard(page, 'gmail');
    });
    test.afterEach(async () => {
      await page?.close();
    });

    test('flagged draft → dialog; Replace sends the corporate contact', async () => {
      await setDraft(page, { to: [CLIENT], subject: 'Договор', body: FLAGGED_HTML });
      const before = await readBody(page);
      await page.locator('#compose div.Q4p').click();
      await expect(page.locator('channel-guard-dialog mark')).toHaveText(PERSONAL_PHONE);
      expect(await sentMessages(page)).toEqual([]);
      await action(page, 'replace').click();
      await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
      expect((await sentMessages(page))[0]!.body).toBe(before.replace(PERSONAL_PHONE, CORPORATE_PHONE));
    });

    test("an internal-only draft goes with no dialog: the admin's recipient selector reads the renamed chips", async () => {
      await setDraft(page, { to: [COLLEAGUE], subject: 'Мой номер', body: FLAGGED_HTML });
      await page.locator('#compose div.Q4p').click();
      await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
      await expect(dialog(page)).toHaveCount(0);
    });

    test('the repaired adapter never fell back to the generic one', async () => {
      // Give a fallback report, if any, time to reach the service worker's console.
      await page.waitForTimeout(1000);
      expect(fallbackReports.filter((r) => r.includes('mail.google.com'))).toEqual([]);
    });
  });
});

test.describe('Gmail after a redesign with no policy entry: the generic fallback', () => {
  test('the page stays protected, and the background is told the gmail selectors found nothing', async () => {
    const session = await launchWithExtension();
    const fallbackReports = collectFallbackReports(session);
    try {
      const page = await openFixture(session.context, GMAIL_URL, 'gmail-redesign.html', { waitForGuard: false });
      // The fallback keeps the site's name (the audit log says which site) and does the work generically.
      await waitForGuard(page, 'gmail');
      await expect.poll(() => fallbackReports.filter((r) => r.includes('mail.google.com'))).toEqual([
        expect.stringMatching(/gmail selectors found no composer; the generic adapter protects 2 composer\(s\) instead/u),
      ]);
      await setDraft(page, { to: [CLIENT], subject: 'Договор', body: FLAGGED_HTML });
      const before = await readBody(page);
      await page.locator('#compose div.Q4p').click();
      await expect(page.locator('channel-guard-dialog mark')).toHaveText(PERSONAL_PHONE);
      expect(await sentMessages(page)).toEqual([]);
      await action(page, 'replace').click();
      await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
      expect((await sentMessages(page))[0]!.body).toBe(before.replace(PERSONAL_PHONE, CORPORATE_PHONE));
    } finally {
      await session.close();
    }
  });
});

test.describe("an in-house site whose policy send selector matches nothing (a typo)", () => {
  // Gmail's redesigned markup at an in-house webmail host: the admin's composer, editor and
  // recipient selectors are right, the send selector names a class the page does not have.
  const TYPO_URL = 'https://webmail.inhouse.example/mail/';
  const TYPO_POLICY: PolicyInput = {
    ...TEST_POLICY,
    organization: 'Acme (a policy selector with a typo)',
    sites: [
      ...(TEST_POLICY.sites ?? []),
      { match: 'https://webmail.inhouse.example/*', adapter: 'generic', selectors: { ...GMAIL_REDESIGN_SELECTORS, send: 'div.Q4q[role="button"]' } },
    ],
  };

  test("the user stays protected by the generic adapter's Send, and the admin's options page names the host and the selector", async () => {
    const session = await launchWithExtension({ policy: TYPO_POLICY });
    try {
      const page = await openFixture(session.context, TYPO_URL, 'gmail-redesign.html', { waitForGuard: false });
      await waitForGuard(page, 'generic');
      await setDraft(page, { to: [CLIENT], subject: 'Договор', body: FLAGGED_HTML });
      await page.locator('#compose div.Q4p').click();
      await expect(page.locator('channel-guard-dialog mark')).toHaveText(PERSONAL_PHONE);
      expect(await sentMessages(page)).toEqual([]);

      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      const problem = options.locator('.diagnostics tr[data-site="webmail.inhouse.example"]');
      await expect(problem).toHaveCount(1);
      await expect(problem).toContainText(
        "policy selectors for webmail.inhouse.example: send matched nothing; using the generic adapter's guesses",
      );
    } finally {
      await session.close();
    }
  });
});
