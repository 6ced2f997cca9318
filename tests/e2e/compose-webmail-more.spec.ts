import { expect, test, type Page } from '@playwright/test';
import { launchWithExtension, openFixture, sentMessages, waitForGuard, type ExtensionSession } from './helpers/extension.ts';

/**
 * Yahoo Mail, Yandex Mail, Mail.ru, Proton Mail and Zoho Mail (issue 5): each fixture is served at
 * the site's real URL, so the manifest's built-in matches decide whether we run at all. Per site:
 * flagged draft → dialog and nothing sent; Replace → the corporate number is sent and the rest of
 * the draft byte for byte (through the editor's own model where the site keeps one); Send anyway
 * with a justification → sent once and logged; clean and internal-only drafts → sent, no dialog;
 * the keyboard shortcut and the send-later menu where the site has them.
 */

interface Site {
  name: string;
  /** The adapter that must protect the page (not the generic fallback). */
  adapter: string;
  url: string;
  file: string;
  /** Where a user's caret is before Ctrl+Enter: a selector, inside `frame` when set. */
  shortcutFocus?: { selector: string; frame?: string };
  /** A send-later/schedule item that sends: the toggle to open, then the item. */
  menu?: { open: string; item: string };
}

const SITES: Site[] = [
  { name: 'yahoo', adapter: 'yahoo', url: 'https://mail.yahoo.com/d/compose/6208415327', file: 'yahoo.html', shortcutFocus: { selector: '[data-test-id="rte"]' } },
  { name: 'yandex', adapter: 'yandex', url: 'https://mail.yandex.ru/?uid=1130000012345678#compose', file: 'yandex.html', shortcutFocus: { selector: '.cke_wysiwyg_div' } },
  { name: 'yandex (.com)', adapter: 'yandex', url: 'https://mail.yandex.com/?uid=1130000012345678#compose', file: 'yandex.html' },
  { name: 'mailru', adapter: 'mailru', url: 'https://e.mail.ru/compose/', file: 'mailru.html', shortcutFocus: { selector: '.cke_editable_inline' } },
  {
    name: 'proton', adapter: 'proton',
    url: 'https://mail.proton.me/u/0/inbox',
    file: 'proton.html',
    shortcutFocus: { selector: '#rooster-editor', frame: 'iframe[data-testid="rooster-iframe"]' },
    menu: { open: '[data-testid="composer:scheduled-send:open-dropdown"]', item: '[data-testid="composer:schedule-send:tomorrow"]' },
  },
  { name: 'zohomail', adapter: 'zohomail', url: 'https://mail.zoho.com/zm/#compose', file: 'zohomail.html' },
  { name: 'zohomail (.eu)', adapter: 'zohomail', url: 'https://mail.zoho.eu/zm/#compose', file: 'zohomail.html' },
];

const PERSONAL = '8-915-111-11-11';
const CORPORATE = '+7 495 123-45-67';
const FLAGGED = {
  to: ['ivanov@client-corp.ru'],
  cc: ['boss@acme.example'],
  subject: 'Макет главной страницы',
  body: `<div>Добрый день, Игорь Петрович!</div><div>Если что-то срочное — звоните мне на мобильный ${PERSONAL}.</div><div><br></div><div>Счёт № 318 от 14.03.2025 на 1 248 500,00 руб.</div>`,
};
const CLEAN = { ...FLAGGED, body: `<div>Добрый день!</div><div>Общий номер отдела продаж: ${CORPORATE}.</div>` };
const INTERNAL_ONLY = { ...FLAGGED, to: ['colleague@acme.example'], cc: ['boss@acme-group.example'] };

const dialog = (page: Page) => page.locator('channel-guard-dialog');
const action = (page: Page, name: string) => page.locator(`channel-guard-dialog [data-action="${name}"]`);

async function openSite(session: ExtensionSession, site: Site, draft: object): Promise<Page> {
  const page = await openFixture(session.context, site.url, site.file);
  await waitForGuard(page, site.adapter);
  await page.evaluate((d) => (window as unknown as { fixture: { setDraft(d: object): void } }).fixture.setDraft(d), draft);
  return page;
}

