/** Debian's Chromium: never a browser downloaded by Playwright (the machines have no network for it). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for headless Chromium as root on a machine with no outside network: without the
 * networking flags Chromium keeps trying (and failing) to reach Google's hosts at every start.
 * With `extensionDir`, exactly that unpacked extension is loaded.
 */
export function chromiumArgs(extensionDir?: string): string[] {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-sync',
    '--disable-component-update',
    '--disable-background-networking',
  ];
}
