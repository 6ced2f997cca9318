/**
 * A short, redacted snippet around a finding: the auditor sees the context of the contact,
 * never the message (issue 6). The content script already clips, but the background cannot
 * trust that, so it clips again and masks every contact it knows about.
 */

export interface Replacement {
  /** Text as it appears in the draft. */
  raw: string;
  masked: string;
}

// Contacts the detector did not report (a client's own number, a colleague's address) are still
// nobody's business in an audit log: anything that looks like an address or a number is masked.
const LOOSE_EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:]+/gu;
const LOOSE_NUMBER = /\+?\d[\d\s().-]{5,}\d/gu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

export function redactSnippet(snippet: string, focus: Replacement, others: readonly Replacement[], charsEachSide: number): string {
  if (charsEachSide <= 0 || snippet === '') return '';
  const placeholder = '\u0000';
  const all = [focus, ...others].filter((r) => r.raw.trim().length > 0).sort((a, b) => b.raw.length - a.raw.length);
  // Placeholders keep masked text out of the loose patterns below.
  const masks: string[] = [];
  let text = snippet;
  for (const replacement of all) {
    text = text.replace(new RegExp(escapeRegExp(replacement.raw), 'gu'), () => {
      masks.push(replacement.masked);
      return `${placeholder}${masks.length - 1}${placeholder}`;
    });
  }
  text = text.replace(LOOSE_EMAIL, (m) => `${m.slice(0, 1)}***@***`).replace(LOOSE_NUMBER, (m) => m.replace(/\d/gu, '*'));
  const focusMarker = text.indexOf(placeholder);
  let clipped: string;
  if (focusMarker >= 0) {
    const markerEnd = text.indexOf(placeholder, focusMarker + 1) + 1;
    clipped = clipAround(text, focusMarker, markerEnd, charsEachSide);
  } else {
    const middle = Math.floor(text.length / 2);
    clipped = clipAround(text, middle, middle, charsEachSide);
  }
  return clipped.replace(new RegExp(`${placeholder}(\\d+)${placeholder}`, 'gu'), (_m, index: string) => masks[Number(index)] ?? '***');
}

/** Clips at most `chars` visible characters each side; a cut placeholder is dropped whole. */
function clipAround(text: string, start: number, end: number, chars: number): string {
  let before = text.slice(Math.max(0, start - chars), start);
  let after = text.slice(end, end + chars);
  // An odd number of markers means the cut went through a placeholder: drop its remains.
  if ((before.split('\u0000').length - 1) % 2 === 1) before = before.slice(before.indexOf('\u0000') + 1);
  if ((after.split('\u0000').length - 1) % 2 === 1) after = after.slice(0, after.lastIndexOf('\u0000'));
  const prefix = start - chars > 0 ? '…' : '';
  const suffix = end + chars < text.length ? '…' : '';
  return `${prefix}${before}${text.slice(start, end)}${after}${suffix}`;
}
