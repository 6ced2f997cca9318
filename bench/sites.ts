/**
 * Per-site benchmark (issue 5), printed, never asserted. Run: `npx tsx bench/sites.ts` (or
 * `npm run bench`, which builds first). Uses the Chrome build from CHANNEL_GUARD_CHROME_BUILD or
 * .output/chrome-mv3, launched through tests/e2e/helpers/extension.ts (managed policy written under
 * /etc/chromium/policies/managed and removed at the end).
 *
 * For every site fixture (tests/fixtures/sites/*.html, served at the site's real URL), in one run,
 * one Chromium with the extension and one without:
 *
 *  1. Page load, LOAD_RUNS times each: `load` = navigation start → end of the load event
 *     (PerformanceNavigationTiming.loadEventEnd); `protected` = navigation start → the content
 *     script marks `<html data-channel-guard>` (it has picked the adapter and found a composer).
 *  2. Memory, once per page after it settled (protected + SETTLE_MS, so the on-demand detector and
 *     dialog bundle has loaded too): V8 `JSHeapUsedSize` from CDP `Performance.getMetrics`, after a
 *     forced GC (`HeapProfiler.collectGarbage`). The content script's isolated world lives in the
 *     page's V8 isolate, so this figure holds the page's heap plus ours; the difference between the
 *     two browsers is the extension's cost on that page.
 *  3. Send with a 100 KB draft holding one personal number, SEND_RUNS times: with the extension,
 *     Send → the dialog's buttons exist (the draft was set just before, so the scan runs inside the
 *     click); without it, Send → the page recorded the send (the page's own cost, for scale).
 *     In-page time from the first pointer event on the fixture's Send control.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PolicyInput } from '../lib/policy/schema.ts';
import { launchWithExtension, routeFixture, TEST_POLICY } from '../tests/e2e/helpers/extension.ts';
import { measureSend } from './measure-send.ts';

interface BenchSite {
  adapter: string;
  url: string;
  fixture: string;
  /**
   * The CRM fixtures hold several composers and expose no `fixture.sendSelector`/`bodyKind`: the
   * first composer's Send and a text body, as tests/e2e/compose-crm.spec.ts drives them.
   */
  send?: string;
}

