import { expect, test, type Page } from '@playwright/test';
import { launchWithExtension, openFixture, sentMessages, waitForGuard, type ExtensionSession } from './helpers/extension.ts';

/**
 * Gmail's and Outlook's "Schedule send" menus (issue 5): the menu renders outside the composer, and
 * its "Schedule send" item opens a modal picker whose choice schedules the message. A flagged draft
 * is stopped at the menu item (no picker, nothing scheduled); after Replace the picker opens and the
 * scheduled message carries the corporate contact; a clean draft goes straight to the picker.
 */

interface Site {
  name: string;
  url: string;
  file: string;
  /** The arrow/chevron beside Send, scoped to the composer under test. */
  toggle: string;
  /** The "Schedule send" menu item (rendered in the body, outside the composer). */
  item: string;
  /** The picker's control that schedules the message. */
  confirm: string;
}

const SITES: Site[] = [
  {
    name: 'gmail',
    url: 'https://mail.google.com/mail/u/0/#inbox',
    file: 'gmail.html',
    toggle: '#compose div[role="button"][aria-label="More send options"]',
    item: 'div[role="menuitem"][selector="scheduledSend"]',
    confirm: 'div[role="dialog"][aria-label="Schedule send"] .Az[role="menuitem"] >> nth=0',
  },
  {
    name: 'outlook',
    url: 'https://outlook.cloud.microsoft/mail/',
    file: 'outlook.html',
    toggle: '#compose button[aria-label="More send options"]',
    item: 'button[role="menuitem"][name="Schedule send"]',
    confirm: 'div[role="dialog"][aria-label="Schedule send"] button[data-picker-send]',
  },
];

const PERSONAL = '8-915-111-11-11';
const CORPORATE = '+7 495 123-45-67';
const FLAGGED = {
  to: ['ivanov@client-corp.ru'],
  cc: ['boss@acme.example'],
  subject: 'Макет главной страницы',
  body: `<div>Добрый день, Игорь Петрович!</div><div>Если что-то срочное — звоните мне на мобильный ${PERSONAL}.</div>`,
};
const CLEAN = { ...FLAGGED, body: `<div>Добрый день!</div><div>Общий номер отдела продаж: ${CORPORATE}.</div>` };

const dialog = (page: Page) => page.locator('channel-guard-dialog');
const picker = (page: Page) => page.locator('div[role="dialog"][aria-label="Schedule send"]');

async function openSite(session: ExtensionSession, site: Site, draft: object): Promise<Page> {
  const page = await openFixture(session.context, site.url, site.file);
  await waitForGuard(page, site.name);
  await page.evaluate((d) => (window as unknown as { fixture: { setDraft(d: object): void } }).fixture.setDraft(d), draft);
  return page;
}

async function chooseScheduleSend(page: Page, site: Site): Promise<void> {
  await page.locator(site.toggle).click();
  await page.locator(site.item).click();
}

let session: ExtensionSession;
test.beforeAll(async () => {
  session = await launchWithExtension();
});
test.afterAll(async () => {
  await session?.close();
});

for (const site of SITES) {
  test.describe(`${site.name} schedule send`, () => {
    test('flagged draft: the dialog appears, no picker, nothing scheduled', async () => {
      const page = await openSite(session, site, FLAGGED);
      await chooseScheduleSend(page, site);
      await expect(dialog(page)).toHaveCount(1);
      await page.waitForTimeout(300);
      await expect(picker(page)).toHaveCount(0);
      expect(await sentMessages(page)).toHaveLength(0);
      await page.close();
    });

    test('Replace: the picker opens and the message is scheduled once with the corporate contact', async () => {
      const page = await openSite(session, site, FLAGGED);
      await chooseScheduleSend(page, site);
      await page.locator('channel-guard-dialog [data-action="replace"]').click();
      await expect(dialog(page)).toHaveCount(0);
      await page.locator(site.confirm).click();
      await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
      const [sent] = await sentMessages(page);
      expect(sent!.via).toBe('menu');
      expect(sent!.body).toBe(FLAGGED.body.replace(PERSONAL, CORPORATE));
      expect(sent!.to).toEqual(FLAGGED.to);
      await page.waitForTimeout(300);
      expect(await sentMessages(page)).toHaveLength(1);
      await page.close();
    });

    test('clean draft: the picker opens at once and schedules, no dialog', async () => {
      const page = await openSite(session, site, CLEAN);
      await chooseScheduleSend(page, site);
      await page.locator(site.confirm).click();
      await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
      await expect(dialog(page)).toHaveCount(0);
      const [sent] = await sentMessages(page);
      expect(sent!.via).toBe('menu');
      expect(sent!.body).toBe(CLEAN.body);
      await page.close();
    });
  });
}
