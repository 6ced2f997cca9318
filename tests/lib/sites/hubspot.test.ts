import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubspotAdapter } from '../../../lib/sites/hubspot.ts';
import { UNRESOLVED_RECIPIENT } from '../../../lib/sites/outlook.ts';
import { pickAdapter } from '../../../lib/sites/registry.ts';
import { adapterView, closeBrowser, editText, openFixture, sentMessages, setDraft, shortcutVerdict, type FixturePage } from './helpers/crm-page.ts';

const URL_ = 'https://app.hubspot.com/contacts/1234567/record/0-1/901';
const BODY = 'Hello Anna,\nmy cell is +7 915 111-11-11.\n\nBest, Oleg';
const EDITOR = { selector: '.public-DraftEditor-content' };

describe('hubspot adapter', () => {
  let fx: FixturePage;
  beforeEach(async () => {
    fx = await openFixture('hubspot', 'hubspotAdapter', URL_);
  });
  afterEach(async () => fx.close());
  afterAll(closeBrowser);

  it('is the adapter for HubSpot record pages, regional hosts included', () => {
    expect(pickAdapter(URL_, [])?.adapter.name).toBe('hubspot');
    expect(pickAdapter('https://app-eu1.hubspot.com/contacts/1/record/0-1/2', [])?.adapter.name).toBe('hubspot');
    expect(hubspotAdapter.matches.length).toBeGreaterThan(0);
  });

  it('finds the communicator, its Draft.js body, the contact address and Send', async () => {
    await setDraft(fx.page, { to: [{ name: 'Anna Petrova', email: 'Anna.Petrova@client-corp.ru' }], subject: 'Offer', body: BODY });
    const view = await adapterView(fx.page);
    expect(view.composers).toBe(1);
    expect(view.editors[0]).toHaveLength(1);
    expect(view.editors[0]![0]).toMatchObject({ kind: 'contenteditable', tag: 'DIV', inFrame: false });
    expect(view.editors[0]![0]!.text).toContain('+7 915 111-11-11');
    expect(view.recipients[0]).toEqual({ to: ['anna.petrova@client-corp.ru'], cc: [], bcc: [] });
    expect(view.sendControls[0]).toHaveLength(1);
    expect(view.sendControls[0]![0]).toContain('rich-text-editor-controls__save-btn');
  });

  it('counts a chip without an address as an unknown outsider', async () => {
    await fx.page.evaluate(() => {
      const chip = document.createElement('div');
      chip.className = 'Select-value';
      chip.innerHTML = '<span class="Select-value-label"><span class="truncate-text">Anna Petrova</span></span>';
      document.querySelector('.Select-multi-value-wrapper')!.prepend(chip);
    });
    const view = await adapterView(fx.page);
    expect(view.recipients[0]!.to).toEqual([UNRESOLVED_RECIPIENT]);
  });

  it('has no keyboard send of its own', async () => {
    expect(await shortcutVerdict(fx.page, EDITOR, { key: 'Enter', ctrlKey: true })).toBe(false);
  });

  it('fixture: Send serialises the Draft.js state, so only an edit through input events is sent', async () => {
    await setDraft(fx.page, { to: ['anna@client-corp.ru'], subject: 'Offer', body: BODY });
    await editText(fx.page, EDITOR, '+7 915 111-11-11', '+7 495 123-45-67', true);
    await fx.page.click('[data-selenium-test="rich-text-editor-controls__save-btn"]');
    await setDraft(fx.page, { to: ['anna@client-corp.ru'], subject: 'Offer', body: BODY });
    await editText(fx.page, EDITOR, '+7 915 111-11-11', '+7 495 123-45-67');
    await fx.page.click('[data-selenium-test="rich-text-editor-controls__save-btn"]');
    const sent = await sentMessages(fx.page);
    expect(sent.map((m) => m.body)).toEqual([BODY, BODY.replace('+7 915 111-11-11', '+7 495 123-45-67')]);
    expect(sent[1]).toMatchObject({ to: ['anna@client-corp.ru'], subject: 'Offer', via: 'button' });
  });
});
