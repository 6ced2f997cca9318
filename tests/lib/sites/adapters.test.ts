// @vitest-environment happy-dom
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_ADAPTERS } from '../../../lib/policy/schema.ts';
import { createGenericAdapter, looksLikeSend } from '../../../lib/sites/generic.ts';
import { gmailAdapter } from '../../../lib/sites/gmail.ts';
import { outlookAdapter, UNRESOLVED_RECIPIENT } from '../../../lib/sites/outlook.ts';
import { BUILT_IN_CONTENT_MATCHES, pickAdapter, SITE_ADAPTERS } from '../../../lib/sites/registry.ts';
import { roundcubeAdapter } from '../../../lib/sites/roundcube.ts';

const FIXTURES = join(__dirname, '../../fixtures/sites');

/** Loads a fixture's markup (its scripts do not run here: the adapters must read the static DOM). */
function load(name: string): void {
  const html = readFileSync(join(FIXTURES, `${name}.html`), 'utf8').replace(/<script[\s\S]*?<\/script>/gu, '');
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/u, '').replace(/<\/html>[\s\S]*$/u, '');
}

describe('conventions', () => {
  it('every registered adapter is a known adapter name and has a fixture page', () => {
    const fixtures = readdirSync(FIXTURES);
    for (const adapter of SITE_ADAPTERS) {
      expect(BUILT_IN_ADAPTERS).toContain(adapter.name);
      expect(fixtures).toContain(`${adapter.name}.html`);
    }
  });

  it('every built-in content-script host is served by exactly one adapter', () => {
    for (const pattern of BUILT_IN_CONTENT_MATCHES) {
      expect(SITE_ADAPTERS.filter((a) => a.matches.includes(pattern)).map((a) => a.name), pattern).toHaveLength(1);
    }
  });


  it('every fixture cites where its markup was taken from', () => {
    for (const adapter of SITE_ADAPTERS) {
      const html = readFileSync(join(FIXTURES, `${adapter.name}.html`), 'utf8');
      expect(html, adapter.name).toMatch(/markup taken from|sources for the markup|sources:|synthetic page/iu);
    }
  });

  it('each sample URL picks exactly the adapter it belongs to', () => {
    const samples: [string, string | null][] = [
      ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
      ['https://outlook.cloud.microsoft/mail/', 'outlook'],
      ['https://outlook.office.com/mail/deeplink/compose', 'outlook'],
      ['https://outlook.office365.com/mail/inbox', 'outlook'],
      ['https://outlook.live.com/mail/0/', 'outlook'],
      ['https://mail.acme.example/?_task=mail&_action=compose', null],
      ['https://example.com/', null],
    ];
    for (const [url, name] of samples) {
      const matching = SITE_ADAPTERS.filter((a) => a.matches.some((m) => pickAdapter(url, [])?.adapter === a && m));
      expect(pickAdapter(url, [])?.adapter.name ?? null, url).toBe(name);
      expect(matching.length, url).toBe(name ? 1 : 0);
    }
  });

  it("a policy entry wins over a built-in host, and its selectors run through the generic adapter", () => {
    const sites = [
      { match: 'https://mail.acme.example/*', adapter: 'roundcube' as const },
      { match: 'https://mail.google.com/*', adapter: 'gmail' as const, selectors: { editor: 'div.new-body' } },
    ];
    expect(pickAdapter('https://mail.acme.example/?_task=mail', sites)).toMatchObject({ source: 'policy', adapter: { name: 'roundcube' } });
    const gmail = pickAdapter('https://mail.google.com/mail/u/0/', sites)!;
    expect(gmail.source).toBe('policy');
    expect(gmail.adapter).not.toBe(gmailAdapter);
    expect(gmail.adapter.name).toBe('gmail');
  });
});

