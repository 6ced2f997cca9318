import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs } from './helpers/chromium-args.ts';

/**
 * The audit viewer against the real background: events go in as `audit/record` messages (what the
 * content script sends), are written by the background's audit service, and are read by
 * audit.html from the same IndexedDB. The exported JSON must pass `channel-guard audit verify`.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

let extensionDir: string;
let profileDir: string;
let context: BrowserContext;
let extensionId: string;

test.beforeAll(async () => {
  await run('npx', ['wxt', 'build'], { cwd: ROOT, timeout: 180_000 });
  // A private copy: another build into .output must not change the extension under this browser.
  extensionDir = await mkdtemp(join(tmpdir(), 'cg-audit-ext-'));
  await cp(join(ROOT, '.output/chrome-mv3'), extensionDir, { recursive: true });
  profileDir = await mkdtemp(join(tmpdir(), 'cg-audit-profile-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    args: chromiumArgs(extensionDir),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
});

test.afterAll(async () => {
  await context?.close();
  await rm(profileDir, { recursive: true, force: true });
  await rm(extensionDir, { recursive: true, force: true });
});

const EVENTS = [
  { decision: 'sent-anyway', site: 'mail.google.com', kind: 'phone', value: '+7 915 123-45-11', normalized: '+79151234511', to: 'ivanov@client-corp.ru' },
  { decision: 'blocked', site: 'mail.google.com', kind: 'email', value: 'anna.home@gmail.com', normalized: 'anna.home@gmail.com', to: 'sato@client.co.jp' },
  { decision: 'replaced', site: 'outlook.office.com', kind: 'phone', value: '+7 915 123-45-11', normalized: '+79151234511', to: 'boss@client-corp.ru' },
  { decision: 'blocked', site: 'outlook.office.com', kind: 'messenger', value: 't.me/anna_home', normalized: 'telegram:anna_home', to: 'x@partner.example' },
  { decision: 'monitored', site: 'mail.google.com', kind: 'phone', value: '+7 915 123-45-11', normalized: '+79151234511', to: 'ivanov@client-corp.ru' },
  { decision: 'edited', site: 'mail.google.com', kind: 'email', value: 'anna.home@gmail.com', normalized: 'anna.home@gmail.com', to: 'ivanov@client-corp.ru' },
] as const;

async function seed(page: Page): Promise<number[]> {
  return page.evaluate(async (events) => {
    const ids: number[] = [];
    for (const e of events) {
      // The page's own `chrome` global: this runs inside the extension page, not in Node.
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      const reply = (await runtime.sendMessage({
        type: 'audit/record',
        event: {
          decision: e.decision,
          site: e.site,
          origin: `https://${e.site}`,
          adapter: 'generic',
          findings: [{ kind: e.kind, value: e.value, normalized: e.normalized, verdict: 'personal', action: 'warn', snippet: `Пишите мне: ${e.value} — 日本語もOK` }],
          recipients: [e.to],
          justification: e.decision === 'sent-anyway' ? 'Клиент просил, "срочно"' : undefined,
        },
      })) as { ok: boolean; id?: number };
      if (!reply?.ok || reply.id === undefined) throw new Error(`audit/record failed: ${JSON.stringify(reply)}`);
      ids.push(reply.id);
    }
    return ids;
  }, EVENTS);
}

async function exportFile(page: Page, action: 'export-json' | 'export-csv'): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-action="${action}"]`).click()]);
  const path = join(await mkdtemp(join(tmpdir(), 'cg-audit-download-')), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

async function verifyWithCli(file: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [join(ROOT, 'bin/channel-guard.mjs'), 'audit', 'verify', file], { cwd: ROOT });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

test('recorded events appear, filter, export and verify; tampering shows as broken', async () => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/audit.html`);
  await expect(page.locator('[data-integrity]')).toHaveAttribute('data-integrity', 'intact');

  const ids = await seed(page);
  expect(ids).toHaveLength(EVENTS.length);

  const rows = page.locator('[data-event-id]');
  await expect(rows).toHaveCount(EVENTS.length);
  // Newest first; the stored contact is masked (the default policy's audit.storeValues).
  await expect(rows.first()).toHaveAttribute('data-event-id', String(ids.at(-1)));
  await expect(page.locator(`[data-event-id="${ids[0]}"]`)).toContainText('+7 915 ***-**-11');
  await expect(page.locator('[data-integrity]')).toHaveAttribute('data-integrity', 'intact');
  await expect(page.locator('[data-integrity]')).toContainText(String(EVENTS.length));

  // Detail pane.
  await page.locator(`[data-event-id="${ids[0]}"]`).click();
  await expect(page.locator(`[data-detail-id="${ids[0]}"]`)).toContainText('client-corp.ru');

  // A filter narrows the rows to exactly the matching events.
  await page.locator('select[name="decision"]').selectOption('blocked');
  await expect(rows).toHaveCount(2);
  const blockedIds = await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-event-id'))).sort((a, b) => a - b));
  expect(blockedIds).toEqual([ids[1], ids[3]]);

  // Free-text search inside the filter.
  await page.locator('input[name="text"]').fill('outlook');
  await expect(rows).toHaveCount(1);
  await page.locator('input[name="text"]').fill('');
  await expect(rows).toHaveCount(2);

  // Free text alone goes through the search-word index: a masked contact as typed, the start of
  // a recipient domain, a justification word.
  await page.locator('select[name="decision"]').selectOption('');
  const search = async (text: string, expectedCount: number) => {
    // From the unfiltered list each time, so a stale result of the previous search cannot pass.
    await page.locator('input[name="text"]').fill('');
    await expect(rows).toHaveCount(EVENTS.length);
    await page.locator('input[name="text"]').fill(text);
    await expect(rows).toHaveCount(expectedCount);
    return rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-event-id'))).sort((a, b) => a - b));
  };
  expect(await search('+7 915', 3)).toEqual([ids[0], ids[2], ids[4]]);
  expect(await search('client.co', 1)).toEqual([ids[1]]);
  expect(await search('срочно', 1)).toEqual([ids[0]]);
  await page.locator('input[name="text"]').fill('');
  await expect(rows).toHaveCount(EVENTS.length);
  await page.locator('select[name="decision"]').selectOption('blocked');
  await expect(rows).toHaveCount(2);

  // A filtered JSON export verifies (omitted events kept as link-only stubs).
  const filteredPath = await exportFile(page, 'export-json');
  expect(JSON.parse(await readFile(filteredPath, 'utf8')).complete).toBe(false);
  const filteredVerdict = await verifyWithCli(filteredPath);
  expect(filteredVerdict.code).toBe(0);
  expect(filteredVerdict.stdout).toMatch(/^intact: 2 events \(filtered export: 1 omitted/u);

  // The complete export verifies with the CLI.
  await page.locator('select[name="decision"]').selectOption('');
  await expect(rows).toHaveCount(EVENTS.length);
  const jsonPath = await exportFile(page, 'export-json');
  expect(await verifyWithCli(jsonPath)).toEqual({ code: 0, stdout: `intact: ${EVENTS.length} events\n` });

  // CSV opens in a spreadsheet: BOM, CRLF, Cyrillic and Japanese intact.
  const csv = await readFile(await exportFile(page, 'export-csv'), 'utf8');
  expect(csv.startsWith('\uFEFFid,time,user')).toBe(true);
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(EVENTS.length + 1);
  expect(csv).toContain('"Клиент просил, ""срочно"""');
  expect(csv).toContain('日本語もOK');

  // Handover report: clients that received a personal contact (sent-anyway, monitored).
  await page.locator('[data-action="open-handover"]').click();
  await page.locator('select[name="handover-user"]').selectOption('unknown');
  await expect(page.locator('[data-client-domain]')).toHaveCount(1);
  await expect(page.locator('[data-client-domain="client-corp.ru"]')).toContainText('+7 915 ***-**-11');
  await page.getByRole('tab').first().click();

  // Someone edits a stored event behind the extension's back: the viewer says where it breaks.
  await page.evaluate(async (id: number) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('channel-guard-audit');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const store = db.transaction('events', 'readwrite').objectStore('events');
    const event = await new Promise<Record<string, unknown>>((ok) => {
      const get = store.get(id);
      get.onsuccess = () => ok(get.result as Record<string, unknown>);
    });
    await new Promise((ok) => {
      store.put({ ...event, decision: 'replaced' }).onsuccess = ok;
    });
    db.close();
  }, ids[1]!);
  await page.getByRole('button', { name: /check again/iu }).click();
  await expect(page.locator('[data-integrity]')).toHaveAttribute('data-integrity', 'broken');
  await expect(page.locator('[data-integrity]')).toContainText(String(ids[1]));
  const tampered = await exportFile(page, 'export-json');
  const verdict = await verifyWithCli(tampered);
  expect(verdict.code).toBe(1);
  expect(verdict.stdout).toContain(`event id ${ids[1]}`);
});
