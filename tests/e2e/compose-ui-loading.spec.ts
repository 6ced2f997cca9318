import { expect, test, type Page } from '@playwright/test';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIENT, CORPORATE_PHONE, dialogButton, PERSONAL_PHONE } from './helpers/compose-suite.ts';
import { launchWithExtension, openFixture, routeFixture, sentMessages, TEST_POLICY, waitForGuard, type ExtensionSession } from './helpers/extension.ts';

/**
 * The compose content script carries no detector and no dialog; it has the background inject
 * /compose-ui.js (entrypoints/compose-ui) when a composer appears (issue 4: content script under
 * 250 KB). These tests cover the moments around that load: a Send before it has arrived, and a
 * load that fails.
 */

const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox';
const FLAGGED = `<div>Договор во вложении. Мой номер: ${PERSONAL_PHONE}</div>`;
const CLEAN = '<div>Договор во вложении, жду комментариев.</div>';

/**
 * Before any script of the page runs: put `body` in the draft as soon as the page has loaded, and
 * press Send in the very microtask in which the guard marks <html data-channel-guard> — the guard
 * has just asked for the detector and it cannot be there yet. `sentAtClick` is what the page had
 * sent when the click's dispatch returned (a clean draft passing a loaded detector is sent inside it).
 */
async function sendAtGuardStart(page: Page, body: string): Promise<void> {
  await page.addInitScript(
    ([draft, client]) => {
      const w = window as unknown as { fixture: { setDraft(d: unknown): void; sendSelector: string }; sentMessages: unknown[]; sentAtClick?: number };
      document.addEventListener('DOMContentLoaded', () => w.fixture.setDraft({ to: [client], body: draft }));
      const observer = new MutationObserver(() => {
        if (!document.documentElement?.hasAttribute('data-channel-guard')) return;
        observer.disconnect();
        const button = document.querySelector(w.fixture.sendSelector)!;
        const r = button.getBoundingClientRect();
        const at = { bubbles: true, cancelable: true, composed: true, clientX: r.x + 5, clientY: r.y + 5, button: 0, view: window };
        button.dispatchEvent(new PointerEvent('pointerdown', { ...at, buttons: 1 }));
        button.dispatchEvent(new MouseEvent('mousedown', { ...at, buttons: 1 }));
        button.dispatchEvent(new PointerEvent('pointerup', at));
        button.dispatchEvent(new MouseEvent('mouseup', at));
        button.dispatchEvent(new MouseEvent('click', at));
        w.sentAtClick = w.sentMessages.length;
      });
      // <html> does not exist yet when an init script runs: watch the document.
      observer.observe(document, { attributes: true, subtree: true, attributeFilter: ['data-channel-guard'] });
    },
    [body, CLIENT] as const,
  );
}

const sentAtClick = (page: Page) => page.evaluate(() => (window as unknown as { sentAtClick?: number }).sentAtClick);

test.describe('compose: a Send before the detector has loaded', () => {
  test.describe.configure({ mode: 'serial' });
  let session: ExtensionSession;
  test.beforeAll(async () => {
    session = await launchWithExtension();
    await routeFixture(session.context, GMAIL_URL, 'gmail.html');
  });
  test.afterAll(async () => {
    await session?.close();
  });

  test('a flagged draft is held, then shown in the dialog; Replace sends it once', async () => {
    const page = await session.context.newPage();
    await sendAtGuardStart(page, FLAGGED);
    await page.goto(GMAIL_URL);
    await waitForGuard(page, 'gmail');
    await expect(dialogButton(page, 'replace')).toBeVisible();
    expect(await sentAtClick(page)).toBe(0);
    expect(await sentMessages(page)).toEqual([]);
    await dialogButton(page, 'replace').click();
    await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
    expect((await sentMessages(page))[0]!.body).toBe(`<div>Договор во вложении. Мой номер: ${CORPORATE_PHONE}</div>`);
    await page.waitForTimeout(300);
    expect(await sentMessages(page)).toHaveLength(1);
    await page.close();
  });

  test('a clean draft is held only until the detector is there, then sent exactly once with no dialog', async () => {
    const page = await session.context.newPage();
    await sendAtGuardStart(page, CLEAN);
    await page.goto(GMAIL_URL);
    await waitForGuard(page, 'gmail');
    await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
    // Held: not sent inside the click, as it would have been with the detector already loaded.
    expect(await sentAtClick(page)).toBe(0);
    expect((await sentMessages(page))[0]!.body).toBe(CLEAN);
    await page.waitForTimeout(300);
    expect(await sentMessages(page)).toHaveLength(1);
    await expect(page.locator('channel-guard-dialog')).toHaveCount(0);
    await page.close();
  });
});

