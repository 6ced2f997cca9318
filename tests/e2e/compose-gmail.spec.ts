import { expect, test, type Page } from '@playwright/test';
import { CLIENT, CORPORATE_PHONE, defineComposeSuite, dialogButton, PERSONAL_PHONE } from './helpers/compose-suite.ts';
import { launchWithExtension, openFixture, sentMessages, waitForGuard, type ExtensionSession } from './helpers/extension.ts';

const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox';

defineComposeSuite({ name: 'gmail', url: GMAIL_URL, fixture: 'gmail.html', full: true });

test.describe('gmail: several composers and links', () => {
  test.describe.configure({ mode: 'serial' });
  let session: ExtensionSession;
  let page: Page;
  test.beforeAll(async () => {
    session = await launchWithExtension();
  });
  test.afterAll(async () => {
    await session?.close();
  });
  test.beforeEach(async () => {
    page = await openFixture(session.context, GMAIL_URL, 'gmail.html', { waitForGuard: false });
    await waitForGuard(page, 'gmail');
  });
  test.afterEach(async () => {
    await page?.close();
  });

  const setDraft = (d: unknown) => page.evaluate((draft) => (window as unknown as { fixture: { setDraft(x: unknown): void } }).fixture.setDraft(draft), d);

  test('an inline reply is its own composer: its draft is judged and replaced, the other window untouched', async () => {
    await setDraft({ composer: 0, to: [CLIENT], body: '<div>Pop-out draft, also +7 916 000-00-01</div>' });
    await setDraft({ composer: 1, to: [CLIENT], body: `<div>Reply: call ${PERSONAL_PHONE}</div>` });
    await page.locator('#inline-reply div.T-I.aoO').click();
    await expect(page.locator('channel-guard-dialog mark')).toHaveText([PERSONAL_PHONE]);
    await dialogButton(page, 'replace').click();
    await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
    expect((await sentMessages(page))[0]!.body).toBe(`<div>Reply: call ${CORPORATE_PHONE}</div>`);
    expect(await page.evaluate(() => (window as unknown as { fixture: { readBody(i: number): string } }).fixture.readBody(0))).toBe(
      '<div>Pop-out draft, also +7 916 000-00-01</div>',
    );
  });

  test('a personal address only in a link target: Replace keeps the words and fixes the link', async () => {
    await setDraft({ to: [CLIENT], body: '<div>Write <a href="mailto:ivan.petrov@gmail.com">to me</a> any time.</div>' });
    await page.locator('#compose div.T-I.aoO').click();
    await expect(dialogButton(page, 'replace')).toBeVisible();
    await dialogButton(page, 'replace').click();
    await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
    expect((await sentMessages(page))[0]!.body).toBe('<div>Write <a href="mailto:sales@acme.example">to me</a> any time.</div>');
  });
});

for (const [locale, title, replace] of [
  ['ru-RU', 'Личный контакт в письме клиенту', 'Заменить на рабочий контакт и отправить'],
  ['ja-JP', 'お客様宛てのメッセージに個人の連絡先があります', '会社の連絡先に置き換えて送信'],
] as const) {
  test(`gmail: the dialog speaks the browser's language (${locale}) and shows the admin's text in it`, async () => {
    const session = await launchWithExtension({ locale });
    try {
      const page = await openFixture(session.context, GMAIL_URL, 'gmail.html', { waitForGuard: false });
      await waitForGuard(page, 'gmail');
      await page.evaluate(
        (body) => (window as unknown as { fixture: { setDraft(x: unknown): void } }).fixture.setDraft({ to: ['ivanov@client-corp.ru'], body }),
        `<div>${PERSONAL_PHONE}</div>`,
      );
      await page.locator('#compose div.T-I.aoO').click();
      await expect(page.locator('channel-guard-dialog h2')).toHaveText(title);
      await expect(dialogButton(page, 'replace')).toHaveText(replace);
      if (locale === 'ru-RU') await expect(page.locator('channel-guard-dialog .admin')).toHaveText('Acme ведёт переписку с клиентами только через рабочие каналы.');
      expect(await sentMessages(page)).toEqual([]);
    } finally {
      await session.close();
    }
  });
}
