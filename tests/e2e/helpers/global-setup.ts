import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Builds the Chrome extension once per run and freezes a private copy, so a concurrent
 * `wxt build` (another terminal, another suite) cannot change the extension under a running test.
 * Helpers read the copy from CHANNEL_GUARD_CHROME_BUILD (policy-files.ts, extension.ts). A build
 * given in that variable already is used as is.
 */
export default function globalSetup(): void {
  if (process.env.CHANNEL_GUARD_CHROME_BUILD && existsSync(join(process.env.CHANNEL_GUARD_CHROME_BUILD, 'manifest.json'))) return;
  const root = resolve(import.meta.dirname, '../../..');
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });
  const copy = mkdtempSync(join(tmpdir(), 'channel-guard-chrome-build-'));
  cpSync(join(root, '.output/chrome-mv3'), copy, { recursive: true });
  process.env.CHANNEL_GUARD_CHROME_BUILD = copy;
}
