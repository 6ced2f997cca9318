// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fallbackMessage, withGenericFallback } from '../../../lib/sites/fallback.ts';
import { gmailAdapter } from '../../../lib/sites/gmail.ts';

describe('withGenericFallback', () => {
  it("keeps the site adapter while its selectors match", () => {
    document.body.innerHTML =
      '<div class="M9"><div contenteditable="true" aria-label="Message Body"></div><div role="button" class="T-I aoO">Send</div></div>';
    const calls: number[] = [];
    const adapter = withGenericFallback(gmailAdapter, (n) => calls.push(n));
    const [composer] = adapter.findComposers(document);
    expect(composer!.className).toBe('M9');
    expect(adapter.sendControls(composer!)).toHaveLength(1);
    expect(calls).toEqual([]);
  });

  it('falls back to the generic adapter after a redesign, and says so once', () => {
    // A redesigned compose: no .M9, no aria-label="Message Body", a plain button.
    document.body.innerHTML =
      '<section class="new-compose"><input name="to" value="ivan@client.ru"><div contenteditable="true" class="body2"></div><button>Send</button></section><input type="search">';
    const calls: number[] = [];
    const adapter = withGenericFallback(gmailAdapter, (n) => calls.push(n));
    const composers = adapter.findComposers(document);
    expect(composers).toHaveLength(1);
    expect(adapter.getEditors(composers[0]!).map((e) => e.element.className)).toEqual(['body2']);
    expect(adapter.readRecipients(composers[0]!).to).toEqual(['ivan@client.ru']);
    expect(adapter.sendControls(composers[0]!).map((b) => b.textContent)).toEqual(['Send']);
    adapter.findComposers(document);
    expect(calls).toEqual([1]);
    expect(adapter.name).toBe('gmail');
  });
});

describe('withGenericFallback: a composer found, one part of it lost', () => {
  it('a renamed Send control inside a composer the site still finds: the generic Send is used, reported once as such', () => {
    document.body.innerHTML =
      '<div class="M9"><div contenteditable="true" aria-label="Message Body"></div><div role="button" class="Zz9" aria-label="Send (Ctrl-Enter)">Send</div></div>';
    const calls: [number, string][] = [];
    const adapter = withGenericFallback(gmailAdapter, (n, part) => calls.push([n, part]));
    const [composer] = adapter.findComposers(document);
    expect(composer!.className).toBe('M9');
    expect(gmailAdapter.sendControls(composer!)).toEqual([]);
    expect(adapter.sendControls(composer!).map((b) => b.className)).toEqual(['Zz9']);
    expect(adapter.getEditors(composer!)).toHaveLength(1);
    adapter.sendControls(composer!);
    expect(calls).toEqual([[1, 'send control']]);
    expect(fallbackMessage('gmail', 'send control', 1)).toMatch(/^gmail selectors found no send control/u);
  });

  it('nothing is reported while the generic adapter finds nothing either', () => {
    document.body.innerHTML = '<div class="M9"><div contenteditable="true" aria-label="Message Body"></div></div>';
    const calls: unknown[] = [];
    const adapter = withGenericFallback(gmailAdapter, (...args) => calls.push(args));
    const [composer] = adapter.findComposers(document);
    expect(adapter.sendControls(composer!)).toEqual([]);
    expect(calls).toEqual([]);
  });

  it("the composer message keeps the words the admin's console has always shown", () => {
    expect(fallbackMessage('hubspot', 'composer', 2)).toBe(
      'hubspot selectors found no composer; the generic adapter protects 2 composer(s) instead (site redesign?)',
    );
  });
});