const SITES: BenchSite[] = [
  { adapter: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox', fixture: 'gmail.html' },
  { adapter: 'outlook', url: 'https://outlook.office.com/mail/deeplink/compose', fixture: 'outlook.html' },
  { adapter: 'roundcube', url: 'https://mail.acme.example/?_task=mail&_action=compose', fixture: 'roundcube.html' },
  { adapter: 'yahoo', url: 'https://mail.yahoo.com/d/compose/6208415327', fixture: 'yahoo.html' },
  { adapter: 'yandex', url: 'https://mail.yandex.ru/?uid=1130000012345678#compose', fixture: 'yandex.html' },
  { adapter: 'mailru', url: 'https://e.mail.ru/compose/', fixture: 'mailru.html' },
  { adapter: 'proton', url: 'https://mail.proton.me/u/0/inbox', fixture: 'proton.html' },
  { adapter: 'zohomail', url: 'https://mail.zoho.com/zm/#compose', fixture: 'zohomail.html' },
  { adapter: 'hubspot', url: 'https://app.hubspot.com/contacts/1234567/record/0-1/901', fixture: 'hubspot.html', send: 'button[data-selenium-test="rich-text-editor-controls__save-btn"]' },
  { adapter: 'salesforce', url: 'https://acme.lightning.force.com/lightning/r/Contact/003Hn00001XyZaBIAV/view', fixture: 'salesforce.html', send: '[data-fixture-send="email"]' },
  { adapter: 'bitrix24', url: 'https://acme.bitrix24.ru/crm/deal/details/1/', fixture: 'bitrix24.html', send: '.crm-task-list-mail-reply-button' },
  { adapter: 'amocrm', url: 'https://acme.amocrm.ru/leads/detail/1', fixture: 'amocrm.html', send: '.js-note-submit' },
  { adapter: 'pipedrive', url: 'https://acme.pipedrive.com/deal/1', fixture: 'pipedrive.html', send: '[data-test="mail-composer-send-button"]' },
  { adapter: 'zohocrm', url: 'https://crm.zoho.com/crm/org123/tab/Contacts/1', fixture: 'zohocrm.html', send: '[data-zcqa="sendMail_send"]' },
  {
    adapter: 'dynamics',
    url: 'https://acme.crm4.dynamics.com/main.aspx?appid=00000000-0000-0000-0000-000000000001&pagetype=entityrecord&etn=email',
    fixture: 'dynamics.html',
    send: 'button[data-id="email|NoRelationship|Form|Mscrm.Form.email.Send"]',
  },
  { adapter: 'generic', url: 'https://crm.acme.example/deals/42', fixture: 'generic.html' },
  // A policy-defined site: the generic adapter running the admin's selectors.
  { adapter: 'generic', url: 'https://crm.inhouse.example/helpdesk/tickets/1042', fixture: 'custom-inhouse-crm.html' },
];

const POLICY: PolicyInput = {
  ...TEST_POLICY,
  organization: 'Acme (site bench)',
  sites: [
    ...(TEST_POLICY.sites ?? []),
    {
      match: 'https://crm.inhouse.example/*',
      adapter: 'generic',
      selectors: { composer: 'crm-message-composer', editor: 'div.surface[contenteditable="true"]', recipients: '.recipient-pill', send: '[data-qa="dispatch"]' },
    },
  ],
};

const LOAD_RUNS = 5;
const SEND_RUNS = 10;
const SETTLE_MS = 800;
const DRAFT_BYTES = 100_000;
const PERSONAL = '+7 915 111-11-11';
const CLIENT = 'ivanov@client-corp.ru';

/** Records when the content script marks the page as protected, in the page's own clock. */
const READY_PROBE = `
  window.__name = (f) => f; // tsx keeps function names with a helper that page.evaluate bodies would not find
  new MutationObserver((_, observer) => {
    if (document.documentElement.hasAttribute('data-channel-guard')) {
      window.__cgProtectedAt = performance.now();
      observer.disconnect();
    }
  // The document has no <html> element yet when init scripts run: watch the document itself.
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-channel-guard'] });
`;

function draft(kind: 'html' | 'text'): string {
  const sentence = 'Добрый день! Отправляю договор и счёт № 2025-118 на сумму 1 500 000 руб., жду ваших комментариев до пятницы.';
  const line = kind === 'html' ? `<div>${sentence}</div>` : sentence;
  const parts: string[] = [];
  for (let size = 0; size < DRAFT_BYTES; size += line.length + 1) parts.push(line);
  parts.splice(Math.floor(parts.length / 2), 0, kind === 'html' ? `<div>Мой номер: ${PERSONAL}</div>` : `Мой номер: ${PERSONAL}`);
  return parts.join(kind === 'html' ? '' : '\n');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)}` : 'n/a');
const mb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(2)}` : 'n/a');

interface LoadFigures {
  load: number[];
  protectedAt: number[];
  heap: number;
}

async function loadPage(context: BrowserContext, site: BenchSite, withExtension: boolean): Promise<{ page: Page; figures: LoadFigures }> {
  const page = await context.newPage();
  await page.addInitScript({ content: READY_PROBE });
  const figures: LoadFigures = { load: [], protectedAt: [], heap: NaN };
  for (let i = 0; i < LOAD_RUNS; i += 1) {
    await page.goto('about:blank');
    await page.goto(site.url, { waitUntil: 'load' });
    if (withExtension) await page.waitForFunction(() => typeof (window as unknown as { __cgProtectedAt?: number }).__cgProtectedAt === 'number', null, { timeout: 15_000 });
    const [load, protectedAt] = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      // loadEventEnd is 0 while the load handler is still on the stack: wait a task.
      return [nav.loadEventEnd, (window as unknown as { __cgProtectedAt?: number }).__cgProtectedAt ?? NaN] as const;
    });
    figures.load.push(load);
    if (withExtension) figures.protectedAt.push(protectedAt);
  }
  await page.waitForTimeout(SETTLE_MS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  figures.heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  await cdp.detach();
  return { page, figures };
}

