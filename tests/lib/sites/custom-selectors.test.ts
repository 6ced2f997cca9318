// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { policySelectorsFor, withCustomSelectors } from '../../../lib/sites/custom-selectors.ts';
import { gmailAdapter } from '../../../lib/sites/gmail.ts';
import { pickAdapter } from '../../../lib/sites/registry.ts';

const FIXTURES = join(__dirname, '../../fixtures/sites');

/** A fixture's static markup (its scripts do not run here). */
function load(name: string): void {
  const html = readFileSync(join(FIXTURES, `${name}.html`), 'utf8').replace(/<script[\s\S]*?<\/script>/gu, '');
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/u, '').replace(/<\/html>[\s\S]*$/u, '');
}

/** Puts a recipient chip the way the redesigned Gmail shows it. */
function chip(composerId: string, field: string, email: string): void {
  const well = document.querySelector(`#${composerId} div[data-field="${field}"]`)!;
  well.insertAdjacentHTML('afterbegin', `<div class="n8s" data-hovercard-id="${email}" role="option"><div class="n8t">${email}</div></div>`);
}

const REDESIGN_SELECTORS = {
  composer: 'div.Yv3c',
  editor: 'div.Xe7[contenteditable="true"]',
  recipients: 'div[data-field] [data-hovercard-id]',
  send: 'div.Q4p[role="button"]',
};

const keydown = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

describe('withCustomSelectors: a built-in adapter repaired by the policy after a redesign', () => {
  beforeEach(() => load('gmail-redesign'));

  it("the built-in Gmail selectors find nothing in the redesigned markup (what the override is for)", () => {
    expect(gmailAdapter.findComposers(document)).toEqual([]);
  });

  it("runs every part with the admin's selectors and keeps Gmail's own shortcut", () => {
    chip('compose', 'to', 'ivanov@client-corp.ru');
    chip('compose', 'cc', 'petrova@acme.example');
    const adapter = withCustomSelectors(gmailAdapter, REDESIGN_SELECTORS);
    expect(adapter.name).toBe('gmail');
    const composers = adapter.findComposers(document);
    expect(composers.map((c) => c.id).sort()).toEqual(['compose', 'inline-reply']);
    const compose = document.getElementById('compose')!;
    expect(adapter.getEditors(compose).map((e) => [e.kind, e.element.id])).toEqual([['contenteditable', ':8k']]);
    // Chips carry no field name: every address read by a plain selector counts as To.
    expect(adapter.readRecipients(compose)).toEqual({ to: ['ivanov@client-corp.ru', 'petrova@acme.example'], cc: [], bcc: [] });
    expect(adapter.sendControls(compose).map((b) => b.id)).toEqual([':7z']);
    expect(adapter.isSendShortcut(keydown({ key: 'Enter', ctrlKey: true }))).toBe(true);
    expect(adapter.isSendShortcut(keydown({ key: 'Enter' }))).toBe(false);
  });
});

describe('withCustomSelectors: only what the admin names is replaced', () => {
  beforeEach(() => load('gmail'));

  it('a send selector alone keeps Gmail composers, editors and per-field recipients', () => {
    const adapter = withCustomSelectors(gmailAdapter, { send: 'div[data-tooltip^="Send"]' });
    const compose = document.getElementById('compose')!;
    compose.querySelector('div[name="cc"]')!.insertAdjacentHTML('afterbegin', '<div class="afV" data-hovercard-id="boss@acme.example"></div>');
    expect(adapter.findComposers(document)).toEqual(gmailAdapter.findComposers(document));
    expect(adapter.getEditors(compose)).toEqual(gmailAdapter.getEditors(compose));
    expect(adapter.readRecipients(compose)).toEqual({ to: [], cc: ['boss@acme.example'], bcc: [] });
    expect(adapter.sendControls(compose).map((b) => b.id)).toEqual([':7z']);
  });

  it('a selector this browser engine rejects leaves that part to the built-in adapter', () => {
    const adapter = withCustomSelectors(gmailAdapter, { send: 'div:future-pseudo-class' });
    const compose = document.getElementById('compose')!;
    const realQuery = compose.querySelectorAll.bind(compose);
    Object.defineProperty(compose, 'querySelectorAll', {
      configurable: true,
      value: (selector: string) => {
        if (selector === 'div:future-pseudo-class') throw new DOMException(`'${selector}' is not a valid selector`, 'SyntaxError');
        return realQuery(selector);
      },
    });
    expect(adapter.sendControls(compose)).toEqual(gmailAdapter.sendControls(compose));
    expect(adapter.sendControls(compose)).toHaveLength(1);
  });
});

