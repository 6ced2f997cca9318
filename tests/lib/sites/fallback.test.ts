// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { withGenericFallback } from '../../../lib/sites/fallback.ts';
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
