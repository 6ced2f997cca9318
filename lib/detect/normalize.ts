/**
 * Undoes the disguises people use to slip a contact past a filter (corpus rule 4) while keeping a
 * map back to the original, so a finding's `value` is always `input.slice(start, end)`.
 *
 * Every output character comes from exactly one input code unit (characters are only replaced or
 * dropped, never expanded), so one Int32Array of source indexes is the whole map.
 */

export interface NormalizedText {
  text: string;
  /** `map[i]` is the index in the input of output character `i`; null when nothing changed. */
  map: Int32Array | null;
}

/** Start offset in the input of normalized [start, end). */
export function sourceStart(n: NormalizedText, start: number): number {
  return n.map ? n.map[start]! : start;
}

/** End offset (exclusive) in the input of normalized [start, end); `end > start`. */
export function sourceEnd(n: NormalizedText, end: number): number {
  return n.map ? n.map[end - 1]! + 1 : end;
}

// Invisible characters: zero-width space/joiners, word joiner, BOM, soft hyphen, bidi controls.
const isInvisible = (c: number): boolean =>
  c === 0x00ad || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c === 0xfeff;

const isOddSpace = (c: number): boolean =>
  c === 0x00a0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;

// Hyphen-like characters that only mean "-" inside a number (a katakana long mark between digits).
const isDashLike = (c: number): boolean => c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2212 || c === 0x30fc || c === 0xff70;

const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isFullwidthDigit = (c: number): boolean => c >= 0xff10 && c <= 0xff19;
const isAsciiAlnum = (c: number): boolean => isAsciiDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** Cyrillic and Greek letters that render like a Latin letter. */
const LOOKALIKES: Record<number, number> = {};
for (const [from, to] of [
  // Cyrillic lower / upper
  ['а', 'a'], ['е', 'e'], ['ё', 'e'], ['о', 'o'], ['р', 'p'], ['с', 'c'], ['у', 'y'], ['х', 'x'], ['і', 'i'], ['ј', 'j'],
  ['ѕ', 's'], ['һ', 'h'], ['ԁ', 'd'], ['ԛ', 'q'], ['ԝ', 'w'], ['к', 'k'],
  ['А', 'A'], ['В', 'B'], ['Е', 'E'], ['К', 'K'], ['М', 'M'], ['Н', 'H'], ['О', 'O'], ['Р', 'P'], ['С', 'C'], ['Т', 'T'],
  ['Х', 'X'], ['У', 'Y'], ['І', 'I'], ['Ј', 'J'], ['Ѕ', 'S'],
  // Greek
  ['Α', 'A'], ['Β', 'B'], ['Ε', 'E'], ['Ζ', 'Z'], ['Η', 'H'], ['Ι', 'I'], ['Κ', 'K'], ['Μ', 'M'], ['Ν', 'N'], ['Ο', 'O'],
  ['Ρ', 'P'], ['Τ', 'T'], ['Υ', 'Y'], ['Χ', 'X'], ['ο', 'o'], ['α', 'a'], ['ν', 'v'], ['ι', 'i'], ['κ', 'k'], ['ρ', 'p'],
] as const) LOOKALIKES[from.charCodeAt(0)] = to.charCodeAt(0);

const isCyrillicOrGreek = (c: number): boolean => (c >= 0x0370 && c <= 0x03ff) || (c >= 0x0400 && c <= 0x04ff);
const isO = (c: number): boolean => c === 0x4f || c === 0x6f; // after look-alike folding

// Quick test: does the text contain anything this module would change?
// Cyrillic/Greek text counts only where it touches a Latin letter or digit (a possible look-alike).
const NEEDS_WORK =
  /[\u00a0\u00ad\u2000-\u2012\u2028-\u202f\u205f-\u2069\u2212\u3000\u30fc\ufeff\uff01-\uff5e\uff70]|\d[Oo]\d|(?<![A-Za-z])[Oo]\d\d|\d\d[Oo](?![A-Za-z])|[A-Za-z0-9@_][\u0370-\u04ff]|[\u0370-\u04ff][A-Za-z0-9@_]/u;

/** Characters that can be part of an address or number token (for look-alike folding). */
function isTokenChar(c: number): boolean {
  if (isAsciiAlnum(c) || c === 0x40 || c === 0x2e || c === 0x5f || c === 0x2b || c === 0x2d) return true;
  return isCyrillicOrGreek(c) || (c >= 0xc0 && c <= 0x24f);
}