describe('gmail', () => {
  beforeEach(() => load('gmail'));
  it('finds the compose window and the inline reply as two composers', () => {
    const composers = gmailAdapter.findComposers(document);
    expect(composers.map((c) => c.id).sort()).toEqual(['compose', 'inline-reply']);
  });
  it('reads the body editor, recipients by field and the Send control', () => {
    const compose = document.getElementById('compose')!;
    const to = compose.querySelector('div[name="to"]')!;
    to.insertAdjacentHTML('afterbegin', '<div class="afV" data-hovercard-id="ivanov@client-corp.ru"></div>');
    compose.querySelector('div[name="cc"]')!.insertAdjacentHTML('afterbegin', '<div class="afV" data-hovercard-id="boss@client-corp.ru"></div>');
    (compose.querySelector('div[name="bcc"] input') as HTMLInputElement).value = 'Typed <typed@client-corp.ru>';
    expect(gmailAdapter.getEditors(compose).map((e) => [e.kind, e.element.id])).toEqual([['contenteditable', ':8k']]);
    expect(gmailAdapter.readRecipients(compose)).toEqual({ to: ['ivanov@client-corp.ru'], cc: ['boss@client-corp.ru'], bcc: ['typed@client-corp.ru'] });
    expect(gmailAdapter.sendControls(compose).map((b) => b.id)).toEqual([':7z']);
  });
});

describe('outlook', () => {
  beforeEach(() => load('outlook'));
  it('finds one composer holding both the body and the Send button', () => {
    const [composer, ...rest] = outlookAdapter.findComposers(document);
    expect(rest).toEqual([]);
    expect(composer!.querySelector('#body')).not.toBeNull();
    expect(outlookAdapter.sendControls(composer!).map((b) => b.getAttribute('aria-label'))).toEqual(['Send']);
  });
  it('reads persona chips by well, and counts a chip without an address as an outsider', () => {
    document.getElementById('to-well')!.innerHTML =
      '<span data-lpc-hover-target="true" title="Ivan <ivanov@client-corp.ru>">Ivan</span><span data-lpc-hover-target="true">Just A Name</span>';
    document.getElementById('cc-well')!.innerHTML = '<span data-lpc-hover-target="true" title="Me <me@acme.example>">Me</span>';
    const [composer] = outlookAdapter.findComposers(document);
    expect(outlookAdapter.readRecipients(composer!)).toEqual({ to: ['ivanov@client-corp.ru', UNRESOLVED_RECIPIENT], cc: ['me@acme.example'], bcc: [] });
  });
});

describe('roundcube', () => {
  beforeEach(() => load('roundcube'));
  it('finds the compose page, its textarea body, recipients from the hidden fields and the Send button', () => {
    (document.getElementById('_to') as HTMLTextAreaElement).value = 'Ivan <ivanov@client-corp.ru>, anna@client-corp.ru, ';
    (document.querySelector('#compose_cc .recipient-input li.input input') as HTMLInputElement).value = 'half@typed.example';
    const [composer, ...rest] = roundcubeAdapter.findComposers(document);
    expect(rest).toEqual([]);
    expect(composer!.id).toBe('layout-content');
    expect(roundcubeAdapter.getEditors(composer!).map((e) => [e.kind, e.element.id])).toEqual([['textarea', 'composebody']]);
    expect(roundcubeAdapter.readRecipients(composer!)).toEqual({ to: ['ivanov@client-corp.ru', 'anna@client-corp.ru'], cc: ['half@typed.example'], bcc: [] });
    expect(roundcubeAdapter.sendControls(composer!).map((b) => b.textContent)).toEqual(['Send']);
  });
});

