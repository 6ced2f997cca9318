import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNRESOLVED_RECIPIENT } from '../../../lib/sites/outlook.ts';
import { pickAdapter } from '../../../lib/sites/registry.ts';
import { adapterView, closeBrowser, editText, openFixture, sentMessages, setDraft, type FixturePage } from './helpers/crm-page.ts';

const URL_ = 'https://acme.pipedrive.com/deal/42';
const BODY = 'Hi Anna,\nreach me at jordan.pike@outlook.com any time.\nJordan';
const EDITOR = { selector: '[data-test="mail-composer-body"]' };

describe('pipedrive adapter', () => {
  let fx: FixturePage;
  beforeEach(async () => {
    fx = await openFixture('pipedrive', 'pipedriveAdapter', URL_);
  });
  afterEach(async () => fx.close());
  afterAll(closeBrowser);

  it('serves company subdomains of pipedrive.com', () => {
    expect(pickAdapter(URL_, [])?.adapter.name).toBe('pipedrive');
  });

  it('finds the mail composer, its body, To/Cc/Bcc and Send', async () => {
    await setDraft(fx.page, { to: [{ name: 'Anna Petrova', email: 'anna@client-corp.com' }, { name: 'Bob Stone', email: '' }], bcc: ['jordan@acme.example'], subject: 'Renewal', body: BODY });
    const view = await adapterView(fx.page);
    expect(view.composers).toBe(1);
    expect(view.editors[0]).toEqual([expect.objectContaining({ kind: 'contenteditable' })]);
    expect(view.editors[0]![0]!.text).toContain('jordan.pike@outlook.com');
    expect(view.recipients[0]).toEqual({ to: ['anna@client-corp.com', UNRESOLVED_RECIPIENT], cc: [], bcc: ['jordan@acme.example'] });
    expect(view.sendControls[0]![0]).toContain('mail-composer-send-button');
  });

  it('fixture: the React state follows input events only', async () => {
    await setDraft(fx.page, { to: ['anna@client-corp.com'], subject: 'Renewal', body: BODY });
    await editText(fx.page, EDITOR, 'jordan.pike@outlook.com', 'sales@acme.example', true);
    await fx.page.click('[data-test="mail-composer-send-button"]');
    await setDraft(fx.page, { to: ['anna@client-corp.com'], subject: 'Renewal', body: BODY });
    await editText(fx.page, EDITOR, 'jordan.pike@outlook.com', 'sales@acme.example');
    await fx.page.click('[data-test="mail-composer-send-button"]');
    const sent = await sentMessages(fx.page);
    expect(sent.map((m) => m.body)).toEqual([BODY, BODY.replace('jordan.pike@outlook.com', 'sales@acme.example')]);
  });
});