async function clickSend(page: Page): Promise<void> {
  const selector = await page.evaluate(() => (window as unknown as { fixture: { sendSelector: string } }).fixture.sendSelector);
  await page.locator(selector).first().click();
}

/** No dialog appears and exactly one message leaves: the checks for drafts that must pass through. */
async function expectSentWithoutDialog(page: Page): Promise<void> {
  await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
  await expect(dialog(page)).toHaveCount(0);
}

let session: ExtensionSession;
test.beforeAll(async () => {
  session = await launchWithExtension();
});
test.afterAll(async () => {
  await session?.close();
});

for (const site of SITES) {
  test.describe(site.name, () => {
    test('flagged draft: the dialog appears and nothing is sent', async () => {
      const page = await openSite(session, site, FLAGGED);
      await clickSend(page);
      await expect(dialog(page)).toHaveCount(1);
      await expect(action(page, 'replace')).toBeVisible();
      await page.waitForTimeout(300);
      expect(await sentMessages(page)).toHaveLength(0);
      await page.close();
    });

    test('Replace sends the corporate number and the rest of the draft byte for byte', async () => {
      const page = await openSite(session, site, FLAGGED);
      await clickSend(page);
      await action(page, 'replace').click();
      await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
      const [sent] = await sentMessages(page);
      expect(sent!.body).toBe(FLAGGED.body.replace(PERSONAL, CORPORATE));
      expect(sent!.to).toEqual(FLAGGED.to);
      expect(sent!.subject).toBe(FLAGGED.subject);
      await page.waitForTimeout(300);
      expect(await sentMessages(page)).toHaveLength(1);
      await page.close();
    });

    test('Send anyway with a justification sends once, unchanged, and is logged', async () => {
      const page = await openSite(session, site, FLAGGED);
      await clickSend(page);
      const justification = `Client asked for my mobile (${site.name})`;
      await page.locator('channel-guard-dialog textarea[name="justification"]').fill(justification);
      await action(page, 'send-anyway').click();
      await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
      expect((await sentMessages(page))[0]!.body).toBe(FLAGGED.body);
      await page.waitForTimeout(300);
      expect(await sentMessages(page)).toHaveLength(1);
      await expect
        .poll(async () => (await session.auditEvents()).some((e) => e.justification === justification))
        .toBe(true);
      await page.close();
    });

    test('clean draft: sent at once, no dialog', async () => {
      const page = await openSite(session, site, CLEAN);
      await clickSend(page);
      await expectSentWithoutDialog(page);
      expect((await sentMessages(page))[0]!.body).toBe(CLEAN.body);
      await page.close();
    });

    test('internal-only recipients: sent at once, no dialog', async () => {
      const page = await openSite(session, site, INTERNAL_ONLY);
      await clickSend(page);
      await expectSentWithoutDialog(page);
      await page.close();
    });

    if (site.shortcutFocus) {
      const focus = site.shortcutFocus;
      test('Ctrl+Enter with a flagged draft: dialog, nothing sent; Replace then sends once by the shortcut', async () => {
        const page = await openSite(session, site, FLAGGED);
        const scope = focus.frame ? page.frameLocator(focus.frame) : page;
        await scope.locator(focus.selector).click();
        await page.keyboard.press('Control+Enter');
        await expect(dialog(page)).toHaveCount(1);
        await page.waitForTimeout(300);
        expect(await sentMessages(page)).toHaveLength(0);
        await action(page, 'replace').click();
        await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
        const [sent] = await sentMessages(page);
        expect(sent!.body).toBe(FLAGGED.body.replace(PERSONAL, CORPORATE));
        await page.close();
      });
    }

    if (site.menu) {
      const menu = site.menu;
      test('send-later menu with a flagged draft: dialog, nothing scheduled', async () => {
        const page = await openSite(session, site, FLAGGED);
        await page.locator(menu.open).click();
        await page.locator(menu.item).click();
        await expect(dialog(page)).toHaveCount(1);
        await page.waitForTimeout(300);
        expect(await sentMessages(page)).toHaveLength(0);
        await page.close();
      });
    }
  });
}
