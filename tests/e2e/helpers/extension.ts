import type { BrowserContext, Page, Worker } from '@playwright/test';
import { chromium } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { PolicyInput } from '../../../lib/policy/schema.ts';
import { generateExtensionKey, type ExtensionKey } from './policy-files.ts';
import { chromiumArgs } from './chromium-args.ts';

/**
 * Chromium with the built extension, a managed policy, and fixture pages served at the sites'
 * real URLs (so the manifest's matches and the policy's runtime-registered hosts are exercised).
 * Other suites reuse `launchWithExtension`, `routeFixture` and `openFixture`.
 */

const run = promisify(execFile);
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const FIXTURE_DIR = join(REPO_ROOT, 'tests/fixtures/sites');
const POLICY_DIR = '/etc/chromium/policies/managed';

const written = new Set<string>();
process.once('exit', () => {
  for (const f of written) rmSync(f, { force: true });
});

/** The policy the compose tests run with: Acme, RU numbers, a corporate suggestion for every kind. */
export const TEST_POLICY: PolicyInput = {
  version: 1,
  organization: 'Acme (compose e2e)',
  defaultRegion: 'RU',
  corporateDomains: ['acme.example', 'acme-group.example'],
  corporateContacts: {
    emails: ['sales@acme.example', 'support@acme.example'],
    phones: ['+7 495 123-45-67', '+7 800 555-35-35'],
    messengers: ['telegram:acme_support'],
  },
  suggestion: { email: 'sales@acme.example', phone: '+7 495 123-45-67', messenger: 'telegram:acme_support' },
  mode: 'warn',
  justificationMinLength: 10,
  explanation: { en: 'Acme keeps every client conversation on company channels.', ru: 'Acme ведёт переписку с клиентами только через рабочие каналы.' },
  policyUrl: 'https://intranet.acme.example/policies/client-contacts',
  sites: [
    { match: 'https://mail.acme.example/*', adapter: 'roundcube' },
    { match: 'https://crm.acme.example/*', adapter: 'generic' },
  ],
};

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Replaces the managed policy and waits until the extension runs with it. */
  setPolicy(policy: PolicyInput): Promise<void>;
  /** Audit events written so far (read from the background's database). */
  auditEvents(): Promise<{ decision: string; justification?: string; site: string; findings: { kind: string }[] }[]>;
  close(): Promise<void>;
}

async function frozenBuild(): Promise<string> {
  const built = process.env.CHANNEL_GUARD_CHROME_BUILD ?? join(REPO_ROOT, '.output/chrome-mv3');
  if (!existsSync(join(built, 'manifest.json'))) throw new Error(`no Chrome build at ${built}: run npx wxt build`);
  return built;
}

async function writePolicyFile(file: string, key: ExtensionKey, policy: PolicyInput): Promise<void> {
  await mkdir(POLICY_DIR, { recursive: true });
  written.add(file);
  const temp = `${file}.tmp`;
  await writeFile(temp, JSON.stringify({ '3rdparty': { extensions: { [key.extensionId]: policy } } }, null, 2));
  await rename(temp, file);
}

