import { chromiumExtensionPolicy, generateExtensionKey, launchChromiumWithExtension, prepareChromiumExtension, removeChromiumPolicy, writeChromiumPolicy } from './policy-files';
import { grantHostsAtInstall } from './host-grant';
import { playwrightDriver } from './page-driver';
import { startRoundcube, stopRoundcube, login } from './roundcube';
process.env.CHANNEL_GUARD_CHROME_BUILD = '/work/main/.output/chrome-mv3-rchelper';
const POLICY = { version: 1, organization: 'Acme', defaultRegion: 'RU', corporateDomains: ['acme.example'],
  corporateContacts: { emails: ['sales@acme.example'], phones: ['+7 495 123-45-67'], messengers: [] },
  suggestion: { phone: '+7 495 123-45-67' }, mode: 'warn', sites: [{ match: 'http://127.0.0.1/*', adapter: 'roundcube' }] };
const key = await generateExtensionKey();
const dir = await prepareChromiumExtension(key);
await grantHostsAtInstall(dir, ['http://127.0.0.1/*']);
await writeChromiumPolicy(chromiumExtensionPolicy(key.extensionId, POLICY));
const s = await launchChromiumWithExtension(dir, key.extensionId);
const stack = await startRoundcube({ editor: 'html' });
try {
  await new Promise((r) => setTimeout(r, 1500));
  const page = await s.context.newPage();
  const d = playwrightDriver(page);
  await login(d, stack);
  const t0 = Date.now();
  page.on('request', (r) => console.log(Date.now() - t0, 'REQ', r.method(), r.url().slice(0, 150)));
  page.on('requestfinished', (r) => console.log(Date.now() - t0, 'FIN', r.url().slice(0, 100)));
  page.on('requestfailed', (r) => console.log(Date.now() - t0, 'FAIL', r.url().slice(0, 100), r.failure()?.errorText));
  page.on('console', (m) => console.log('PAGE:', m.text().slice(0, 200)));
  await page.goto(stack.url + '?_task=mail&_action=compose');
  await page.waitForTimeout(6000);
} finally {
  await stopRoundcube(stack); await s.close(); await removeChromiumPolicy();
}