async function sendTimes(page: Page, site: BenchSite): Promise<{ times: number[]; outcomes: string }> {
  const info = await page.evaluate(() => (window as unknown as { fixture: { bodyKind?: 'html' | 'text'; sendSelector?: string } }).fixture);
  const send = site.send ?? info.sendSelector ?? '';
  const body = draft(info.bodyKind ?? 'text');
  const times: number[] = [];
  const outcomes = new Set<string>();
  for (let i = 0; i < SEND_RUNS; i += 1) {
    await page.evaluate(
      ([b, to]) => (window as unknown as { fixture: { setDraft(d: unknown): void } }).fixture.setDraft({ to: [to], subject: 'Договор', body: b }),
      [body, CLIENT] as const,
    );
    const r = await measureSend(page, send);
    outcomes.add(r.outcome);
    if (Number.isFinite(r.ms)) times.push(r.ms);
    // Let the dialog's teardown and the page's own post-send work finish.
    await page.waitForTimeout(40);
  }
  return { times, outcomes: [...outcomes].join('/') };
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

async function main(): Promise<void> {
  const started = Date.now();
  const session = await launchWithExtension({ policy: POLICY });
  const profile = await mkdtemp(join(tmpdir(), 'channel-guard-bench-sites-plain-'));
  const plain = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync', '--disable-component-update', '--disable-background-networking'],
  });
  const loadRows: string[][] = [];
  const sendRows: string[][] = [];
  try {
    for (const site of SITES) {
      const label = `${site.fixture.replace(/\.html$/u, '')}`;
      try {
        for (const context of [plain, session.context]) await routeFixture(context, site.url, site.fixture);
        const without = await loadPage(plain, site, false);
        const withExt = await loadPage(session.context, site, true);
        const adapter = await withExt.page.evaluate(() => document.documentElement.getAttribute('data-channel-guard') ?? '-');
        loadRows.push([
          label,
          adapter,
          ms(percentile(without.figures.load, 50)),
          ms(percentile(withExt.figures.load, 50)),
          ms(percentile(withExt.figures.protectedAt, 50)),
          mb(without.figures.heap),
          mb(withExt.figures.heap),
          mb(withExt.figures.heap - without.figures.heap),
        ]);
        const base = await sendTimes(without.page, site);
        const guarded = await sendTimes(withExt.page, site);
        sendRows.push([
          label,
          base.outcomes,
          ms(percentile(base.times, 50)),
          ms(percentile(base.times, 95)),
          guarded.outcomes,
          ms(percentile(guarded.times, 50)),
          ms(percentile(guarded.times, 95)),
          String(guarded.times.length),
        ]);
        await without.page.close();
        await withExt.page.close();
      } catch (error) {
        loadRows.push([label, `failed: ${(error as Error).message.split('\n')[0]}`]);
      }
    }
  } finally {
    await plain.close();
    await session.close();
    await rm(profile, { recursive: true, force: true });
  }

  console.log(`\nPage load, median of ${LOAD_RUNS} loads (ms from navigation start); JS heap after GC, once the page settled (MB)`);
  console.log('heap = V8 JSHeapUsedSize of the page\'s isolate: the page plus, with the extension, the content script\'s isolated world');
  table(['fixture', 'adapter', 'load (no ext)', 'load (ext)', 'protected at', 'heap (no ext)', 'heap (ext)', 'Δ heap'], loadRows);
  console.log(`\nSend with a 100 KB draft holding one personal number, ${SEND_RUNS} sends (ms, in-page, from the first pointer event)`);
  console.log('without the extension: until the page records the send; with it: until the dialog\'s buttons exist');
  table(['fixture', 'no ext: outcome', 'p50', 'p95', 'ext: outcome', 'Send→dialog p50', 'p95', 'runs'], sendRows);
  console.log(`\n(total ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
