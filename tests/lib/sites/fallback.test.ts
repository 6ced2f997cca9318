// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SiteSelectors } from '../../../lib/policy/schema.ts';
import { policySelectorsFor, withCustomSelectors } from '../../../lib/sites/custom-selectors.ts';
import { fallbackMessage, policyFallbackMessage, withGenericFallback } from '../../../lib/sites/fallback.ts';
import { createGenericAdapter } from '../../../lib/sites/generic.ts';
import { gmailAdapter } from '../../../lib/sites/gmail.ts';
import { pickAdapter } from '../../../lib/sites/registry.ts';

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

describe("withGenericFallback: an admin's policy selectors that match nothing (issue 5)", () => {
  const INHOUSE_URL = 'https://crm.inhouse.example/tickets/7';
  const inhouse = (selectors: SiteSelectors) => {
    const sites = [{ match: 'https://crm.inhouse.example/*', adapter: 'generic' as const, selectors }];
    const calls: [number, string, string | undefined][] = [];
    const adapter = withGenericFallback(pickAdapter(INHOUSE_URL, sites)!.adapter, (n, part, policyPart) => calls.push([n, part, policyPart]), policySelectorsFor(INHOUSE_URL, sites));
    return { adapter, calls };
  };
  const COMPOSER_WITH_SEND =
    '<crm-composer><input name="to" value="ivan@client.ru"><div contenteditable="true" class="body"></div><div role="button" class="go" aria-label="Send">Send</div></crm-composer>';

  it("a send selector with a typo: the generic adapter's Send is used, and the miss is reported against the policy once", () => {
    document.body.innerHTML = COMPOSER_WITH_SEND;
    const { adapter, calls } = inhouse({ composer: 'crm-composer', send: '[data-qa="sned"]' });
    const [composer] = adapter.findComposers(document);
    expect(composer!.tagName).toBe('CRM-COMPOSER');
    expect(adapter.sendControls(composer!).map((c) => c.className)).toEqual(['go']);
    adapter.sendControls(composer!);
    expect(calls).toEqual([[1, 'send control', 'send']]);
    expect(adapter.name).toBe('generic');
  });

  it('the composer and editor the admin named still come from the policy; only the missing part is guessed', () => {
    document.body.innerHTML = COMPOSER_WITH_SEND.replace('class="body"', 'class="body" data-role="reply"') + '<textarea class="notes"></textarea><button>Send</button>';
    const { adapter, calls } = inhouse({ composer: 'crm-composer', editor: '[data-role="reply"]', send: '.missing' });
    const composers = adapter.findComposers(document);
    expect(composers.map((c) => c.tagName)).toEqual(['CRM-COMPOSER']);
    expect(adapter.getEditors(composers[0]!).map((e) => e.element.className)).toEqual(['body']);
    expect(adapter.sendControls(composers[0]!).map((c) => c.className)).toEqual(['go']);
    expect(calls).toEqual([[1, 'send control', 'send']]);
  });

  it('a miss the generic adapter cannot fill is still reported, with no guess (the user is not protected by button)', () => {
    document.body.innerHTML = '<crm-composer><div contenteditable="true"></div><div data-qa="dispatch">Dispatch</div></crm-composer>';
    const { adapter, calls } = inhouse({ composer: 'crm-composer', send: '[data-qa="dispatch-typo"]' });
    const [composer] = adapter.findComposers(document);
    expect(adapter.sendControls(composer!)).toEqual([]);
    adapter.sendControls(composer!);
    expect(calls).toEqual([[0, 'send control', 'send']]);
  });

  it("an editor selector that matches nothing: the generic adapter's composer takes over, blamed on the editor selector", () => {
    document.body.innerHTML = COMPOSER_WITH_SEND;
    const { adapter, calls } = inhouse({ editor: '.no-such-editor' });
    const composers = adapter.findComposers(document);
    expect(composers).toHaveLength(1);
    expect(adapter.getEditors(composers[0]!).map((e) => e.element.className)).toEqual(['body']);
    expect(calls).toEqual([[1, 'composer', 'editor']]);
  });

  it('selectors that match: nothing is reported', () => {
    document.body.innerHTML = COMPOSER_WITH_SEND;
    const { adapter, calls } = inhouse({ composer: 'crm-composer', editor: 'div.body', send: 'div.go' });
    const [composer] = adapter.findComposers(document);
    expect(adapter.getEditors(composer!)).toHaveLength(1);
    expect(adapter.sendControls(composer!)).toHaveLength(1);
    expect(calls).toEqual([]);
  });

  it('the plain generic adapter (no policy selectors, or only a recipients one) is left as it is', () => {
    const plain = createGenericAdapter();
    expect(withGenericFallback(plain, () => undefined)).toBe(plain);
    expect(withGenericFallback(plain, () => undefined, { recipients: '.pill' })).toBe(plain);
  });

  it("a built-in adapter's send override that misses is reported against the policy, not the adapter", () => {
    document.body.innerHTML =
      '<div class="M9"><div contenteditable="true" aria-label="Message Body"></div><div role="button" class="T-I aoO">Send</div></div>';
    const selectors = { send: 'div.Q4p[role="button"]' };
    const calls: [number, string, string | undefined][] = [];
    const adapter = withGenericFallback(withCustomSelectors(gmailAdapter, selectors), (n, part, policyPart) => calls.push([n, part, policyPart]), selectors);
    const [composer] = adapter.findComposers(document);
    expect(adapter.sendControls(composer!).map((c) => c.className)).toEqual(['T-I aoO']);
    expect(calls).toEqual([[1, 'send control', 'send']]);
  });

  it('the messages name the host and the selector part', () => {
    expect(policyFallbackMessage('crm.inhouse.example', 'send', 1)).toBe(
      "policy selectors for crm.inhouse.example: send matched nothing; using the generic adapter's guesses",
    );
    expect(policyFallbackMessage('crm.inhouse.example', 'editor', 0)).toMatch(
      /^policy selectors for crm\.inhouse\.example: editor matched nothing, and the generic adapter has no guess either; .*not checked/u,
    );
  });
});
