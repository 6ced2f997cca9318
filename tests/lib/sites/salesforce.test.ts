import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../lib/sites/registry.ts';
import { adapterView, closeBrowser, editText, openFixture, sentMessages, setDraft, shortcutVerdict, type FixturePage } from './helpers/crm-page.ts';

const URL_ = 'https://acme.lightning.force.com/lightning/r/Case/500Hn00001XyZaBIAV/view';
const BODY = 'Dear Anna,\nplease write to me at ivan.petrov@gmail.com.\nRegards';
const EMAIL_BODY = { frame: 'iframe[title="CK Editor Container"]', nestedFrame: 'iframe[title="Email Body"]', selector: 'body' };
const QUILL = { shadowHost: 'lightning-input-rich-text', selector: '.ql-editor' };

describe('salesforce adapter', () => {
  let fx: FixturePage;
  beforeEach(async () => {
    fx = await openFixture('salesforce', 'salesforceAdapter', URL_);
  });
  afterEach(async () => fx.close());
  afterAll(closeBrowser);

  it('is the adapter for Lightning hosts', () => {
    expect(pickAdapter(URL_, [])?.adapter.name).toBe('salesforce');
    expect(pickAdapter('https://acme.my.salesforce.com/home/home.jsp', [])?.adapter.name).toBe('salesforce');
  });

  it('finds the e-mail action (CKEditor two frames down) and the Chatter post (Quill in a shadow root)', async () => {
    await setDraft(fx.page, { composer: 'email', to: [{ name: 'Anna Petrova', email: 'anna@client-corp.ru' }], bcc: ['boss@acme.example'], subject: 'Case', body: BODY });
    await setDraft(fx.page, { composer: 'post', body: 'Call me on +7 915 111-11-11' });
    const view = await adapterView(fx.page);
    expect(view.composers).toBe(2);
    const [email, post] = view.editors;
    expect(email).toEqual([expect.objectContaining({ kind: 'designMode', tag: 'BODY', inFrame: true })]);
    expect(email![0]!.text).toContain('ivan.petrov@gmail.com');
    expect(post).toEqual([expect.objectContaining({ kind: 'contenteditable', inShadow: true })]);
    expect(post![0]!.text).toContain('+7 915 111-11-11');
    expect(view.recipients[0]).toEqual({ to: ['anna@client-corp.ru'], cc: [], bcc: ['boss@acme.example'] });
    expect(view.recipients[1]).toEqual({ to: [], cc: [], bcc: [] });
    expect(view.sendControls.map((c) => c.length)).toEqual([1, 1]);
    expect(view.sendControls[0]![0]).toContain('Send');
    expect(view.sendControls[1]![0]).toContain('Share');
  });

  it('reads an address typed into the To lookup', async () => {
    await fx.page.fill('#to-input', 'newclient@client-corp.ru');
    const view = await adapterView(fx.page);
    expect(view.recipients[0]!.to).toEqual(['newclient@client-corp.ru']);
  });

  it('treats Ctrl+Enter as send in the Chatter editor only', async () => {
    expect(await shortcutVerdict(fx.page, QUILL, { key: 'Enter', ctrlKey: true })).toBe(true);
    expect(await shortcutVerdict(fx.page, QUILL, { key: 'Enter' })).toBe(false);
    expect(await shortcutVerdict(fx.page, { frame: 'iframe[title="CK Editor Container"]', selector: '#cke_1_contents' }, { key: 'Enter', ctrlKey: true })).toBe(false);
  });

  it('fixture: CKEditor and Quill data follow input events, not silent DOM edits', async () => {
    await setDraft(fx.page, { composer: 'email', to: ['anna@client-corp.ru'], subject: 'Case', body: BODY });
    await editText(fx.page, EMAIL_BODY, 'ivan.petrov@gmail.com', 'sales@acme.example', true);
    await fx.page.click('[data-fixture-send="email"]');
    await setDraft(fx.page, { composer: 'email', to: ['anna@client-corp.ru'], subject: 'Case', body: BODY });
    await editText(fx.page, EMAIL_BODY, 'ivan.petrov@gmail.com', 'sales@acme.example');
    await fx.page.click('[data-fixture-send="email"]');
    await setDraft(fx.page, { composer: 'post', body: 'Call +7 915 111-11-11' });
    await editText(fx.page, QUILL, '+7 915 111-11-11', '+7 495 123-45-67');
    await fx.page.locator('.ql-editor').press('Control+Enter');
    const sent = await sentMessages(fx.page);
    expect(sent.map((m) => [m.composer, m.via, m.body])).toEqual([
      ['email', 'button', BODY],
      ['email', 'button', BODY.replace('ivan.petrov@gmail.com', 'sales@acme.example')],
      ['post', 'shortcut', 'Call +7 495 123-45-67'],
    ]);
  });
});
