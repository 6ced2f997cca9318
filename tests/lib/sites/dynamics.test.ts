import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNRESOLVED_RECIPIENT } from '../../../lib/sites/outlook.ts';
import { pickAdapter } from '../../../lib/sites/registry.ts';
import { adapterView, closeBrowser, editText, openFixture, sentMessages, setDraft, shortcutVerdict, type FixturePage } from './helpers/crm-page.ts';

const URL_ = 'https://acme.crm4.dynamics.com/main.aspx?appid=00000000-0000-0000-0000-000000000001&pagetype=entityrecord&etn=email';
const BODY = 'Hello,\nText me on +1 415 555 0199.\nThanks';
const RTE = { frame: 'iframe[aria-label="Description rich text editor"]', selector: 'body' };
const SEND = '[data-id="email|NoRelationship|Form|Mscrm.Form.email.Send"]';

describe('dynamics adapter', () => {
  let fx: FixturePage;
  beforeEach(async () => {
    fx = await openFixture('dynamics', 'dynamicsAdapter', URL_);
  });
  afterEach(async () => fx.close());
  afterAll(closeBrowser);

  it('serves the regional CRM hosts and no other Dynamics app', () => {
    expect(pickAdapter(URL_, [])?.adapter.name).toBe('dynamics');
    expect(pickAdapter('https://acme.crm.dynamics.com/main.aspx', [])?.adapter.name).toBe('dynamics');
    expect(pickAdapter('https://acme.crm21.dynamics.com/main.aspx', [])?.adapter.name).toBe('dynamics');
    expect(pickAdapter('https://acme.operations.dynamics.com/', [])).toBeNull();
  });

  it('finds the e-mail form; a contact tag shows only a name, so it counts as an outsider', async () => {
    await setDraft(fx.page, { to: [{ name: 'Anna Petrova', email: 'anna@client-corp.com' }, 'buyer@client-corp.com'], cc: ['kate@acme.example'], subject: 'Case 42', body: BODY });
    const view = await adapterView(fx.page);
    expect(view.composers).toBe(1);
    expect(view.editors[0]).toEqual([expect.objectContaining({ kind: 'designMode', tag: 'BODY', inFrame: true })]);
    expect(view.editors[0]![0]!.text).toContain('+1 415 555 0199');
    expect(view.recipients[0]).toEqual({ to: [UNRESOLVED_RECIPIENT, 'buyer@client-corp.com'], cc: ['kate@acme.example'], bcc: [] });
    expect(view.sendControls[0]).toHaveLength(1);
    expect(view.sendControls[0]![0]).toContain('Mscrm.Form.email.Send');
    expect(await shortcutVerdict(fx.page, RTE, { key: 'Enter', ctrlKey: true })).toBe(false);
  });

  it('fixture: the description attribute follows CKEditor input only', async () => {
    await setDraft(fx.page, { to: ['buyer@client-corp.com'], subject: 'Case 42', body: BODY });
    await editText(fx.page, RTE, '+1 415 555 0199', '+1 415 555 0100', true);
    await fx.page.click(SEND);
    await setDraft(fx.page, { to: ['buyer@client-corp.com'], subject: 'Case 42', body: BODY });
    await editText(fx.page, RTE, '+1 415 555 0199', '+1 415 555 0100');
    await fx.page.click(SEND);
    const sent = await sentMessages(fx.page);
    expect(sent.map((m) => m.body)).toEqual([BODY, BODY.replace('+1 415 555 0199', '+1 415 555 0100')]);
  });
});