describe('generic', () => {
  beforeEach(() => load('generic'));
  it('finds a form with a textarea body and a Send-like button, and reads the email field', () => {
    const adapter = createGenericAdapter();
    (document.getElementById('to') as HTMLInputElement).value = 'a@client.ru, b@client.ru';
    const [composer, ...rest] = adapter.findComposers(document);
    expect(rest).toEqual([]);
    expect(composer!.id).toBe('reply');
    expect(adapter.getEditors(composer!).map((e) => e.element.id)).toEqual(['body']);
    expect(adapter.readRecipients(composer!).to).toEqual(['a@client.ru', 'b@client.ru']);
    expect(adapter.sendControls(composer!).map((b) => b.id)).toEqual(['send']);
  });

  it("uses an admin's selectors instead of its guesses", () => {
    document.body.innerHTML = '<section class="msg"><div class="ed" contenteditable="true">hi</div><span class="go">Go!</span><i class="rcpt" data-email="x@y.example"></i></section>';
    const adapter = createGenericAdapter({ composer: 'section.msg', editor: 'div.ed', send: 'span.go', recipients: 'i.rcpt' });
    const [composer] = adapter.findComposers(document);
    expect(adapter.getEditors(composer!).map((e) => e.kind)).toEqual(['contenteditable']);
    expect(adapter.sendControls(composer!).map((e) => e.textContent)).toEqual(['Go!']);
    expect(adapter.readRecipients(composer!).to).toEqual(['x@y.example']);
  });

  it('finds an editor inside an open shadow root', () => {
    document.body.innerHTML = '<form id="f"><x-editor></x-editor><button>Отправить</button></form>';
    const host = document.querySelector('x-editor')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<div contenteditable="true" id="inner">text</div>';
    const adapter = createGenericAdapter();
    const [composer] = adapter.findComposers(document);
    expect(adapter.getEditors(composer!).map((e) => e.element.id)).toEqual(['inner']);
  });

  it('recognises Send labels in English, Russian and Japanese, not lookalikes', () => {
    const label = (text: string) => {
      const b = document.createElement('button');
      b.textContent = text;
      return looksLikeSend(b);
    };
    expect(['Send', 'Send now', 'Отправить', '送信', '返信する'].map(label)).toEqual([true, true, true, true, true]);
    expect(['Sender settings', 'Отправитель', 'Cancel'].map(label)).toEqual([false, false, false]);
  });
});

describe('schedule-send menus rendered outside the composer', () => {
  function appendToBody(html: string): void {
    document.body.insertAdjacentHTML('beforeend', html);
  }

  it('gmail: the arrow beside Send is not Send; "Schedule send" belongs to the composer whose arrow holds the menu open', () => {
    load('gmail');
    appendToBody('<div class="J-M" role="menu"><div class="J-N" role="menuitem" selector="scheduledSend">Schedule send</div></div>');
    const item = document.querySelector('div[role="menuitem"][selector="scheduledSend"]')!;
    const compose = document.getElementById('compose')!;
    const inline = document.getElementById('inline-reply')!;
    const arrow = compose.querySelector('div[aria-label="More send options"]')!;
    expect(gmailAdapter.sendControls(compose)).not.toContain(arrow);
    expect(gmailAdapter.sendControls(compose)).not.toContain(item);

    arrow.setAttribute('aria-expanded', 'true');
    expect(gmailAdapter.sendControls(compose)).toContain(item);
    expect(gmailAdapter.sendControls(inline)).not.toContain(item);
    expect(gmailAdapter.sendControls(compose).filter((c) => c === item)).toHaveLength(1);
  });

  it('outlook: only the "Schedule send" item, and only while this composer\'s chevron is expanded', () => {
    load('outlook');
    appendToBody(
      '<div class="ms-Layer"><ul role="menu">' +
        '<li><button role="menuitem" name="Schedule send"><span>Schedule send</span></button></li>' +
        '<li><button role="menuitem" name="Set importance"><span>Set importance</span></button></li></ul></div>',
    );
    const [composer] = outlookAdapter.findComposers(document);
    const schedule = document.querySelector('[name="Schedule send"]')!;
    const other = document.querySelector('[name="Set importance"]')!;
    const chevron = composer!.querySelector('button[aria-label="More send options"]')!;
    expect(outlookAdapter.sendControls(composer!)).not.toContain(chevron);
    expect(outlookAdapter.sendControls(composer!)).not.toContain(schedule);

    chevron.setAttribute('aria-expanded', 'true');
    const controls = outlookAdapter.sendControls(composer!);
    expect(controls).toContain(schedule);
    expect(controls).not.toContain(other);
    // A Fluent v9 item with no name attribute is recognised by its text.
    appendToBody('<div role="menu"><div role="menuitem" class="fui-MenuItem"> Schedule send </div></div>');
    expect(outlookAdapter.sendControls(composer!)).toContain(document.querySelector('.fui-MenuItem'));
  });
});
