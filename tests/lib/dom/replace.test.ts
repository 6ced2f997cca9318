// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { snapshotEditor } from '../../../lib/dom/extract.ts';
import { replaceSpan, rewriteLinkTargets, selectSpan } from '../../../lib/dom/replace.ts';

describe('replaceSpan', () => {
  it('replaces exactly one span of a textarea and tells the page through an input event', () => {
    const ta = document.createElement('textarea');
    ta.value = 'Call me: +7 915 111-11-11.\nThanks';
    document.body.append(ta);
    const inputs: string[] = [];
    ta.addEventListener('input', (e) => inputs.push((e as InputEvent).inputType));
    const snap = snapshotEditor({ kind: 'textarea', element: ta });
    const start = ta.value.indexOf('+7');
    const end = start + '+7 915 111-11-11'.length;
    expect(replaceSpan(snap, start, end, '+7 495 123-45-67', '+7 915 111-11-11')).toBe(true);
    expect(ta.value).toBe('Call me: +7 495 123-45-67.\nThanks');
    expect(inputs.length).toBeGreaterThan(0);
  });

  it('refuses when the text at the span is not what the scan saw (the draft changed)', () => {
    const ta = document.createElement('textarea');
    ta.value = 'abc def';
    document.body.append(ta);
    const snap = snapshotEditor({ kind: 'textarea', element: ta });
    expect(replaceSpan(snap, 4, 7, 'xyz', 'zzz')).toBe(false);
    expect(ta.value).toBe('abc def');
  });

  it('replaces a span in a contenteditable and leaves every other node as it was', () => {
    const el = document.createElement('div');
    el.setAttribute('contenteditable', 'true');
    el.innerHTML = '<div>Hi <i>there</i>,</div><div>mail <b>ivan@gmail.com</b> today</div>';
    document.body.append(el);
    const snap = snapshotEditor({ kind: 'contenteditable', element: el });
    const start = snap.doc.text.indexOf('ivan');
    expect(replaceSpan(snap, start, start + 'ivan@gmail.com'.length, 'sales@acme.example')).toBe(true);
    expect(el.innerHTML).toBe('<div>Hi <i>there</i>,</div><div>mail <b>sales@acme.example</b> today</div>');
  });
});

describe('rewriteLinkTargets', () => {
  it('points mailto: and tel: links at the corporate contact', () => {
    const el = document.createElement('div');
    el.innerHTML = '<a href="mailto:ivan@gmail.com">write</a> <a href="tel:+79151111111">call</a> <a href="https://acme.example">site</a>';
    expect(rewriteLinkTargets(el, { kind: 'email', value: 'write', normalized: 'ivan@gmail.com' }, 'sales@acme.example')).toBe(1);
    expect(rewriteLinkTargets(el, { kind: 'phone', value: 'call', normalized: '+79151111111' }, '+7 495 123-45-67')).toBe(1);
    expect(rewriteLinkTargets(el, { kind: 'email', value: 'x', normalized: 'other@gmail.com' }, 'sales@acme.example')).toBe(0);
    expect([...el.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'mailto:sales@acme.example',
      'tel:+74951234567',
      'https://acme.example',
    ]);
  });
});

describe('selectSpan', () => {
  it('puts the textarea selection on the finding (Edit)', () => {
    const ta = document.createElement('textarea');
    ta.value = 'x ivan@gmail.com y';
    document.body.append(ta);
    selectSpan(snapshotEditor({ kind: 'textarea', element: ta }), 2, 16);
    expect([ta.selectionStart, ta.selectionEnd]).toEqual([2, 16]);
  });
});
