import { expect, test, type Frame, type Locator, type Page } from '@playwright/test';
import type { PolicyInput } from '../../../lib/policy/schema.ts';
import { launchWithExtension, openFixture, sentMessages, TEST_POLICY, waitForGuard, type ExtensionSession } from './extension.ts';

/**
 * The same behaviour on every site (issue 4 "Tests", issue 5): one suite, driven through the
 * fixture convention (`window.fixture`, `window.sentMessages`; tests/fixtures/sites/README.md).
 */

export interface ComposeSite {
  /** Adapter name, e.g. 'gmail'. */
  name: string;
  /** The site's real URL; the fixture is served there. */
  url: string;
  /** File under tests/fixtures/sites/. */
  fixture: string;
  policy?: PolicyInput;
  /** Extra suites for policy modes (block, monitor) and dialog details; run once, on one site. */
  full?: boolean;
}

export const PERSONAL_PHONE = '+7 915 111-11-11';
export const CORPORATE_PHONE = '+7 495 123-45-67';
export const CLIENT = 'ivanov@client-corp.ru';
export const COLLEAGUE = 'petrova@acme.example';

const TEXT_BODY = `Здравствуйте, Иван!\nМой номер: ${PERSONAL_PHONE}, звоните в любое время.\nС уважением, Анна`;
const HTML_BODY = `<div>Здравствуйте, Иван!</div><div>Мой номер: <b>${PERSONAL_PHONE}</b>, звоните в любое время.</div><div>С уважением, <i>Анна</i></div>`;
const CLEAN_TEXT = 'Здравствуйте, Иван!\nДоговор во вложении, счёт № 2025-118 на 1 500 000 руб.\nС уважением, Анна';
const CLEAN_HTML = '<div>Здравствуйте, Иван!</div><div>Договор во вложении, счёт № 2025-118 на 1 500 000 руб.</div>';

interface FixtureInfo {
  bodyKind: 'html' | 'text';
  editorSelector: string;
  editorFrame?: string | null;
  sendSelector: string;
}

async function fixtureInfo(page: Page): Promise<FixtureInfo> {
  return page.evaluate(() => {
    const f = (window as unknown as { fixture: FixtureInfo }).fixture;
    return { bodyKind: f.bodyKind, editorSelector: f.editorSelector, editorFrame: f.editorFrame ?? null, sendSelector: f.sendSelector };
  });
}

async function setDraft(page: Page, draft: { to?: string[]; cc?: string[]; subject?: string; body: string }): Promise<void> {
  await page.evaluate((d) => (window as unknown as { fixture: { setDraft(d: unknown): void } }).fixture.setDraft(d), draft);
}

async function readBody(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { fixture: { readBody(): string } }).fixture.readBody());
}

export function dialog(page: Page): Locator {
  return page.locator('channel-guard-dialog');
}

export function dialogButton(page: Page, action: string): Locator {
  return page.locator(`channel-guard-dialog [data-action="${action}"]`);
}

/** The editor as a focusable locator (inside the TinyMCE iframe where there is one). */
function editorLocator(page: Page, info: FixtureInfo): Locator {
  return info.editorFrame ? page.frameLocator(info.editorFrame).locator('body') : page.locator(info.editorSelector);
}

async function editorFrame(page: Page, info: FixtureInfo): Promise<Frame | Page> {
  if (!info.editorFrame) return page;
  const handle = await page.locator(info.editorFrame).elementHandle();
  return (await handle!.contentFrame())!;
}

