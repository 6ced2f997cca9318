/**
 * The live demo behind `npm start`: Chromium with the built extension on a local compose page,
 * the sample policy applied, a draft with a personal number and a click on Send. With a display the
 * window stays open for you to try Replace / Edit / Send anyway; without one the same flow runs
 * headless and a screenshot of the dialog is saved.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_PATH, chromiumArgs } from '../tests/e2e/helpers/chromium-args.ts';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const extensionDir = join(root, '.output/chrome-mv3');
const headed = Boolean(process.env.DISPLAY) && !process.argv.includes('--headless');
const screenshotPath = resolve(process.env.DEMO_SCREENSHOT ?? join(root, '.output/demo-dialog.png'));

const DRAFT = `Добрый день, Игорь Петрович!

Макет главной страницы отправил вам вчера вечером, жду комментариев до пятницы.
Если что-то срочное — звоните мне напрямую на мобильный: 8-915-111-11-11, Василий.

Спасибо!`;

async function main(): Promise<void> {
  const page = await readFile(join(root, 'scripts/demo/compose.html'));
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/' || req.url?.startsWith('/?') ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(req.url === '/' || req.url?.startsWith('/?') ? page : '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}/`;

  const profile = await mkdtemp(join(tmpdir(), 'channel-guard-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: !headed,
    viewport: { width: 1100, height: 820 },
    args: chromiumArgs(extensionDir),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;

    // The sample policy, applied as local settings (no admin policy on a demo machine), plus this host.
    const policy = JSON.parse(await readFile(join(root, 'samples/policy.json'), 'utf8'));
    policy.sites = [{ match: 'http://127.0.0.1/*', adapter: 'generic' }];
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const result = await options.evaluate(
      (local) => (globalThis as any).chrome.runtime.sendMessage({ type: 'policy/set-local', local }),
      policy,
    );
    if (result && result.ok === false) throw new Error(`the sample policy was refused: ${JSON.stringify(result)}`);
    // Wait until the background registered the content script for 127.0.0.1.
    for (let i = 0; ; i++) {
      const matches: string[] = await worker.evaluate(async () =>
        (await (globalThis as any).chrome.scripting.getRegisteredContentScripts()).flatMap((s: any) => s.matches ?? []),
      );
      if (matches.includes('http://127.0.0.1/*')) break;
      if (i > 100) throw new Error('the extension did not start protecting 127.0.0.1');
      await new Promise((r) => setTimeout(r, 100));
    }
    await options.close();

    const compose = await context.newPage();
    await compose.goto(url);
    await compose.locator('#body').click();
    await compose.locator('#body').pressSequentially(DRAFT, { delay: headed ? 8 : 0 });
    await compose.locator('#send').click();
    const dialog = compose.locator('channel-guard-dialog');
    await dialog.locator('[data-action="replace"]').waitFor({ timeout: 15_000 });
    console.log(`Send was stopped: ChannelGuard found the personal number and offers ${policy.suggestion.phone}.`);

    if (headed) {
      console.log(`Chromium is open on ${url} — try Replace, Edit or Send anyway. Close the window to finish.`);
      await new Promise<void>((r) => context.once('close', () => r()));
      return;
    }
    await compose.screenshot({ path: screenshotPath });
    console.log(`No display: ran headless. Screenshot of the dialog: ${screenshotPath}`);
    await dialog.locator('[data-action="replace"]').click();
    await compose.locator('[data-demo-sent]').waitFor({ state: 'visible', timeout: 15_000 });
    const sent = await compose.locator('[data-demo-sent]').innerText();
    console.log(`After "Replace with corporate contact" the message was sent as:\n${sent.replace(/^Sent:\n/, '')}`);
  } finally {
    await context.close().catch(() => {});
    server.close();
    await rm(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