test('compose: when the detector cannot load, a send goes through once (fail open) and the failure is logged', async () => {
  const original = process.env.CHANNEL_GUARD_CHROME_BUILD!;
  const broken = await mkdtemp(join(tmpdir(), 'channel-guard-no-ui-'));
  await cp(original, broken, { recursive: true });
  await rm(join(broken, 'compose-ui.js'));
  process.env.CHANNEL_GUARD_CHROME_BUILD = broken;
  let session: ExtensionSession | undefined;
  try {
    session = await launchWithExtension();
    const diagnostics: string[] = [];
    session.context.on('console', (m) => {
      if (m.text().includes('ChannelGuard diagnostic')) diagnostics.push(m.text());
    });
    session.worker.on('console', (m) => {
      if (m.text().includes('ChannelGuard diagnostic')) diagnostics.push(m.text());
    });
    const page = await openFixture(session.context, GMAIL_URL, 'gmail.html', { waitForGuard: false });
    await waitForGuard(page, 'gmail');
    await page.evaluate(
      ([body, client]) => (window as unknown as { fixture: { setDraft(d: unknown): void } }).fixture.setDraft({ to: [client], body }),
      [FLAGGED, CLIENT] as const,
    );
    await page.locator('#compose div.T-I.aoO').click();
    await expect.poll(async () => (await sentMessages(page)).length).toBe(1);
    expect((await sentMessages(page))[0]!.body).toBe(FLAGGED);
    await expect(page.locator('channel-guard-dialog')).toHaveCount(0);
    await expect.poll(() => diagnostics.join('\n')).toMatch(/failed to load/);
  } finally {
    process.env.CHANNEL_GUARD_CHROME_BUILD = original;
    await session?.close();
    await rm(broken, { recursive: true, force: true });
  }
});

test('compose: in block mode, when the detector cannot load, the send is held, the draft kept and the marker says why', async () => {
  const original = process.env.CHANNEL_GUARD_CHROME_BUILD!;
  const broken = await mkdtemp(join(tmpdir(), 'channel-guard-no-ui-block-'));
  await cp(original, broken, { recursive: true });
  await rm(join(broken, 'compose-ui.js'));
  process.env.CHANNEL_GUARD_CHROME_BUILD = broken;
  let session: ExtensionSession | undefined;
  try {
    session = await launchWithExtension({ policy: { ...TEST_POLICY, organization: 'Acme (block, no detector)', mode: 'block' } });
    const page = await openFixture(session.context, GMAIL_URL, 'gmail.html', { waitForGuard: false });
    await waitForGuard(page, 'gmail');
    await page.evaluate(
      ([body, client]) => (window as unknown as { fixture: { setDraft(d: unknown): void } }).fixture.setDraft({ to: [client], body }),
      [CLEAN, CLIENT] as const,
    );
    await page.locator('#compose div.T-I.aoO').click();
    // Fail closed only where the policy says block: nothing is known about the draft, so nothing goes.
    await expect(page.locator('channel-guard-marker')).toHaveCount(1);
    await expect.poll(() => page.locator('channel-guard-marker').evaluate((m) => m.shadowRoot?.textContent ?? '')).toMatch(/could not check/);
    expect(await sentMessages(page)).toHaveLength(0);
    expect(await page.evaluate(() => (window as unknown as { fixture: { readBody(): string } }).fixture.readBody())).toBe(CLEAN);
  } finally {
    process.env.CHANNEL_GUARD_CHROME_BUILD = original;
    await session?.close();
    await rm(broken, { recursive: true, force: true });
  }
});