export function defineComposeSuite(site: ComposeSite): void {
  test.describe(`${site.name}: compose at ${site.url}`, () => {
    test.describe.configure({ mode: 'serial' });
    let session: ExtensionSession;
    let page: Page;
    let info: FixtureInfo;

    test.beforeAll(async () => {
      session = await launchWithExtension({ policy: site.policy ?? TEST_POLICY });
    });
    test.afterAll(async () => {
      await session?.close();
    });
    test.beforeEach(async () => {
      page = await openFixture(session.context, site.url, site.fixture, { waitForGuard: false });
      await waitForGuard(page, site.name);
      info = await fixtureInfo(page);
    });
    test.afterEach(async () => {
      await page?.close();
    });

    const flaggedBody = () => (info.bodyKind === 'html' ? HTML_BODY : TEXT_BODY);
    const cleanBody = () => (info.bodyKind === 'html' ? CLEAN_HTML : CLEAN_TEXT);

    test('a flagged draft to a client opens the dialog and nothing is sent', async () => {
      await setDraft(page, { to: [CLIENT], subject: 'Договор', body: flaggedBody() });
      await page.locator(info.sendSelector).click();
      await expect(dialog(page)).toBeAttached();
      await expect(dialogButton(page, 'replace')).toBeVisible();
      await expect(page.locator('channel-guard-dialog mark')).toHaveText(PERSONAL_PHONE);
      expect(await sentMessages(page)).toEqual([]);
      // The dialog lives in an open shadow root (a stable hook for enterprise QA).
      expect(await page.evaluate(() => document.querySelector('channel-guard-dialog')!.shadowRoot !== null)).toBe(true);
    });

    test('Replace sends the corporate contact once, with the rest of the draft byte for byte', async () => {
      const body = flaggedBody();
      await setDraft(page, { to: [CLIENT], subject: 'Договор', body });
      const before = await readBody(page);
      await page.locator(info.sendSelector).click();
      await dialogButton(page, 'replace').click();
      await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
      await expect(dialog(page)).toHaveCount(0);
      const [sent] = await sentMessages(page);
      expect(sent!.body).toBe(before.replace(PERSONAL_PHONE, CORPORATE_PHONE));
      expect(sent!.to).toEqual([CLIENT]);
      // Exactly once: nothing else arrives later.
      await page.waitForTimeout(500);
      expect(await sentMessages(page)).toHaveLength(1);
      await expect.poll(async () => (await session.auditEvents()).map((e) => e.decision)).toContain('replaced');
    });

    test('Send anyway with a justification sends once and logs the justification', async () => {
      await setDraft(page, { to: [CLIENT], subject: 'Авария', body: flaggedBody() });
      const before = await readBody(page);
      await page.locator(info.sendSelector).click();
      await expect(dialogButton(page, 'send-anyway')).toBeDisabled();
      await page.locator('channel-guard-dialog textarea[name="justification"]').fill('Client asked for my direct line during the outage');
      await dialogButton(page, 'send-anyway').click();
      await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
      expect((await sentMessages(page))[0]!.body).toBe(before);
      await page.waitForTimeout(500);
      expect(await sentMessages(page)).toHaveLength(1);
      await expect
        .poll(async () => (await session.auditEvents()).find((e) => e.decision === 'sent-anyway')?.justification)
        .toBe('Client asked for my direct line during the outage');
    });

    test('a draft the page changed without typing is judged as it is at Send, not as last scanned', async () => {
      await setDraft(page, { to: [CLIENT], subject: 'Счёт', body: cleanBody() });
      // As if the user typed: the typing marker's idle scan sees (and remembers) the clean draft.
      await page.evaluate((sel) => document.querySelector(sel)!.dispatchEvent(new Event('input', { bubbles: true })), info.editorSelector);
      await page.waitForTimeout(800);
      const flagged = flaggedBody();
      // A template or autocomplete rewrites the body and the user clicks Send in the same moment.
      await page.evaluate(
        ([body, send]) => {
          (window as unknown as { fixture: { setDraft(d: unknown): void } }).fixture.setDraft({ to: ['ivanov@client-corp.ru'], body });
          (document.querySelector(send) as HTMLElement).click();
        },
        [flagged, info.sendSelector] as const,
      );
      await expect(dialog(page)).toBeAttached();
      expect(await sentMessages(page)).toEqual([]);
    });

    test('a clean draft is sent at once, with no dialog', async () => {
      await setDraft(page, { to: [CLIENT], subject: 'Счёт', body: cleanBody() });
      await page.locator(info.sendSelector).click();
      // Synchronous: the page's own handler ran inside the same click.
      expect((await sentMessages(page)).length).toBe(1);
      await expect(dialog(page)).toHaveCount(0);
    });

    test('a personal contact to internal recipients only is sent with no dialog', async () => {
      await setDraft(page, { to: [COLLEAGUE], subject: 'Мой номер', body: flaggedBody() });
      await page.locator(info.sendSelector).click();
      expect((await sentMessages(page)).length).toBe(1);
      await expect(dialog(page)).toHaveCount(0);
    });

    test('Ctrl+Enter is intercepted too; Edit returns to the draft with the finding selected and sends nothing', async () => {
      await setDraft(page, { to: [CLIENT], subject: 'Договор', body: flaggedBody() });
      await editorLocator(page, info).click();
      await page.keyboard.press('Control+Enter');
      await expect(dialogButton(page, 'edit')).toBeVisible();
      expect(await sentMessages(page)).toEqual([]);
      await dialogButton(page, 'edit').click();
      await expect(dialog(page)).toHaveCount(0);
      const target = await editorFrame(page, info);
      const selected = await target.evaluate(() => {
        const active = document.activeElement as HTMLTextAreaElement | null;
        if (active && active.tagName === 'TEXTAREA') return active.value.slice(active.selectionStart, active.selectionEnd);
        return document.getSelection()?.toString() ?? '';
      });
      expect(selected).toBe(PERSONAL_PHONE);
      await page.waitForTimeout(300);
      expect(await sentMessages(page)).toEqual([]);
      // Replaying after a decision goes through the same shortcut path.
      await editorLocator(page, info).press('Control+Enter');
      await page.locator('channel-guard-dialog textarea[name="justification"]').fill('The client asked me to text them');
      await dialogButton(page, 'send-anyway').click();
      await expect.poll(async () => (await sentMessages(page)).map((m) => m.via)).toEqual(['shortcut']);
    });

    test('IME composition is never interrupted', async () => {
      await setDraft(page, { to: [CLIENT], subject: '見積', body: flaggedBody() });
      const editor = editorLocator(page, info);
      await editor.click();
      await page.keyboard.press('End');
      const cdp = await session.context.newCDPSession(page);
      // Japanese input: the composition is open while the user picks a conversion; Enter commits it.
      await cdp.send('Input.imeSetComposition', { text: 'でんわ', selectionStart: 3, selectionEnd: 3 });
      await cdp.send('Input.imeSetComposition', { text: '電話', selectionStart: 2, selectionEnd: 2 });
      await cdp.send('Input.insertText', { text: '電話' });
      await expect.poll(() => readBody(page)).toContain('電話');
      expect(await readBody(page)).not.toContain('でんわ');
      await expect(dialog(page)).toHaveCount(0);
      // Ctrl+Enter that belongs to an open composition (isComposing) is the IME's: we never take it
      // from the page; the same keys outside a composition are a send attempt we stop.
      const target = await editorFrame(page, info);
      const press = (isComposing: boolean) =>
        target.evaluate(
          ([sel, composing]) => {
            const el = (sel ? document.querySelector(sel as string) : document.body) as HTMLElement;
            el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, isComposing: composing as boolean, bubbles: true, cancelable: true }));
          },
          [info.editorFrame ? null : info.editorSelector, isComposing] as const,
        );
      await press(true);
      await page.waitForTimeout(200);
      await expect(dialog(page)).toHaveCount(0);
      await press(false);
      await expect(dialog(page)).toBeAttached();
      await cdp.detach();
    });

    test('the typing marker appears beside the editor, never inside it', async () => {
      await setDraft(page, { to: [CLIENT], subject: 'x', body: info.bodyKind === 'html' ? '<div>Hello</div>' : 'Hello' });
      const editor = editorLocator(page, info);
      await editor.click();
      await page.keyboard.press('End');
      await page.keyboard.type(' call me: 8 916 222-33-44');
      const marker = page.locator('channel-guard-marker');
      await expect(marker).toHaveAttribute('data-count', '1');
      await expect(marker).toBeVisible();
      const target = await editorFrame(page, info);
      expect(await target.evaluate(() => document.querySelectorAll('channel-guard-marker').length)).toBe(info.editorFrame ? 0 : 1);
      expect(await page.evaluate((sel) => document.querySelector(sel)!.querySelector('channel-guard-marker'), info.editorSelector)).toBeNull();
      expect(await readBody(page)).not.toContain('personal');
    });

    if (site.full) defineModeTests(site, () => ({ session, page, info }));
  });
}

