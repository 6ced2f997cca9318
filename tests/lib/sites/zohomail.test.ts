// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { UNRESOLVED_RECIPIENT } from '../../../lib/sites/outlook.ts';
import { fixtureLoader } from './helpers/happy-fixture.ts';
import { pickAdapter } from '../../../lib/sites/registry.ts';
import { zohomailAdapter } from '../../../lib/sites/zohomail.ts';

const URL_OF_FIXTURE = 'https://mail.zoho.com/zm/#compose';

const loadFixture = fixtureLoader('zohomail', URL_OF_FIXTURE);

describe('zohomail adapter on the Zoho Mail fixture', () => {
  it('is the adapter for every regional mail.zoho host and not for Zoho CRM', () => {
    expect(pickAdapter(URL_OF_FIXTURE, [])?.adapter.name).toBe('zohomail');
    expect(pickAdapter('https://mail.zoho.eu/zm/#compose', [])?.adapter.name).toBe('zohomail');
    expect(pickAdapter('https://mail.zoho.in/zm/', [])?.adapter.name).toBe('zohomail');
    expect(pickAdapter('https://crm.zoho.com/crm/org1/tab/Contacts/1', [])?.adapter.name).not.toBe('zohomail');
  });

  it('finds only the compose pane (not the other .SCm panes) and its designMode iframe body', async () => {
    const { doc, fixture } = await loadFixture();
    fixture.setDraft({ to: ['client@customer.example'], body: '<div>Hello</div><div>there</div>' });
    const composers = zohomailAdapter.findComposers(doc);
    expect(composers).toHaveLength(1);
    expect(composers[0]!.id).toBe('zmComposeTab');
    const editors = zohomailAdapter.getEditors(composers[0]!);
    expect(editors).toHaveLength(1);
    expect(editors[0]!.kind).toBe('designMode');
    expect(editors[0]!.element.classList.contains('ze_body')).toBe(true);
    expect(editors[0]!.frame?.tagName).toBe('IFRAME');
  });

  it('reads tokens per row from their title, and the typed input', async () => {
    const { doc, fixture } = await loadFixture();
    fixture.setDraft({ to: [{ name: 'Anna', email: 'Anna@Customer.example' }], cc: ['boss@acme.example'], bcc: ['audit@acme.example'] });
    (doc.querySelector('input[aria-label="To"]') as HTMLInputElement).value = 'typed@customer.example';
    const composer = zohomailAdapter.findComposers(doc)[0]!;
    expect(zohomailAdapter.readRecipients(composer)).toEqual({
      to: ['anna@customer.example', 'typed@customer.example'],
      cc: ['boss@acme.example'],
      bcc: ['audit@acme.example'],
    });
  });

  it('returns the Send button once and clicking it sends what the iframe holds', async () => {
    const { win, doc, fixture, sent } = await loadFixture();
    fixture.setDraft({ to: ['client@customer.example'], body: '<div>Hi</div><div><br></div><div>bye</div>' });
    const composer = zohomailAdapter.findComposers(doc)[0]!;
    const controls = zohomailAdapter.sendControls(composer);
    expect(controls).toHaveLength(1);
    (controls[0]! as HTMLElement).click();
    expect(sent()).toHaveLength(1);
    expect(sent()[0]!).toMatchObject({ to: ['client@customer.example'], body: '<div>Hi</div><div><br></div><div>bye</div>', via: 'button' });
    const key = (init: object) => new win.KeyboardEvent('keydown', init) as unknown as KeyboardEvent;
    expect(zohomailAdapter.isSendShortcut(key({ key: 'Enter', ctrlKey: true }))).toBe(true);
    expect(zohomailAdapter.isSendShortcut(key({ key: 'a', ctrlKey: true }))).toBe(false);
  });

  it('fixture: Send serialises the iframe body at send time, as Zoho does', async () => {
    const { doc, fixture, sent } = await loadFixture();
    fixture.setDraft({ to: ['client@customer.example'], body: '<div>Call 8-915-111-11-11</div><div>Bye</div>' });
    const composer = zohomailAdapter.findComposers(doc)[0]!;
    const editor = zohomailAdapter.getEditors(composer)[0]!;
    editor.element.firstElementChild!.textContent = 'Call +7 495 123-45-67';
    (zohomailAdapter.sendControls(composer)[0]! as HTMLElement).click();
    expect(sent()[0]!.body).toBe('<div>Call +7 495 123-45-67</div><div>Bye</div>');
  });
});
