// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { UNRESOLVED_RECIPIENT } from '../../../lib/sites/outlook.ts';
import { fixtureLoader } from './helpers/happy-fixture.ts';
import { pickAdapter } from '../../../lib/sites/registry.ts';
import { mailruAdapter } from '../../../lib/sites/mailru.ts';

const URL_OF_FIXTURE = 'https://e.mail.ru/compose/';

const loadFixture = fixtureLoader('mailru', URL_OF_FIXTURE);

describe('mailru adapter on the Mail.ru fixture', () => {
  it('is the adapter for e.mail.ru and not for the portal', () => {
    expect(pickAdapter(URL_OF_FIXTURE, [])?.adapter.name).toBe('mailru');
    expect(pickAdapter('https://mail.ru/', [])?.adapter.name).not.toBe('mailru');
  });

  it('finds the compose-app window and its inline CKEditor body', async () => {
    const { doc, fixture } = await loadFixture();
    fixture.setDraft({ to: ['client@customer.example'], body: '<div>Строка 1</div><div>Строка 2</div>' });
    const composers = mailruAdapter.findComposers(doc);
    expect(composers).toHaveLength(1);
    expect(composers[0]!.classList.contains('compose-app')).toBe(true);
    const editors = mailruAdapter.getEditors(composers[0]!);
    expect(editors).toHaveLength(1);
    expect(editors[0]!.kind).toBe('contenteditable');
    expect(editors[0]!.element.classList.contains('cke_editable_inline')).toBe(true);
  });

  it('reads bubbles from their title per row and the typed input', async () => {
    const { doc, fixture } = await loadFixture();
    fixture.setDraft({ to: [{ name: 'Игорь', email: 'Igor@Client-Corp.ru' }], cc: ['boss@acme.example'], bcc: ['audit@acme.example'] });
    (doc.querySelector('[data-type="to"] input') as HTMLInputElement).value = 'typed@client-corp.ru';
    const composer = mailruAdapter.findComposers(doc)[0]!;
    expect(mailruAdapter.readRecipients(composer)).toEqual({
      to: ['igor@client-corp.ru', 'typed@client-corp.ru'],
      cc: ['boss@acme.example'],
      bcc: ['audit@acme.example'],
    });
  });

  it('falls back to row order (To, Cc, Bcc) without data-type', async () => {
    const { doc, fixture } = await loadFixture();
    fixture.setDraft({ to: ['a@client-corp.ru'], cc: ['b@client-corp.ru'], bcc: ['c@client-corp.ru'] });
    for (const row of doc.querySelectorAll('[data-type]')) row.removeAttribute('data-type');
    const composer = mailruAdapter.findComposers(doc)[0]!;
    expect(mailruAdapter.readRecipients(composer)).toEqual({ to: ['a@client-corp.ru'], cc: ['b@client-corp.ru'], bcc: ['c@client-corp.ru'] });
  });

  it('returns the Send control once (data-test-id and data-title-shortcut are the same span) and Ctrl+Enter', async () => {
    const { win, doc, fixture, sent } = await loadFixture();
    fixture.setDraft({ to: ['client@customer.example'], body: '<div>Привет</div>' });
    const composer = mailruAdapter.findComposers(doc)[0]!;
    const controls = mailruAdapter.sendControls(composer);
    expect(controls).toHaveLength(1);
    expect(controls[0]!.getAttribute('title')).toBe('Отправить');
    (controls[0]! as HTMLElement).click();
    expect(sent()).toHaveLength(1);
    expect(sent()[0]!).toMatchObject({ to: ['client@customer.example'], body: '<div>Привет</div>', via: 'button' });
    const key = (init: object) => new win.KeyboardEvent('keydown', init) as unknown as KeyboardEvent;
    expect(mailruAdapter.isSendShortcut(key({ key: 'Enter', ctrlKey: true }))).toBe(true);
    expect(mailruAdapter.isSendShortcut(key({ key: 's', ctrlKey: true }))).toBe(false);
  });

  it('fixture: Send posts the editor state kept from input events, so a silent DOM edit is not what is sent', async () => {
    const { doc, fixture, sent } = await loadFixture();
    const draft = { to: ['client@customer.example'], body: '<div>Call 8-915-111-11-11</div><div>Bye</div>' };
    fixture.setDraft(draft);
    const composer = mailruAdapter.findComposers(doc)[0]!;
    const editor = mailruAdapter.getEditors(composer)[0]!;
    editor.element.firstElementChild!.textContent = 'Call +7 495 123-45-67';
    (mailruAdapter.sendControls(composer)[0]! as HTMLElement).click();
    expect(sent()[0]!.body).toBe('<div>Call 8-915-111-11-11</div><div>Bye</div>');

    fixture.setDraft(draft);
    editor.element.firstElementChild!.textContent = 'Call +7 495 123-45-67';
    const view = editor.element.ownerDocument.defaultView as unknown as { Event: typeof Event };
    editor.element.dispatchEvent(new view.Event('input', { bubbles: true }));
    (mailruAdapter.sendControls(composer)[0]! as HTMLElement).click();
    expect(sent()[1]!.body).toBe('<div>Call +7 495 123-45-67</div><div>Bye</div>');
  });
});
