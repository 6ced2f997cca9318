import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { chromiumArgs } from './chromium-args.ts';

/**
 * Real enterprise policy files for browser tests, and a Chromium with the built extension under a
 * fixed id (a throw-away key, never committed). Every file a test writes is removed in `finally`,
 * and once more at process exit in case a test was killed mid-way.
 */

const run = promisify(execFile);
const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
/**
 * One file per test process: Chromium reads every file in the directory, so suites run at the same
 * time (each with its own extension id) do not overwrite each other's policy.
 */
export const CHROMIUM_POLICY_FILE = join(CHROMIUM_POLICY_DIR, `channel-guard-test-${process.pid}.json`);

const written = new Set<string>();
process.once('exit', () => {
  for (const file of written) rmSync(file, { force: true });
});

/** Writes the Chromium policy file; a string is written as is (to test unparsable files). */
export async function writeChromiumPolicy(content: unknown): Promise<void> {
  await mkdir(CHROMIUM_POLICY_DIR, { recursive: true });
  written.add(CHROMIUM_POLICY_FILE);
  // Write-then-rename so Chromium's directory watcher never reads a half-written file.
  const temp = `${CHROMIUM_POLICY_FILE}.tmp`;
  await writeFile(temp, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  await run('mv', ['-f', temp, CHROMIUM_POLICY_FILE]);
}

export async function removeChromiumPolicy(): Promise<void> {
  await rm(CHROMIUM_POLICY_FILE, { force: true });
  await rm(`${CHROMIUM_POLICY_FILE}.tmp`, { force: true });
  written.delete(CHROMIUM_POLICY_FILE);
}

/** `{"3rdparty":{"extensions":{"<id>": settings}}}` — what `channel-guard policy export --format chrome` writes. */
export function chromiumExtensionPolicy(extensionId: string, settings: unknown, extra: Record<string, unknown> = {}) {
  return { ...extra, '3rdparty': { extensions: { [extensionId]: settings } } };
}

export interface ExtensionKey {
  dir: string;
  pemPath: string;
  /** Base64 DER public key for the manifest's `key`. */
  manifestKey: string;
  extensionId: string;
}

export async function generateExtensionKey(): Promise<ExtensionKey> {
  const dir = await mkdtemp(join(tmpdir(), 'channel-guard-key-'));
  const pemPath = join(dir, 'key.pem');
  await run('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', pemPath]);
  const { stdout } = await run('openssl', ['pkey', '-in', pemPath, '-pubout', '-outform', 'DER'], { encoding: 'buffer' });
  const der = stdout as unknown as Buffer;
  const { createHash } = await import('node:crypto');
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  const extensionId = [...hex].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
  return { dir, pemPath, manifestKey: der.toString('base64'), extensionId };
}

/**
 * A private copy of the Chrome build with the key patched in (no rebuild). The build comes from
 * `CHANNEL_GUARD_CHROME_BUILD` or `.output/chrome-mv3` (the test script builds it first).
 */
export async function prepareChromiumExtension(key: ExtensionKey): Promise<string> {
  const built = process.env.CHANNEL_GUARD_CHROME_BUILD ?? join(REPO_ROOT, '.output/chrome-mv3');
  if (!existsSync(join(built, 'manifest.json'))) throw new Error(`no Chrome build at ${built}: run npx wxt build`);
  const copy = await mkdtemp(join(tmpdir(), 'channel-guard-chrome-ext-'));
  await cp(built, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  await writeFile(manifestPath, JSON.stringify({ ...manifest, key: key.manifestKey }));
  return copy;
}

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  profile: string;
  /** `keepProfile` to start the same profile again (a browser restart). */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export async function launchChromiumWithExtension(
  extensionDir: string,
  expectedId: string,
  options: { profile?: string } = {},
): Promise<ChromiumSession> {
  const profile = options.profile ?? (await mkdtemp(join(tmpdir(), 'channel-guard-profile-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_EXECUTABLE,
    headless: true,
    args: chromiumArgs(extensionDir),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  if (extensionId !== expectedId) {
    await context.close();
    throw new Error(`extension id ${extensionId}, expected ${expectedId} from the manifest key`);
  }
  return {
    context,
    extensionId,
    profile,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) await rm(profile, { recursive: true, force: true });
    },
  };
}

/** chrome://policy's "Reload policies" applies a rewritten file in ~0.2 s instead of the watcher's ~5 s. */
export async function reloadChromiumPolicies(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://policy');
    await page.locator('#reload-policies').click();
  } finally {
    await page.close();
  }
}

export async function openOptionsPage(session: ChromiumSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  return page;
}
