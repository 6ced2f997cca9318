import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../lib/detect/html.ts';

const quotedText = (html: string): string[] => {
  const h = htmlToText(html);
  return h.quoted.map(([s, e]) => h.text.slice(s, e).trim());
};

describe('htmlToText', () => {
  it('renders blocks and <br> as line breaks and decodes entities', () => {
    expect(htmlToText('<div>Hi&nbsp;Tom,</div><p>call <b>me</b><br>+7 903<br>552-18-44 &amp; more</p>').text).toBe(
      'Hi\u00a0Tom,\ncall me\n+7 903\n552-18-44 & more\n',
    );
  });

  it('skips head, style, script and comments', () => {
    expect(htmlToText('<html><head><title>x 8 916</title><style>p{}</style></head><body><!-- 8 916 --><script>1</script>ok</body></html>').text.trim()).toBe('ok');
  });

  it('maps text offsets back to the HTML, entities included', () => {
    const html = '<p>a&lt;b</p>';
    const h = htmlToText(html);
    const i = h.text.indexOf('<');
    expect(html.slice(h.srcStart[i]!, h.srcEnd[i]!)).toBe('&lt;');
    const b = h.text.indexOf('b');
    expect(html.slice(h.srcStart[b]!, h.srcEnd[b]!)).toBe('b');
  });

  it('records href targets with their visible text and attribute span', () => {
    const html = '<div>Write <a href="mailto:x@gmail.com?subject=a&amp;b">to me</a></div>';
    const h = htmlToText(html);
    expect(h.links).toHaveLength(1);
    const link = h.links[0]!;
    expect(link.target).toBe('mailto:x@gmail.com?subject=a&b');
    expect(h.text.slice(link.textStart, link.textEnd)).toBe('to me');
    expect(html.slice(link.hrefStart, link.hrefEnd)).toBe('mailto:x@gmail.com?subject=a&amp;b');
  });

  it.each([
    ['blockquote', '<p>mine</p><blockquote>theirs <b>8 916</b></blockquote><p>mine again</p>', ['theirs 8 916']],
    ['.gmail_quote', '<div>mine</div><div class="gmail_quote"><div class="gmail_attr">On … wrote:</div>theirs</div>', ['On … wrote:\ntheirs']],
    ['#divRplyFwdMsg and everything after it', '<p>mine</p><div id="divRplyFwdMsg"><b>From:</b> X</div><div>theirs</div>', ['From: X\ntheirs']],
    ['.moz-cite-prefix and everything after it', '<p>mine</p><div class="moz-cite-prefix">On … wrote:</div><p>theirs</p>', ['On … wrote:\ntheirs']],
    ['unclosed tags are tolerated', '<p>mine<blockquote>theirs<div>more', ['theirs\nmore']],
  ])('quoted: %s', (_name, html, expected) => {
    expect(quotedText(html)).toEqual(expected);
  });

  it('survives broken markup', () => {
    expect(htmlToText('a < b and c<d <p class="x>broken').text).toContain('a < b and c');
    expect(htmlToText('<<<>>>&&&;').text).toContain('&&&;');
  });

  it('keeps the cells of a table row on one line, so a cell labels the next one', () => {
    const text = htmlToText('<table><tr><td>Заказ</td><td>89161234568</td></tr><tr><th>Моб.</th><td>+7 916 123-45-67</td></tr></table>').text;
    expect(text.trim().split('\n').map((line) => line.trimEnd())).toEqual(['Заказ\t89161234568', 'Моб.\t+7 916 123-45-67']);
  });
});
