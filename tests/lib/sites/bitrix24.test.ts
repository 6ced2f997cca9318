import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../lib/sites/registry.ts';
import { adapterView, closeBrowser, editText, openFixture, sentMessages, setDraft, shortcutVerdict, type FixturePage } from './helpers/crm-page.ts';

const URL_ = 'https://acme.bitrix24.ru/crm/deal/details/42/';
const BODY = 'Добрый день!\nМой личный: 8 915 111-11-11\nС уважением';
const LHE = { frame: 'iframe.bx-editor-iframe', selector: 'body' };
const CHAT = { selector: 'textarea.bx-messenger-textarea-input' };

describe('bitrix24 adapter', () => {
  let fx: FixturePage;
  beforeEach(async () => {
    fx = await openFixture('bitrix24', 'bitrix24Adapter', URL_);
  });
  afterEach(async () => fx.close());
  afterAll(closeBrowser);

  it('serves cloud portals built in and a self-hosted box through the policy', () => {
    expect(pickAdapter(URL_, [])?.adapter.name).toBe('bitrix24');
    expect(pickAdapter('https://acme.bitrix24.com/crm/deal/details/42/', [])?.adapter.name).toBe('bitrix24');
    expect(pickAdapter('https://crm.acme-box.example/crm/deal/details/42/', [])).toBeNull();
    expect(pickAdapter('https://crm.acme-box.example/crm/deal/details/42/', [{ match: 'https://crm.acme-box.example/*', adapter: 'bitrix24' }])?.adapter.name).toBe('bitrix24');
  });

  it('finds the CRM e-mail form (BX editor iframe) and the Open Channel chat (textarea)', async () => {
    await setDraft(fx.page, { to: [{ name: 'Анна Петрова', email: 'anna@client-corp.ru' }], cc: ['oleg@acme.example'], subject: 'КП', body: BODY });
    await setDraft(fx.page, { composer: 'chat', body: 'пишите в telegram @ivan_private' });
    const view = await adapterView(fx.page);
    expect(view.composers).toBe(2);
    expect(view.editors[0]).toEqual([expect.objectContaining({ kind: 'designMode', tag: 'BODY', inFrame: true })]);
    expect(view.editors[0]![0]!.text).toContain('8 915 111-11-11');
    expect(view.editors[1]).toEqual([expect.objectContaining({ kind: 'textarea', text: 'пишите в telegram @ivan_private' })]);
    expect(view.recipients[0]).toEqual({ to: ['anna@client-corp.ru'], cc: ['oleg@acme.example'], bcc: [] });
    expect(view.recipients[1]).toEqual({ to: [], cc: [], bcc: [] });
    expect(view.sendControls[0]![0]).toContain('crm-task-list-mail-reply-button');
    expect(view.sendControls[1]![0]).toContain('bx-messenger-textarea-send-button');
  });

  it('knows both keyboard sends: Ctrl+Enter in the e-mail editor, Enter in the chat', async () => {
    expect(await shortcutVerdict(fx.page, LHE, { key: 'Enter', ctrlKey: true })).toBe(true);
    expect(await shortcutVerdict(fx.page, LHE, { key: 'Enter' })).toBe(false);
    expect(await shortcutVerdict(fx.page, CHAT, { key: 'Enter' })).toBe(true);
    expect(await shortcutVerdict(fx.page, CHAT, { key: 'Enter', shiftKey: true })).toBe(false);
  });

  it('fixture: the e-mail is read from the iframe at send time, the chat from its textarea', async () => {
    await setDraft(fx.page, { to: ['anna@client-corp.ru'], subject: 'КП', body: BODY });
    await editText(fx.page, LHE, '8 915 111-11-11', '+7 495 123-45-67');
    await fx.page.frameLocator('iframe.bx-editor-iframe').locator('body').press('Control+Enter');
    await setDraft(fx.page, { composer: 'chat', body: 'звоните 8 915 111-11-11' });
    await editText(fx.page, CHAT, '8 915 111-11-11', '+7 495 123-45-67');
    await fx.page.locator(CHAT.selector).press('Enter');
    const sent = await sentMessages(fx.page);
    expect(sent.map((m) => [m.composer, m.via, m.body])).toEqual([
      ['email', 'shortcut', BODY.replace('8 915 111-11-11', '+7 495 123-45-67')],
      ['chat', 'shortcut', 'звоните +7 495 123-45-67'],
    ]);
  });
});
