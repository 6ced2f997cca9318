import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../lib/sites/registry.ts';
import { adapterView, closeBrowser, editText, openFixture, sentMessages, setDraft, type FixturePage } from './helpers/crm-page.ts';

const URL_ = 'https://crm.zoho.eu/crm/org20071234/tab/Contacts/4876876000000123456';
const BODY = 'Dear Anna,\nmy mobile: +81 90-1234-5678\nKind regards';
const ZEDITOR = { frame: 'iframe.ze_area', selector: 'body' };

describe('zohocrm adapter', () => {
  let fx: FixturePage;
  beforeEach(async () => {
    fx = await openFixture('zohocrm', 'zohocrmAdapter', URL_);
  });
  afterEach(async () => fx.close());
  afterAll(closeBrowser);

  it('serves every Zoho CRM data centre', () => {
    for (const host of ['crm.zoho.com', 'crm.zoho.eu', 'crm.zoho.in', 'crm.zoho.com.au', 'crm.zoho.jp']) {
      expect(pickAdapter(`https://${host}/crm/org1/tab/Leads/2`, [])?.adapter.name).toBe('zohocrm');
    }
  });

  it('finds the Send Email dialog, its ZEditor iframe body, recipients and Send', async () => {
    await setDraft(fx.page, { to: [{ name: 'Anna Petrova', email: 'anna@client-corp.jp' }], cc: ['mgr@acme.example'], subject: 'Quote', body: BODY });
    await fx.page.fill('[data-zcqa="sendMail_to"] input', 'second@client-corp.jp');
    const view = await adapterView(fx.page);
    expect(view.composers).toBe(1);
    expect(view.editors[0]).toEqual([expect.objectContaining({ kind: 'designMode', tag: 'BODY', inFrame: true })]);
    expect(view.editors[0]![0]!.text).toContain('+81 90-1234-5678');
    expect(view.recipients[0]).toEqual({ to: ['anna@client-corp.jp', 'second@client-corp.jp'], cc: ['mgr@acme.example'], bcc: [] });
    expect(view.sendControls[0]![0]).toContain('sendMail_send');
  });

  it('fixture: ZEditor content is read from the iframe when sending', async () => {
    await setDraft(fx.page, { to: ['anna@client-corp.jp'], subject: 'Quote', body: BODY });
    await editText(fx.page, ZEDITOR, '+81 90-1234-5678', '+81 3-1234-5678');
    await fx.page.click('[data-zcqa="sendMail_send"]');
    const sent = await sentMessages(fx.page);
    expect(sent).toEqual([expect.objectContaining({ to: ['anna@client-corp.jp'], subject: 'Quote', body: BODY.replace('+81 90-1234-5678', '+81 3-1234-5678'), via: 'button' })]);
  });
});
