/**
 * Browser benchmark (issue 4), printed, never asserted. Run: `npx tsx bench/browser.ts`.
 *
 *  1. Send → dialog (flagged draft) and Send → real send (clean draft) for 1 KB, 100 KB and 1 MB
 *     drafts in the Gmail fixture, p50/p95, with and without the extension, in the same run.
 *  2. Keystroke → paint latency while typing in a 100 KB draft, with and without the extension.
 *  3. First Send at the moment the content script starts, before its on-demand half (detector and
 *     dialog, /compose-ui.js) has been injected: the held send's extra wait.
 *  4. Size of each built content script, and of the on-demand /compose-ui.js.
 *
 * Uses the Chrome build from CHANNEL_GUARD_CHROME_BUILD or .output/chrome-mv3 (npm run bench builds it).
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, routeFixture } from '../tests/e2e/helpers/extension.ts';
import { measureSend } from './measure-send.ts';

const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox';
const SIZES: [string, number, number][] = [
  ['1 KB', 1_000, 30],
  ['100 KB', 100_000, 20],
  ['1 MB', 1_000_000, 8],
];
const PERSONAL = '+7 915 111-11-11';

function htmlDraft(bytes: number, flagged: boolean): string {
  const line = '<div>Добрый день! Отправляю договор и счёт № 2025-118 на сумму 1 500 000 руб., жду ваших комментариев до пятницы.</div>';
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    parts.push(line);
    size += line.length;
  }
  if (flagged) parts.splice(Math.floor(parts.length / 2), 0, `<div>Мой номер: ${PERSONAL}</div>`);
  return parts.join('');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'n/a');

async function openGmail(context: BrowserContext, withExtension: boolean): Promise<Page> {
  await routeFixture(context, GMAIL_URL, 'gmail.html');
  const page = await context.newPage();
  // tsx keeps function names with an `__name` helper that page.evaluate bodies would not find.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.goto(GMAIL_URL);
  if (withExtension) await page.waitForSelector('html[data-channel-guard]', { state: 'attached' });
  return page;
}

/**
 * cold: the draft changed right before Send (the scan runs inside the click);
 * warm: the user paused after typing, so the typing marker's idle scan already read this draft.
 */
async function sendBench(page: Page, label: string, withExtension: boolean, rows: string[][]): Promise<void> {
  for (const [name, bytes, runs] of SIZES) {
    for (const flagged of [true, false]) {
      const body = htmlDraft(bytes, flagged);
      for (const temperature of withExtension ? (['cold', 'warm'] as const) : (['-'] as const)) {
        const times: number[] = [];
        const outcomes = new Set<string>();
        for (let i = 0; i < runs; i += 1) {
          await page.evaluate(
            ([b]) => (window as unknown as { fixture: { setDraft(d: unknown): void } }).fixture.setDraft({ to: ['ivanov@client-corp.ru'], body: b }),
            [body] as const,
          );
          if (temperature === 'warm') {
            await page.evaluate(() => document.querySelector('#compose div[aria-label="Message Body"]')!.dispatchEvent(new Event('input', { bubbles: true })));
            await page.waitForTimeout(bytes >= 1_000_000 ? 1200 : 600);
          }
          const r = await measureSend(page, '#compose div.T-I.aoO');
          outcomes.add(r.outcome);
          if (Number.isFinite(r.ms)) times.push(r.ms);
          await page.waitForTimeout(30);
        }
        rows.push([label, name, flagged ? 'flagged' : 'clean', temperature, [...outcomes].join('/'), fmt(percentile(times, 50)), fmt(percentile(times, 95)), String(times.length)]);
      }
    }
  }
}

/**
 * A fresh tab per run; the page presses Send in the microtask in which the guard marks <html>, when
 * the detector cannot be there yet, and times until the dialog's buttons exist or the send happened.
 */
