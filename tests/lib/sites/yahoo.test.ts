// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { UNRESOLVED_RECIPIENT } from '../../../lib/sites/outlook.ts';
import { fixtureLoader } from './helpers/happy-fixture.ts';
import { pickAdapter } from '../../../lib/sites/registry.ts';
import { yahooAdapter } from '../../../lib/sites/yahoo.ts';

const URL_OF_FIXTURE = 'https://mail.yahoo.com/d/compose/6208415327';

const loadFixture = fixtureLoader('yahoo', URL_OF_FIXTURE);

describe('yahoo adapter on the Yahoo Mail fixture', () => {
  it('is the adapter for mail.yahoo.com and only there', () => {
    expect(pickAdapter(URL_OF_FIXTURE, [])?.adapter.name).toBe('yahoo');
    expect(pickAdapter('https://login.yahoo.com/', [])?.adapter.name).not.toBe('yahoo');
  });

  it('finds the one compose window and its contenteditable body', async () => {
    const { doc, fixture } = await loadFixture();
    fixture.setDraft({ to: ['client@customer.example'], body: '<div>Hello</div><div><br></div><div>Call me</div>' });
    const composers = yahooAdapter.findComposers(doc);
    expect(composers).toHaveLength(1);
    expect(composers[0]!.getAttribute('data-test-id')).toBe('compose');
    const editors = yahooAdapter.getEditors(composers[0]!);
    expect(editors).toHaveLength(1);
    expect(editors[0]!.kind).toBe('contenteditable');
    expect(editors[0]!.element.getAttribute('data-test-id')).toBe('rte');
    expect(editors[0]!.element.textContent).toBe('HelloCall me');
  });

  it('reads To/Cc/Bcc pills from their title, including "Name <email>" pills, and typed text', async () => {
    const { doc, fixture } = await loadFixture();
    fixture.setDraft({
      to: [{ name: 'Anna Petrova', email: 'Anna.Petrova@Customer.example' }, 'second@customer.example'],
      cc: ['boss@acme.example'],
      bcc: ['audit@acme-group.example'],
    });
    (doc.querySelector('#message-to-field') as HTMLInputElement).value = 'typed@customer.example';
    const composer = yahooAdapter.findComposers(doc)[0]!;
    expect(yahooAdapter.readRecipients(composer)).toEqual({
      to: ['anna.petrova@customer.example', 'second@customer.example', 'typed@customer.example'],
      cc: ['boss@acme.example'],
      bcc: ['audit@acme-group.example'],
    });
  });

  it('counts a pill it cannot resolve to an address as an external recipient', async () => {
    const { doc, fixture } = await loadFixture();
    fixture.setDraft({ to: ['client@customer.example'] });
    const pill = doc.querySelector('[data-test-id="pill"]')!;
    pill.removeAttribute('title');
    pill.querySelector('[data-test-id="pill-text"]')!.textContent = 'Sales team';
    const composer = yahooAdapter.findComposers(doc)[0]!;
    expect(yahooAdapter.readRecipients(composer).to).toEqual([UNRESOLVED_RECIPIENT]);
  });

  it('returns the real Send button (clicking it sends) and recognises Ctrl/Cmd+Enter', async () => {
    const { win, doc, fixture, sent } = await loadFixture();
    fixture.setDraft({ to: ['client@customer.example'], body: '<div>Hi</div>' });
    const composer = yahooAdapter.findComposers(doc)[0]!;
    const controls = yahooAdapter.sendControls(composer);
    expect(controls).toHaveLength(1);
    (controls[0]! as HTMLElement).click();
    expect(sent()).toHaveLength(1);
    expect(sent()[0]!).toMatchObject({ to: ['client@customer.example'], body: '<div>Hi</div>', via: 'button' });
    const key = (init: object) => new win.KeyboardEvent('keydown', init) as unknown as KeyboardEvent;
    expect(yahooAdapter.isSendShortcut(key({ key: 'Enter', ctrlKey: true }))).toBe(true);
    expect(yahooAdapter.isSendShortcut(key({ key: 'Enter', metaKey: true }))).toBe(true);
    expect(yahooAdapter.isSendShortcut(key({ key: 'Enter' }))).toBe(false);
  });

  it('fixture: Send posts the editor state kept from input events, so a silent DOM edit is not what is sent', async () => {
    const { doc, fixture, sent } = await loadFixture();
    const draft = { to: ['client@customer.example'], body: '<div>Call 8-915-111-11-11</div><div>Bye</div>' };
    fixture.setDraft(draft);
    const composer = yahooAdapter.findComposers(doc)[0]!;
    const editor = yahooAdapter.getEditors(composer)[0]!;
    editor.element.firstElementChild!.textContent = 'Call +7 495 123-45-67';
    (yahooAdapter.sendControls(composer)[0]! as HTMLElement).click();
    expect(sent()[0]!.body).toBe('<div>Call 8-915-111-11-11</div><div>Bye</div>');

    fixture.setDraft(draft);
    editor.element.firstElementChild!.textContent = 'Call +7 495 123-45-67';
    const view = editor.element.ownerDocument.defaultView as unknown as { Event: typeof Event };
    editor.element.dispatchEvent(new view.Event('input', { bubbles: true }));
    (yahooAdapter.sendControls(composer)[0]! as HTMLElement).click();
    expect(sent()[1]!.body).toBe('<div>Call +7 495 123-45-67</div><div>Bye</div>');
  });
});
