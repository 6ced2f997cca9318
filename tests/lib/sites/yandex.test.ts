// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { UNRESOLVED_RECIPIENT } from '../../../lib/sites/outlook.ts';
import { fixtureLoader } from './helpers/happy-fixture.ts';
import { pickAdapter } from '../../../lib/sites/registry.ts';
import { yandexAdapter } from '../../../lib/sites/yandex.ts';

const URL_OF_FIXTURE = 'https://mail.yandex.ru/?uid=1130000012345678#compose';

const loadFixture = fixtureLoader('yandex', URL_OF_FIXTURE);

describe('yandex adapter on the Yandex Mail fixture', () => {
  it('is the adapter for mail.yandex.ru and mail.yandex.com', () => {
    expect(pickAdapter(URL_OF_FIXTURE, [])?.adapter.name).toBe('yandex');
    expect(pickAdapter('https://mail.yandex.com/?uid=1#compose', [])?.adapter.name).toBe('yandex');
    expect(pickAdapter('https://yandex.ru/search/?text=mail', [])?.adapter.name).not.toBe('yandex');
  });

  it('finds one compose popup whose editor is the CKEditor div, not a recipient field', async () => {
    const { doc, fixture } = await loadFixture();
    fixture.setDraft({ to: ['client@customer.example'], body: '<div>Добрый день</div><div>Звоните</div>' });
    const composers = yandexAdapter.findComposers(doc);
    expect(composers).toHaveLength(1);
    expect(composers[0]!.classList.contains('ComposePopup-Content')).toBe(true);
    const editors = yandexAdapter.getEditors(composers[0]!);
    expect(editors).toHaveLength(1);
    expect(editors[0]!.kind).toBe('contenteditable');
    expect(editors[0]!.element.classList.contains('cke_wysiwyg_div')).toBe(true);
  });

  it('reads yabbles from data-email per field, and text typed but not yet a yabble', async () => {
    const { doc, fixture } = await loadFixture();
    fixture.setDraft({
      to: [{ name: 'Игорь Петрович', email: 'Igor@Client-Corp.ru' }],
      cc: ['boss@acme.example'],
      bcc: ['audit@acme-group.example'],
    });
    doc.querySelector('.tst-field-to .composeYabbles')!.append(doc.createTextNode('typed@client-corp.ru'));
    const composer = yandexAdapter.findComposers(doc)[0]!;
    expect(yandexAdapter.readRecipients(composer)).toEqual({
      to: ['igor@client-corp.ru', 'typed@client-corp.ru'],
      cc: ['boss@acme.example'],
      bcc: ['audit@acme-group.example'],
    });
  });

  it('falls back to row positions when the tst-field classes are gone', async () => {
    const { doc, fixture } = await loadFixture();
    fixture.setDraft({ to: ['a@client-corp.ru'], cc: ['b@client-corp.ru'], bcc: ['c@client-corp.ru'] });
    for (const row of doc.querySelectorAll('.tst-field-to, .tst-field-cc, .tst-field-bcc')) row.classList.remove('tst-field-to', 'tst-field-cc', 'tst-field-bcc');
    const composer = yandexAdapter.findComposers(doc)[0]!;
    expect(yandexAdapter.readRecipients(composer)).toEqual({ to: ['a@client-corp.ru'], cc: ['b@client-corp.ru'], bcc: ['c@client-corp.ru'] });
  });

  it('counts a yabble without an address as an external recipient', async () => {
    const { doc, fixture } = await loadFixture();
    fixture.setDraft({ to: ['client@customer.example'] });
    const yabble = doc.querySelector('.yabble-compose')!;
    yabble.removeAttribute('data-email');
    yabble.querySelector('.ComposeYabble-Text')!.textContent = 'Отдел закупок';
    const composer = yandexAdapter.findComposers(doc)[0]!;
    expect(yandexAdapter.readRecipients(composer).to).toEqual([UNRESOLVED_RECIPIENT]);
  });

  it('returns the Send button (clicking it sends, also after a delayed-send time is picked) and Ctrl+Enter', async () => {
    const { win, doc, fixture, sent } = await loadFixture();
    fixture.setDraft({ to: ['client@customer.example'], body: '<div>Привет</div>' });
    (doc.querySelector('.qa-Compose-DelayedSendingButton button') as HTMLElement).click();
    (doc.querySelector('.ComposeDelayedSendingButton-Popup [role="menuitem"]') as HTMLElement).click();
    const composer = yandexAdapter.findComposers(doc)[0]!;
    const controls = yandexAdapter.sendControls(composer);
    expect(controls).toHaveLength(1);
    (controls[0]! as HTMLElement).click();
    expect(sent()).toHaveLength(1);
    expect(sent()[0]!).toMatchObject({ to: ['client@customer.example'], body: '<div>Привет</div>', via: 'button', sendAt: 'tomorrow-8' });
    const key = (init: object) => new win.KeyboardEvent('keydown', init) as unknown as KeyboardEvent;
    expect(yandexAdapter.isSendShortcut(key({ key: 'Enter', ctrlKey: true }))).toBe(true);
    expect(yandexAdapter.isSendShortcut(key({ key: 'Enter', shiftKey: true }))).toBe(false);
  });

  it('fixture: Send posts the editor state kept from input events, so a silent DOM edit is not what is sent', async () => {
    const { doc, fixture, sent } = await loadFixture();
    const draft = { to: ['client@customer.example'], body: '<div>Call 8-915-111-11-11</div><div>Bye</div>' };
    fixture.setDraft(draft);
    const composer = yandexAdapter.findComposers(doc)[0]!;
    const editor = yandexAdapter.getEditors(composer)[0]!;
    editor.element.firstElementChild!.textContent = 'Call +7 495 123-45-67';
    (yandexAdapter.sendControls(composer)[0]! as HTMLElement).click();
    expect(sent()[0]!.body).toBe('<div>Call 8-915-111-11-11</div><div>Bye</div>');

    fixture.setDraft(draft);
    editor.element.firstElementChild!.textContent = 'Call +7 495 123-45-67';
    const view = editor.element.ownerDocument.defaultView as unknown as { Event: typeof Event };
    editor.element.dispatchEvent(new view.Event('input', { bubbles: true }));
    (yandexAdapter.sendControls(composer)[0]! as HTMLElement).click();
    expect(sent()[1]!.body).toBe('<div>Call +7 495 123-45-67</div><div>Bye</div>');
  });
});
