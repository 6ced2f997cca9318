import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNRESOLVED_RECIPIENT } from '../../../lib/sites/outlook.ts';
import { pickAdapter } from '../../../lib/sites/registry.ts';
import { adapterView, closeBrowser, editText, openFixture, sentMessages, setDraft, shortcutVerdict, type FixturePage } from './helpers/crm-page.ts';

const URL_ = 'https://acme.amocrm.ru/leads/detail/1234';
const BODY = 'Анна, добрый день!\nМой WhatsApp +7 915 111-11-11\nОлег';
const AREA = { selector: '.control-contenteditable__area' };

describe('amocrm adapter', () => {
  let fx: FixturePage;
  beforeEach(async () => {
    fx = await openFixture('amocrm', 'amocrmAdapter', URL_);
  });
  afterEach(async () => fx.close());
  afterAll(closeBrowser);

  it('serves amoCRM and Kommo hosts', () => {
    expect(pickAdapter(URL_, [])?.adapter.name).toBe('amocrm');
    expect(pickAdapter('https://acme.kommo.com/leads/detail/1234', [])?.adapter.name).toBe('amocrm');
  });

  it('finds the feed composer; the chat contact has no address, so it counts as an outsider', async () => {
    await setDraft(fx.page, { body: BODY });
    const view = await adapterView(fx.page);
    expect(view.composers).toBe(1);
    expect(view.editors[0]).toEqual([expect.objectContaining({ kind: 'contenteditable', inFrame: false })]);
    expect(view.editors[0]![0]!.text).toContain('+7 915 111-11-11');
    expect(view.recipients[0]).toEqual({ to: [UNRESOLVED_RECIPIENT], cc: [], bcc: [] });
    expect(view.sendControls[0]).toHaveLength(1);
    expect(view.sendControls[0]![0]).toContain('js-note-submit');
    expect(await shortcutVerdict(fx.page, AREA, { key: 'Enter', ctrlKey: true })).toBe(false);
  });

  it('fixture: the posted textarea follows input events only', async () => {
    await setDraft(fx.page, { body: BODY });
    await editText(fx.page, AREA, '+7 915 111-11-11', '+7 495 123-45-67', true);
    await fx.page.click('.js-note-submit');
    await setDraft(fx.page, { body: BODY });
    await editText(fx.page, AREA, '+7 915 111-11-11', '+7 495 123-45-67');
    await fx.page.click('.js-note-submit');
    const sent = await sentMessages(fx.page);
    expect(sent.map((m) => m.body)).toEqual([BODY, BODY.replace('+7 915 111-11-11', '+7 495 123-45-67')]);
  });
});
