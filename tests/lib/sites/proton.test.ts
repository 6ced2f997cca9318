// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { UNRESOLVED_RECIPIENT } from '../../../lib/sites/outlook.ts';
import { fixtureLoader } from './helpers/happy-fixture.ts';
import { pickAdapter } from '../../../lib/sites/registry.ts';
import { protonAdapter } from '../../../lib/sites/proton.ts';

const URL_OF_FIXTURE = 'https://mail.proton.me/u/0/inbox';

const loadFixture = fixtureLoader('proton', URL_OF_FIXTURE);

describe('proton adapter on the Proton Mail fixture', () => {
  it('is the adapter for mail.proton.me and not for account.proton.me', () => {
    expect(pickAdapter(URL_OF_FIXTURE, [])?.adapter.name).toBe('proton');
    expect(pickAdapter('https://account.proton.me/login', [])?.adapter.name).not.toBe('proton');
  });

  it('finds the composer and returns the Rooster root inside the iframe, with its frame', async () => {
    const { doc, fixture } = await loadFixture();
    fixture.setDraft({ to: ['client@customer.example'], body: '<div>Hello</div><div>there</div>' });
    const composers = protonAdapter.findComposers(doc);
    expect(composers).toHaveLength(1);
    const editors = protonAdapter.getEditors(composers[0]!);
    expect(editors).toHaveLength(1);
    expect(editors[0]!.kind).toBe('contenteditable');
    expect(editors[0]!.element.id).toBe('rooster-editor');
    expect(editors[0]!.frame?.getAttribute('data-testid')).toBe('rooster-iframe');
    expect(editors[0]!.element.textContent).toBe('Hellothere');
  });

  it('reads items from their "Name <address>" labels per field, and the typed input', async () => {
    const { doc, fixture } = await loadFixture();
    fixture.setDraft({ to: [{ name: 'Anna', email: 'Anna@Customer.example' }], cc: ['boss@acme.example'], bcc: ['audit@acme.example'] });
    (doc.querySelector('[data-testid="composer:to"]') as HTMLInputElement).value = 'typed@customer.example';
    const composer = protonAdapter.findComposers(doc)[0]!;
    expect(protonAdapter.readRecipients(composer)).toEqual({
      to: ['anna@customer.example', 'typed@customer.example'],
      cc: ['boss@acme.example'],
      bcc: ['audit@acme.example'],
    });
  });

  it('counts a contact-group item (name only) as an external recipient', async () => {
    const { doc, fixture } = await loadFixture();
    fixture.setDraft({ to: ['client@customer.example'] });
    const item = doc.querySelector('.composer-addresses-item')!;
    item.querySelector('.composer-addresses-item-label')!.textContent = 'Customers';
    item.querySelector('button')!.setAttribute('data-testid', 'remove-group-button');
    const composer = protonAdapter.findComposers(doc)[0]!;
    expect(protonAdapter.readRecipients(composer).to).toEqual([UNRESOLVED_RECIPIENT]);
  });

  it('returns Send, and the schedule-send items only while this composer holds the dropdown open', async () => {
    const { win, doc, fixture, sent } = await loadFixture();
    fixture.setDraft({ to: ['client@customer.example'], body: '<div>Hi</div>' });
    const composer = protonAdapter.findComposers(doc)[0]!;
    expect(protonAdapter.sendControls(composer).map((c) => c.getAttribute('data-testid'))).toEqual(['composer:send-button']);
    (doc.querySelector('[data-testid="composer:scheduled-send:open-dropdown"]') as HTMLElement).click();
    const open = protonAdapter.sendControls(composer).map((c) => c.getAttribute('data-testid'));
    expect(open).toEqual(['composer:send-button', 'composer:schedule-send:tomorrow', 'composer:schedule-send:next-monday']);
    (doc.querySelector('[data-testid="composer:schedule-send:tomorrow"]') as HTMLElement).click();
    expect(sent()).toHaveLength(1);
    expect(sent()[0]!).toMatchObject({ to: ['client@customer.example'], body: '<div>Hi</div>', via: 'menu', scheduledAt: 'tomorrow-8' });
    const key = (init: object) => new win.KeyboardEvent('keydown', init) as unknown as KeyboardEvent;
    expect(protonAdapter.isSendShortcut(key({ key: 'Enter', metaKey: true }))).toBe(true);
    expect(protonAdapter.isSendShortcut(key({ key: 'Enter' }))).toBe(false);
  });

  it('fixture: Send posts the editor state kept from input events, so a silent DOM edit is not what is sent', async () => {
    const { doc, fixture, sent } = await loadFixture();
    const draft = { to: ['client@customer.example'], body: '<div>Call 8-915-111-11-11</div><div>Bye</div>' };
    fixture.setDraft(draft);
    const composer = protonAdapter.findComposers(doc)[0]!;
    const editor = protonAdapter.getEditors(composer)[0]!;
    editor.element.firstElementChild!.textContent = 'Call +7 495 123-45-67';
    (protonAdapter.sendControls(composer)[0]! as HTMLElement).click();
    expect(sent()[0]!.body).toBe('<div>Call 8-915-111-11-11</div><div>Bye</div>');

    fixture.setDraft(draft);
    editor.element.firstElementChild!.textContent = 'Call +7 495 123-45-67';
    const view = editor.element.ownerDocument.defaultView as unknown as { Event: typeof Event };
    editor.element.dispatchEvent(new view.Event('input', { bubbles: true }));
    (protonAdapter.sendControls(composer)[0]! as HTMLElement).click();
    expect(sent()[1]!.body).toBe('<div>Call +7 495 123-45-67</div><div>Bye</div>');
  });
});