export async function launchWithExtension(options: { policy?: PolicyInput; locale?: string } = {}): Promise<ExtensionSession> {
  const policy = options.policy ?? TEST_POLICY;
  const key = await generateExtensionKey();
  const extensionDir = await mkdtemp(join(tmpdir(), 'channel-guard-compose-ext-'));
  await cp(await frozenBuild(), extensionDir, { recursive: true });
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  await writeFile(manifestPath, JSON.stringify({ ...manifest, key: key.manifestKey }));
  // A file of our own (keyed by this run's extension id) never disturbs another suite's policy.
  const policyFile = join(POLICY_DIR, `channel-guard-compose-${key.extensionId}.json`);
  await writePolicyFile(policyFile, key, policy);

  const profile = await mkdtemp(join(tmpdir(), 'channel-guard-compose-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    locale: options.locale ?? 'en-US',
    args: chromiumArgs(extensionDir),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  if (extensionId !== key.extensionId) {
    await context.close();
    rmSync(policyFile, { force: true });
    throw new Error(`extension id ${extensionId}, expected ${key.extensionId}`);
  }

  const waitForPolicy = async (organization: string, mode: string | undefined): Promise<void> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const state = (await worker.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
        return (await c.storage.local.get('policy.state'))['policy.state'] as { policy?: { organization?: string; mode?: string } } | undefined;
      })) ?? {};
      if (state.policy?.organization === organization && (!mode || state.policy.mode === mode)) break;
      if (Date.now() > deadline) throw new Error(`managed policy "${organization}" never arrived (state: ${JSON.stringify(state).slice(0, 300)})`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // The background registers content scripts for the policy's hosts right after.
    const hosts = (policyNow.sites ?? []).map((s) => s.match);
    if (hosts.length) {
      const deadline2 = Date.now() + 10_000;
      for (;;) {
        const matches = await worker.evaluate(async () => {
          const c = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } } }).chrome;
          return (await c.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []);
        });
        if (hosts.every((h) => matches.includes(h))) break;
        if (Date.now() > deadline2) throw new Error(`content scripts not registered for ${hosts.join(', ')} (have ${matches.join(', ')})`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };

  let policyNow = policy;
  await waitForPolicy(policy.organization, policy.mode);

  return {
    context,
    extensionId,
    worker,
    async setPolicy(next) {
      policyNow = next;
      await writePolicyFile(policyFile, key, next);
      const page = await context.newPage();
      try {
        await page.goto('chrome://policy');
        await page.locator('#reload-policies').click();
      } finally {
        await page.close();
      }
      await waitForPolicy(next.organization, next.mode);
    },
    async auditEvents() {
      return worker.evaluate(async () => {
        const open = indexedDB.open('channel-guard-audit');
        const db: IDBDatabase = await new Promise((res, rej) => {
          open.onsuccess = () => res(open.result);
          open.onerror = () => rej(open.error);
        });
        try {
          if (!db.objectStoreNames.contains('events')) return [];
          const tx = db.transaction('events', 'readonly');
          const req = tx.objectStore('events').getAll();
          return await new Promise<never[]>((res, rej) => {
            req.onsuccess = () => res(req.result as never[]);
            req.onerror = () => rej(req.error);
          });
        } finally {
          db.close();
        }
      });
    },
    async close() {
      // The policy file is machine-wide: remove it even if the browser fails to close cleanly.
      try {
        await context.close();
      } finally {
        rmSync(policyFile, { force: true });
        written.delete(policyFile);
        await rm(profile, { recursive: true, force: true });
        await rm(extensionDir, { recursive: true, force: true });
        await rm(key.dir, { recursive: true, force: true });
      }
    },
  };
}

/** Serves `tests/fixtures/sites/<file>` for every request to `url`'s origin+path (any query/hash). */
export async function routeFixture(context: BrowserContext, url: string, file: string): Promise<void> {
  const target = new URL(url);
  const body = await readFile(join(FIXTURE_DIR, file), 'utf8');
  await context.route(
    (u) => u.origin === target.origin && u.pathname === target.pathname,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
  );
  // Anything else on that host (favicon, XHR) answers 404 instead of leaving the sandbox.
  await context.route(
    (u) => u.origin === target.origin && u.pathname !== target.pathname,
    (route) => route.fulfill({ status: 404, body: '' }),
  );
}

/** Opens a fixture at a site's real URL and waits until our content script has found a composer. */
export async function openFixture(context: BrowserContext, url: string, file: string, options: { waitForGuard?: boolean } = {}): Promise<Page> {
  await routeFixture(context, url, file);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as unknown as { fixture?: unknown }).fixture === 'object');
  if (options.waitForGuard !== false) await waitForGuard(page);
  return page;
}

/** The guard marks `<html data-channel-guard="<adapter>">` once it protects the page. */
export async function waitForGuard(page: Page, adapter?: string): Promise<void> {
  await page.waitForSelector(adapter ? `html[data-channel-guard="${adapter}"]` : 'html[data-channel-guard]', { state: 'attached', timeout: 15_000 });
}

export async function sentMessages(page: Page): Promise<{ to: string[]; cc: string[]; bcc: string[]; subject: string; body: string; via: string }[]> {
  return page.evaluate(() => (window as unknown as { sentMessages: never[] }).sentMessages);
}

export { run as execFileAsync };