describe('pickAdapter with policy selectors', () => {
  beforeEach(() => load('gmail-redesign'));

  it('an entry naming a built-in adapter overrides that adapter, not the generic one', () => {
    const choice = pickAdapter('https://mail.google.com/mail/u/0/#inbox', [{ match: 'https://mail.google.com/mail/*', adapter: 'gmail', selectors: REDESIGN_SELECTORS }])!;
    expect(choice.source).toBe('policy');
    expect(choice.adapter.name).toBe('gmail');
    // Exactly the two redesigned composers; the generic adapter would take the compose dialog as root.
    expect(choice.adapter.findComposers(document).map((c) => c.id).sort()).toEqual(['compose', 'inline-reply']);
  });

  it('a partial override through the policy keeps the rest of the built-in adapter (per-field recipients)', () => {
    load('gmail');
    const choice = pickAdapter('https://mail.google.com/mail/u/0/#inbox', [{ match: 'https://mail.google.com/*', adapter: 'gmail', selectors: { send: 'div[data-tooltip^="Send"]' } }])!;
    const compose = document.getElementById('compose')!;
    compose.querySelector('div[name="bcc"]')!.insertAdjacentHTML('afterbegin', '<div class="afV" data-hovercard-id="audit@acme.example"></div>');
    // The generic adapter would put an unnamed chip under To; Gmail's own reading knows the field.
    expect(choice.adapter.readRecipients(compose)).toEqual({ to: [], cc: [], bcc: ['audit@acme.example'] });
    expect(choice.adapter.findComposers(document).map((c) => c.id).sort()).toEqual(['compose', 'inline-reply']);
  });

  it('an entry without selectors gets the built-in adapter itself', () => {
    expect(pickAdapter('https://mail.google.com/mail/u/0/', [{ match: 'https://mail.google.com/*', adapter: 'gmail' }])!.adapter).toBe(gmailAdapter);
    expect(pickAdapter('https://mail.google.com/mail/u/0/', [{ match: 'https://mail.google.com/*', adapter: 'gmail', selectors: {} }])!.adapter).toBe(gmailAdapter);
  });

  it('an in-house host with adapter "generic" runs the generic adapter with the selectors', () => {
    load('custom-inhouse-crm');
    const selectors = { composer: 'crm-message-composer', recipients: '.recipient-pill', send: '[data-qa="dispatch"]' };
    const choice = pickAdapter('https://crm.inhouse.example/helpdesk/tickets/1042', [{ match: 'https://crm.inhouse.example/*', adapter: 'generic', selectors }])!;
    expect(choice.adapter.name).toBe('generic');
    const [composer] = choice.adapter.findComposers(document);
    expect(composer!.id).toBe('composer');
    document.getElementById('to-list')!.innerHTML = '<span class="recipient-pill">ivanov &lt;ivanov@client-corp.ru&gt;</span>';
    expect(choice.adapter.readRecipients(composer!).to).toEqual(['ivanov@client-corp.ru']);
    expect(choice.adapter.sendControls(composer!).map((c) => c.textContent)).toEqual(['Dispatch']);
    // Without the selectors nothing on this page looks like a Send control.
    const guessed = pickAdapter('https://crm.inhouse.example/helpdesk/tickets/1042', [{ match: 'https://crm.inhouse.example/*', adapter: 'generic' }])!;
    expect(guessed.adapter.findComposers(document).flatMap((c) => guessed.adapter.sendControls(c))).toEqual([]);
  });
});

describe('policySelectorsFor: the selectors of the entry that picks the adapter', () => {
  const sites = [
    { match: 'https://crm.inhouse.example/helpdesk/*', adapter: 'generic' as const, selectors: { send: '[data-qa="dispatch"]' } },
    { match: 'https://crm.inhouse.example/*', adapter: 'generic' as const, selectors: { send: 'button.send' } },
    { match: 'https://mail.google.com/*', adapter: 'gmail' as const },
  ];

  it('the first matching entry wins, as in pickAdapter', () => {
    expect(policySelectorsFor('https://crm.inhouse.example/helpdesk/tickets/1', sites)).toEqual({ send: '[data-qa="dispatch"]' });
    expect(policySelectorsFor('https://crm.inhouse.example/deals/1', sites)).toEqual({ send: 'button.send' });
  });

  it('none when the entry has no selectors or no entry matches', () => {
    expect(policySelectorsFor('https://mail.google.com/mail/u/0/', sites)).toEqual({});
    expect(policySelectorsFor('https://elsewhere.example/', sites)).toEqual({});
  });
});
