import type { Span } from './ranges.ts';

/**
 * URL-ish tokens (`https://…`, `www.…`, `zoom.us/j/8452931004`): their digits are never phones.
 *
 * Same spans (as a union) as one regex with two alternatives: a scheme or "www." followed by
 * non-delimiters, or a host name "a-b.c.de" not preceded by a letter, digit, "@" or "." and followed
 * by "/" and non-delimiters. The second form is found from each "/" backwards: written as a regex
 * with a leading look-behind, V8 tries it at every position of the text (a millisecond per 100 KB).
 */
const SCHEME_URL = /(?:https?:\/\/|www\.)[^\s<>"'）」]+/giu;

const isHostChar = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x2e;
const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isUrlEnd = (ch: string): boolean => /[\s<>"'）」]/u.test(ch);
const BEFORE_HOST = /[\p{L}\p{N}@.]/u;

export function findUrlSpans(text: string): Span[] {
  const spans: Span[] = [];
  SCHEME_URL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SCHEME_URL.exec(text))) spans.push([m.index, m.index + m[0].length]);

  let doneUntil = 0;
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    if (slash < doneUntil) continue;
    let tokenStart = slash;
    while (tokenStart > 0 && isHostChar(text.charCodeAt(tokenStart - 1))) tokenStart--;
    if (slash - tokenStart < 4) continue;
    const start = hostStart(text, tokenStart, slash);
    if (start < 0) continue;
    let end = slash + 1;
    while (end < text.length && !isUrlEnd(text[end]!)) end++;
    spans.push([start, end]);
    doneUntil = end;
  }
  return spans;
}

/** Leftmost start in [tokenStart, slash) of a host name "a-b.c.de" ending right before the slash, or -1. */
function hostStart(text: string, tokenStart: number, slash: number): number {
  for (let p = tokenStart; p < slash; p++) {
    const before = p > 0 ? text[p - 1]! : '';
    if (p === tokenStart ? before !== '' && BEFORE_HOST.test(before) : before !== '-') continue;
    if (isHost(text, p, slash)) return p;
  }
  return -1;
}

/** `[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}` over text[s, e), which holds host characters only. */
function isHost(text: string, s: number, e: number): boolean {
  const lastDot = text.lastIndexOf('.', e - 1);
  if (lastDot < s + 1 || e - lastDot - 1 < 2) return false;
  for (let i = lastDot + 1; i < e; i++) if (!isAsciiLetter(text.charCodeAt(i))) return false;
  // no empty label: no leading dot, no two dots in a row
  if (text.charCodeAt(s) === 0x2e) return false;
  for (let i = s + 1; i < lastDot; i++) if (text.charCodeAt(i) === 0x2e && text.charCodeAt(i - 1) === 0x2e) return false;
  return text.charCodeAt(lastDot - 1) !== 0x2e;
}