async function firstSendBench(context: BrowserContext, rows: string[][]): Promise<void> {
  await routeFixture(context, GMAIL_URL, 'gmail.html');
  for (const flagged of [true, false]) {
    const times: number[] = [];
    const outcomes = new Set<string>();
    for (let i = 0; i < 8; i += 1) {
      const page = await context.newPage();
      await page.addInitScript({ content: 'window.__name = (f) => f;' });
      await page.addInitScript(
        ([body]) => {
          const w = window as unknown as { fixture: { setDraft(d: unknown): void }; sentMessages: unknown[]; firstSend?: { ms: number; outcome: string } };
          document.addEventListener('DOMContentLoaded', () => w.fixture.setDraft({ to: ['ivanov@client-corp.ru'], body }));
          const observer = new MutationObserver(() => {
            if (!document.documentElement?.hasAttribute('data-channel-guard')) return;
            observer.disconnect();
            const button = document.querySelector('#compose div.T-I.aoO')!;
            const r = button.getBoundingClientRect();
            const at = { bubbles: true, cancelable: true, composed: true, clientX: r.x + 5, clientY: r.y + 5, button: 0, view: window };
            const t0 = performance.now();
            button.dispatchEvent(new PointerEvent('pointerdown', { ...at, buttons: 1 }));
            button.dispatchEvent(new MouseEvent('mousedown', { ...at, buttons: 1 }));
            button.dispatchEvent(new PointerEvent('pointerup', at));
            button.dispatchEvent(new MouseEvent('mouseup', at));
            button.dispatchEvent(new MouseEvent('click', at));
            const channel = new MessageChannel();
            const poll = (): void => {
              if (w.sentMessages.length > 0) w.firstSend = { ms: performance.now() - t0, outcome: 'sent' };
              else if (document.querySelector('channel-guard-dialog')?.shadowRoot?.querySelector('[data-action="replace"]')) w.firstSend = { ms: performance.now() - t0, outcome: 'dialog' };
              else if (performance.now() - t0 > 10_000) w.firstSend = { ms: NaN, outcome: 'none' };
              else channel.port2.postMessage(0);
            };
            channel.port1.onmessage = poll;
            poll();
          });
          observer.observe(document, { attributes: true, subtree: true, attributeFilter: ['data-channel-guard'] });
        },
        [htmlDraft(1_000, flagged)] as const,
      );
      await page.goto(GMAIL_URL);
      const r = await page.waitForFunction(() => (window as unknown as { firstSend?: { ms: number; outcome: string } }).firstSend, undefined, { timeout: 15_000 });
      const { ms, outcome } = (await r.jsonValue())!;
      outcomes.add(outcome);
      if (Number.isFinite(ms)) times.push(ms);
      await page.close();
    }
    rows.push(['with extension', '1 KB', flagged ? 'flagged' : 'clean', [...outcomes].join('/'), fmt(percentile(times, 50)), fmt(percentile(times, 95)), String(times.length)]);
  }
}

/** Keystroke → next paint: keydown timestamp to the first animation frame after the input. */
async function typingBench(page: Page, label: string, rows: string[][]): Promise<void> {
  await page.evaluate(
    ([body]) => (window as unknown as { fixture: { setDraft(d: unknown): void } }).fixture.setDraft({ to: ['ivanov@client-corp.ru'], body }),
    [htmlDraft(100_000, true)] as const,
  );
  await page.evaluate(() => {
    const w = window as unknown as { latencies: number[] };
    w.latencies = [];
    document.addEventListener(
      'keydown',
      (e) => {
        const start = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => w.latencies.push(performance.now() - start), 0));
      },
      true,
    );
  });
  await page.locator('#compose div[aria-label="Message Body"]').click();
  await page.keyboard.press('End');
  // Bursts with pauses, as people type: the pauses let the marker's idle scan run between bursts.
  for (let burst = 0; burst < 6; burst += 1) {
    for (let i = 0; i < 15; i += 1) await page.keyboard.type('a', { delay: 40 });
    await page.waitForTimeout(450);
  }
  const latencies = await page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
  rows.push([label, fmt(percentile(latencies, 50)), fmt(percentile(latencies, 95)), fmt(Math.max(...latencies)), String(latencies.length)]);
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

async function main(): Promise<void> {
  const sendRows: string[][] = [];
  const typingRows: string[][] = [];
  const firstSendRows: string[][] = [];

  const session = await launchWithExtension();
  const profile = await mkdtemp(join(tmpdir(), 'channel-guard-bench-plain-'));
  const plain = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync', '--disable-component-update', '--disable-background-networking'],
  });
  try {
    const withPage = await openGmail(session.context, true);
    const withoutPage = await openGmail(plain, false);
    await sendBench(withoutPage, 'without extension', false, sendRows);
    await sendBench(withPage, 'with extension', true, sendRows);
    await typingBench(await openGmail(plain, false), 'without extension', typingRows);
    await typingBench(await openGmail(session.context, true), 'with extension', typingRows);
    await firstSendBench(session.context, firstSendRows);
  } finally {
    await plain.close();
    await session.close();
    await rm(profile, { recursive: true, force: true });
  }

  console.log('\nSend → dialog (flagged) / Send → page send (clean), Gmail fixture, in-page time from pointerdown');
  console.log('scan: cold = draft changed just before Send (scanned inside the click); warm = typing marker already scanned it');
  table(['browser', 'draft', 'content', 'scan', 'outcome', 'p50', 'p95', 'runs'], sendRows);
  console.log('\nFirst Send at the moment the content script starts (detector and dialog still being injected)');
  table(['browser', 'draft', 'content', 'outcome', 'p50', 'p95', 'runs'], firstSendRows);
  console.log('\nKeystroke → next frame while typing in a 100 KB draft (bursts of 15 keys, 450 ms pauses)');
  table(['browser', 'p50', 'p95', 'max', 'keys'], typingRows);

  const build = process.env.CHANNEL_GUARD_CHROME_BUILD ?? '.output/chrome-mv3';
  const dir = join(build, 'content-scripts');
  console.log(`\nContent scripts in ${dir} (minified; goal < 250 KB)`);
  if (existsSync(dir)) {
    const size = (file: string) => `${(statSync(file).size / 1024).toFixed(1)} KB`;
    const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
    const onDemand = join(build, 'compose-ui.js');
    table(['file', 'size', 'loaded'], [
      ...scripts.map((f) => [f, size(join(dir, f)), 'on every page of a protected site']),
      ...(existsSync(onDemand) ? [['compose-ui.js', size(onDemand), 'injected when a composer appears (detector + dialog)']] : []),
    ]);
  } else console.log('(no build found: run npx wxt build)');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