function defineModeTests(site: ComposeSite, ctx: () => { session: ExtensionSession; page: Page; info: FixtureInfo }): void {
  const base = site.policy ?? TEST_POLICY;

  test('the dialog explains in the user’s words, shows the admin’s text and link, and ignores the page CSS', async () => {
    const { page, info } = ctx();
    await setDraft(page, { to: [CLIENT], body: info.bodyKind === 'html' ? HTML_BODY : TEXT_BODY });
    await page.locator(info.sendSelector).click();
    await expect(page.locator('channel-guard-dialog .admin')).toHaveText('Acme keeps every client conversation on company channels.');
    await expect(page.locator('channel-guard-dialog a[href="https://intranet.acme.example/policies/client-contacts"]')).toBeVisible();
    const background = await dialogButton(page, 'edit').evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(background).toBe('rgb(255, 255, 255)');
    // Keys typed in the dialog never reach the page's shortcuts.
    const leaked = await page.evaluate(() => {
      let seen = 0;
      document.addEventListener('keydown', () => (seen += 1));
      (window as unknown as { __leak: () => number }).__leak = () => seen;
      return 0;
    });
    await page.locator('channel-guard-dialog textarea[name="justification"]').type('abc');
    expect(await page.evaluate(() => (window as unknown as { __leak: () => number }).__leak())).toBe(leaked);
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toHaveCount(0);
    expect(await sentMessages(page)).toEqual([]);
  });

  test('block mode without override: no way to send the flagged text; a false-positive report is logged, not sent', async () => {
    const { session, page, info } = ctx();
    await session.setPolicy({ ...base, organization: `${base.organization} block`, mode: 'block', allowOverride: false });
    await page.reload();
    await waitForGuard(page, site.name);
    await setDraft(page, { to: [CLIENT], body: info.bodyKind === 'html' ? HTML_BODY : TEXT_BODY });
    await page.locator(info.sendSelector).click();
    await expect(dialogButton(page, 'replace')).toBeVisible();
    await expect(dialogButton(page, 'send-anyway')).toHaveCount(0);
    await expect(page.locator('channel-guard-dialog textarea[name="justification"]')).toHaveCount(0);
    await dialogButton(page, 'report-false-positive').click();
    await page.locator('channel-guard-dialog textarea[name="reason"]').fill('This is the client’s own number');
    await dialogButton(page, 'report-false-positive').click();
    await expect.poll(async () => (await session.auditEvents()).find((e) => e.decision === 'false-positive')?.justification).toBe('This is the client’s own number');
    await page.waitForTimeout(300);
    expect(await sentMessages(page)).toEqual([]);
    await dialogButton(page, 'replace').click();
    await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
    expect((await sentMessages(page))[0]!.body).toContain(CORPORATE_PHONE);
  });

  test('warn mode: “Not a personal contact” with a reason sends and logs the report', async () => {
    const { session, page, info } = ctx();
    await session.setPolicy({ ...base, organization: `${base.organization} warn`, mode: 'warn' });
    await page.reload();
    await waitForGuard(page, site.name);
    await setDraft(page, { to: [CLIENT], body: info.bodyKind === 'html' ? HTML_BODY : TEXT_BODY });
    await page.locator(info.sendSelector).click();
    await dialogButton(page, 'report-false-positive').click();
    await page.locator('channel-guard-dialog textarea[name="reason"]').fill('Our partner’s hotline');
    await dialogButton(page, 'report-false-positive').click();
    await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
    await expect.poll(async () => (await session.auditEvents()).filter((e) => e.decision === 'false-positive').map((e) => e.justification)).toContain('Our partner’s hotline');
  });

  test('monitor mode: no dialog, the message is sent, the event is logged', async () => {
    const { session, page, info } = ctx();
    await session.setPolicy({ ...base, organization: `${base.organization} monitor`, mode: 'monitor' });
    await page.reload();
    await waitForGuard(page, site.name);
    await setDraft(page, { to: [CLIENT], body: info.bodyKind === 'html' ? HTML_BODY : TEXT_BODY });
    await page.locator(info.sendSelector).click();
    expect((await sentMessages(page)).length).toBe(1);
    await expect(dialog(page)).toHaveCount(0);
    await expect.poll(async () => (await session.auditEvents()).map((e) => e.decision)).toContain('monitored');
    await session.setPolicy({ ...base, organization: `${base.organization} back` });
  });
}