export function normalize(input: string): NormalizedText {
  if (!NEEDS_WORK.test(input)) return { text: input, map: null };
  const n = input.length;
  const out = new Uint16Array(n);
  const map = new Int32Array(n);
  let len = 0;
  let sawLetterScript = false;
  for (let i = 0; i < n; i++) {
    let c = input.charCodeAt(i);
    if (isInvisible(c)) continue;
    if (isOddSpace(c)) c = 0x20;
    else if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (isDashLike(c)) {
      const prev = len > 0 ? out[len - 1]! : 0;
      const next = i + 1 < n ? input.charCodeAt(i + 1) : 0;
      if (isAsciiDigit(prev) && (isAsciiDigit(next) || isFullwidthDigit(next))) c = 0x2d;
    } else if (isCyrillicOrGreek(c)) sawLetterScript = true;
    out[len] = c;
    map[len] = i;
    len++;
  }
  if (sawLetterScript) foldLookalikes(out, len);
  foldLetterOInNumbers(out, len);
  foldDigitLookalikes(out, len);
  let text = '';
  const CHUNK = 8192;
  for (let i = 0; i < len; i += CHUNK) text += String.fromCharCode.apply(null, out.subarray(i, Math.min(len, i + CHUNK)) as unknown as number[]);
  return { text, map: map.subarray(0, len) };
}

/**
 * Within a token that mixes Latin letters or digits with Cyrillic/Greek look-alikes and has no other
 * Cyrillic/Greek letter (`vаsya.grachev@mail.ru`, `4О5-22-18`), the look-alikes become Latin.
 * Real Russian words have letters with no Latin twin (б, д, л, ш…) and are left alone.
 */
function foldLookalikes(out: Uint16Array, len: number): void {
  let i = 0;
  while (i < len) {
    if (!isTokenChar(out[i]!)) { i++; continue; }
    const start = i;
    let hasAscii = false, hasLookalike = false, hasOther = false;
    while (i < len && isTokenChar(out[i]!)) {
      const c = out[i]!;
      if (isAsciiAlnum(c)) hasAscii = true;
      else if (LOOKALIKES[c] !== undefined) hasLookalike = true;
      else if (isCyrillicOrGreek(c)) hasOther = true;
      i++;
    }
    if (hasAscii && hasLookalike && !hasOther) {
      for (let j = start; j < i; j++) {
        const to = LOOKALIKES[out[j]!];
        if (to !== undefined) out[j] = to;
      }
    }
  }
}

/** A letter O between two digits is a zero in disguise (`+7 916 4O5-22-18`). */
function foldLetterOInNumbers(out: Uint16Array, len: number): void {
  for (let i = 1; i + 1 < len; i++) {
    if (isO(out[i]!) && isAsciiDigit(out[i - 1]!) && isAsciiDigit(out[i + 1]!)) out[i] = 0x30;
  }
}

/** Letters that stand in for a digit inside a number (Latin/Cyrillic/Greek O for 0, Cyrillic З for 3). */
const DIGIT_LOOKALIKES: Record<number, number> = { 0x4f: 0x30, 0x6f: 0x30, 0x41e: 0x30, 0x43e: 0x30, 0x39f: 0x30, 0x3bf: 0x30, 0x417: 0x33, 0x437: 0x33 };
const isLetterCode = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || isCyrillicOrGreek(c);

/**
 * `+7 999 O12-44-80`, `3О4-2З-19`: a group made only of digits, dashes and digit look-alikes, standing
 * alone (no letter touching it) and holding at least two real digits, is a number group in disguise.
 * Words never qualify: they have other letters, or no digits.
 */
function foldDigitLookalikes(out: Uint16Array, len: number): void {
  let i = 0;
  while (i < len) {
    const c0 = out[i]!;
    if (!isAsciiDigit(c0) && DIGIT_LOOKALIKES[c0] === undefined) { i++; continue; }
    const start = i;
    let digits = 0, looks = 0;
    while (i < len) {
      const c = out[i]!;
      if (isAsciiDigit(c)) digits++;
      else if (DIGIT_LOOKALIKES[c] !== undefined) looks++;
      else if (c !== 0x2d) break;
      i++;
    }
    if (looks === 0 || digits < 2) continue;
    if ((start > 0 && isLetterCode(out[start - 1]!)) || (i < len && isLetterCode(out[i]!))) continue;
    for (let j = start; j < i; j++) {
      const to = DIGIT_LOOKALIKES[out[j]!];
      if (to !== undefined) out[j] = to;
    }
  }
}
