// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractRichText, rangeForSpan, snapshotEditor } from '../../../lib/dom/extract.ts';
import type { EditorRef } from '../../../lib/sites/types.ts';

function editable(html: string): EditorRef {
  const el = document.createElement('div');
  el.setAttribute('contenteditable', 'true');
  el.innerHTML = html;
  document.body.append(el);
  return { kind: 'contenteditable', element: el };
}

describe('extractRichText', () => {
  it('flattens blocks and <br> to newlines the way a mail client does', () => {
    const { doc } = extractRichText(editable('<div>Hello,</div><div>call <b>+7 915</b> 111-11-11<br>today</div><p>Bye</p>').element);
    expect(doc.text).toBe('Hello,\ncall +7 915 111-11-11\ntoday\nBye');
  });

  it('keeps quoted history out of the text and lists it in quoted', () => {
    const { doc } = extractRichText(
      editable('<div>Mine: a@gmail.com</div><div class="gmail_quote">On Mon X wrote:<blockquote>client@corp.ru</blockquote></div>').element,
    );
    expect(doc.text).toBe('Mine: a@gmail.com');
    expect(doc.quoted).toEqual(['On Mon X wrote:client@corp.ru']);
  });

  it("treats everything after Outlook's #divRplyFwdMsg as quoted", () => {
    const { doc } = extractRichText(
      editable('<div>Reply here</div><hr><div id="divRplyFwdMsg">From: Client</div><div>+7 916 000-00-00</div>').element,
    );
    expect(doc.text).toBe('Reply here');
    expect(doc.quoted).toEqual(['From: Client', '+7 916 000-00-00']);
  });

  it('reports link targets with the span of their visible text', () => {
    const { doc } = extractRichText(editable('<div>Write <a href="mailto:ivan@gmail.com">to me</a> now</div>').element);
    expect(doc.links).toEqual([{ target: 'mailto:ivan@gmail.com', start: 6, end: 11 }]);
    expect(doc.text.slice(6, 11)).toBe('to me');
  });

  it('maps no-break spaces to spaces one for one, so offsets stay aligned with the DOM', () => {
    const { doc, segments } = extractRichText(editable('a\u00a0b').element);
    expect(doc.text).toBe('a b');
    expect(segments[0]!.length).toBe(3);
  });

  it('turns a span of the text back into the exact DOM range, across formatting', () => {
    const editor = editable('<div>call <b>+7 915</b> 111-11-11 please</div>');
    const snap = snapshotEditor(editor);
    const start = snap.doc.text.indexOf('+7');
    const end = snap.doc.text.indexOf(' please');
    const range = rangeForSpan(snap, start, end)!;
    expect(range.toString()).toBe('+7 915 111-11-11');
    expect(range.startContainer.parentElement!.tagName).toBe('B');
  });

  it('reads a textarea as its value, with offsets of the value', () => {
    const ta = document.createElement('textarea');
    ta.value = 'line 1\n> quoted';
    expect(snapshotEditor({ kind: 'textarea', element: ta }).doc).toEqual({ text: 'line 1\n> quoted', quoted: [], links: [] });
  });

  it('ignores our own marker and dialog elements', () => {
    const { doc } = extractRichText(editable('<div>x</div><channel-guard-marker>Personal contact</channel-guard-marker>').element);
    expect(doc.text).toBe('x');
  });
});
