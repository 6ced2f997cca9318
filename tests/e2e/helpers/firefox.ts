import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { z } from 'zod';

/**
 * Firefox ESR with the built extension, driven by puppeteer-core over WebDriver BiDi (Playwright
 * cannot drive stock Firefox). The specs still run under @playwright/test's runner.
 */

export const FIREFOX_EXECUTABLE = '/usr/bin/firefox-esr';
/** Firefox reads enterprise policies from here, at start-up only. */
export const FIREFOX_POLICY_FILE = '/etc/firefox/policies/policies.json';
const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const BUILT_FIREFOX_DIR = join(REPO_ROOT, '.output/firefox-mv2');
/** A fixed internal UUID, so moz-extension:// URLs are known before the extension starts. */
export const FIXED_EXTENSION_UUID = '5d1e6c2a-7b3f-4c8e-9a10-2f4b6d8e0c11';
const run = promisify(execFile);

const ManifestSchema = z.object({
  browser_specific_settings: z.object({ gecko: z.object({ id: z.string().min(1) }) }),
});

export interface FirefoxSession {
  browser: Browser;
  geckoId: string;
  extensionUuid: string;
  /** `moz-extension://<uuid>/` */
  extensionBaseUrl: string;
  close(): Promise<void>;
}

/**
 * A private copy of the Firefox build: specs running in parallel (or a rebuild by someone else) must
 * not change the extension under a running browser. The build comes from `CHANNEL_GUARD_FIREFOX_BUILD`
 * or `.output/firefox-mv2` (the test script builds it first); `build: true` runs `wxt build -b firefox` first.
 */
export async function prepareFirefoxExtension(options: { build?: boolean } = {}): Promise<string> {
  if (options.build) await run('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: REPO_ROOT, timeout: 120_000 });
  const built = process.env.CHANNEL_GUARD_FIREFOX_BUILD ?? BUILT_FIREFOX_DIR;
  if (!existsSync(join(built, 'manifest.json'))) throw new Error(`no Firefox build at ${built}: run npx wxt build -b firefox`);
  const copy = await mkdtemp(join(tmpdir(), 'channel-guard-firefox-ext-'));
  await cp(built, copy, { recursive: true });
  return copy;
}

export async function readGeckoId(extensionDir: string): Promise<string> {
  const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')));
  return manifest.browser_specific_settings.gecko.id;
}

export async function launchFirefoxWithExtension(options: {
  extensionDir: string;
  extraPrefs?: Record<string, unknown>;
  headless?: boolean;
}): Promise<FirefoxSession> {
  const geckoId = await readGeckoId(options.extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_EXECUTABLE,
    headless: options.headless ?? true,
    args: ['--remote-allow-system-access'],
    // Desktop layout: under ~1200 px Roundcube's elastic skin hides the folder list and side panels.
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIXED_EXTENSION_UUID }),
      // Optional host permissions an extension asks for are granted without a doorhanger nobody can click.
      'extensions.webextOptionalPermissionPrompts': false,
      ...options.extraPrefs,
    },
  });
  try {
    await browser.installExtension(options.extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    browser,
    geckoId,
    extensionUuid: FIXED_EXTENSION_UUID,
    extensionBaseUrl: `moz-extension://${FIXED_EXTENSION_UUID}/`,
    close: () => browser.close(),
  };
}

/**
 * Opens an extension page. `page.goto('moz-extension://…')` never resolves over BiDi, so the
 * navigation is started without waiting and the page is ready once `readySelector` shows.
 */
export async function openExtensionPage(session: FirefoxSession, path: string, readySelector: string): Promise<Page> {
  const page = await session.browser.newPage();
  void page.goto(new URL(path, session.extensionBaseUrl).href).catch(() => undefined);
  await page.waitForSelector(readySelector, { timeout: 15_000 });
  return page;
}

export interface FixtureRoute {
  /** Requests whose URL starts with this prefix get `body`. */
  urlPrefix: string;
  body: string;
  contentType?: string;
}

/**
 * Serves fixture pages at real site URLs, so the manifest's real match patterns decide injection.
 * Only navigations are answered from fixtures; everything else goes to the network as usual (e.g.
 * loopback Roundcube). Calling `request.resourceType()` here throws over BiDi and kills Node, hence
 * `isNavigationRequest()`.
 */
export async function serveFixtures(page: Page, routes: readonly FixtureRoute[]): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const route = request.isNavigationRequest() ? routes.find((r) => request.url().startsWith(r.urlPrefix)) : undefined;
    const settle = route
      ? request.respond({ status: 200, contentType: route.contentType ?? 'text/html; charset=utf-8', body: route.body })
      : request.continue();
    void settle.catch(() => undefined);
  });
}

/**
 * Writes Firefox's enterprise policy with `3rdparty` settings for the extension (what an admin
 * deploys; reaches `browser.storage.managed`). Firefox reads it only at start-up: call before
 * `launchFirefoxWithExtension`. Returns the clean-up, which restores whatever file was there.
 */
export async function writeFirefoxManagedPolicy(geckoId: string, settings: unknown): Promise<() => Promise<void>> {
  const previous = await readFile(FIREFOX_POLICY_FILE, 'utf8').catch(() => undefined);
  await mkdir(dirname(FIREFOX_POLICY_FILE), { recursive: true });
  const policies = { policies: { '3rdparty': { Extensions: { [geckoId]: settings } } } };
  await writeFile(FIREFOX_POLICY_FILE, `${JSON.stringify(policies, null, 2)}\n`);
  return async () => {
    if (previous === undefined) await rm(FIREFOX_POLICY_FILE, { force: true });
    else await writeFile(FIREFOX_POLICY_FILE, previous);
  };
}
