import { parsePhoneNumberFromString, getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';
import type { Candidate } from './candidate.ts';
import { hasCurrencyBefore, hasNonPhoneLabel, hasPhoneLabelBefore, hasUnitAfter, isPhoneLabelWord } from './phone-context.ts';
import { lineEndWithin, lineStartWithin, mergeSpans, type Span } from './ranges.ts';

/**
 * Phone candidates. We find runs of digits ourselves (spaced digit by digit, split across one line
 * break, with brackets, dots and dashes) and let libphonenumber's `max` metadata decide validity:
 * its own matcher neither joins a number broken across lines nor lets us veto identifiers by the
 * words around them (corpus rules 2, 4, 8).
 */

export interface PhoneRules {
  region: CountryCode;
  callingCode: string;
  /** Trunk prefixes a national number may start with ("8" in Russia, "1" in NANP, "0" elsewhere). */
  trunkPrefixes: readonly string[];
  /** Regions where a national number is always written with its trunk "0" (a bare 8-digit run there is an ID). */
  trunkRequired: boolean;
  /** digits -> E.164 (or null), bounded; the same numbers recur in signatures and threads. */
  cache: Map<string, string | null>;
  /** text before a number on its line -> "labelled as not a phone", bounded. */
  beforeCache: Map<string, boolean>;
}

const TRUNK_ZERO_REQUIRED = new Set(['DE', 'AT', 'CH', 'GB', 'IE', 'FR', 'BE', 'NL', 'JP', 'KR', 'UA', 'TR', 'AU', 'NZ', 'SE', 'FI', 'IL', 'ZA']);

export function createPhoneRules(region: string): PhoneRules {
  const code = region.toUpperCase() as CountryCode;
  let callingCode = '';
  try { callingCode = getCountryCallingCode(code); } catch { callingCode = ''; }
  // Belarus dials "8 0 29 …": the "0" after the trunk "8" belongs to the trunk, not to the number
  const trunkPrefixes = callingCode === '1' ? ['1'] : callingCode === '7' ? ['8'] : code === 'BY' ? ['8', '80'] : ['0'];
  return { region: code, callingCode, trunkPrefixes, trunkRequired: TRUNK_ZERO_REQUIRED.has(code), cache: new Map(), beforeCache: new Map() };
}

// A run of digits joined by phone punctuation, possibly across one line break.
// " / " with spaces: the German "0176 / 2345 6789"; a bare "/" joins dates and document numbers, except
// right after a trunk-"0" area or mobile code at the start of the run ("0171/2345678", "089/1234567").
const DIGIT_RUN = /\+?\(?\d(?:(?:[ \t.\-()\u2013\u2014]|[ \t]\/[ \t]|(?<=(?<![\d/.\-])0\d{2,4})\/(?=\d{5})|\n){0,4}\d)*/g;

// Dates, times and IP addresses: their digits are never part of a phone, but a phone may sit next to them.
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const MONTH = String.raw`(?:0?[1-9]|1[0-2])`;
const YEAR = String.raw`(?:19|20)\d\d`;
const DATE_TIME_IP = new RegExp(
  String.raw`(?<![\d.])(?:${DAY}([./-])${MONTH}\1${YEAR}|${DAY}([./])${MONTH}\2\d\d|${MONTH}([./-])${DAY}\3${YEAR}|${YEAR}([./-])${MONTH}\4${DAY}|\d{1,3}(?:\.\d{1,3}){3}(?!\.\d))(?!\d)|(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)`,
  'g',
);

// Japanese and Chinese run words straight into numbers ("携帯090-…までお願いします"): not a boundary breach.
const LETTER_OR_DIGIT = /(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])[\p{L}\p{N}_]/u;

export function findDateTimeSpans(text: string): Span[] {
  const spans: Span[] = [];
  DATE_TIME_IP.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_TIME_IP.exec(text))) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * @param blocked spans (emails, links) whose digits are not phones.
 */
export function phoneCandidates(text: string, rules: PhoneRules, blocked: Span[]): Candidate[] {
  const out: Candidate[] = [];
  const blocks = mergeSpans([...blocked, ...findDateTimeSpans(text)]);
  let bi = 0;
  DIGIT_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIGIT_RUN.exec(text))) {
    const s = m.index, e = s + m[0].length;
    if (e - s < 7 || countDigits(text, s, e) < 7) continue;
    while (bi < blocks.length && blocks[bi]![1] <= s) bi++;
    let cur = s;
    for (let k = bi; k < blocks.length && blocks[k]![0] < e; k++) {
      if (blocks[k]![0] > cur) evaluateRun(text, cur, blocks[k]![0], rules, out);
      cur = Math.max(cur, blocks[k]![1]);
    }
    if (cur < e) evaluateRun(text, cur, e, rules, out);
  }
  return out;
}

function countDigits(text: string, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) { const c = text.charCodeAt(i); if (c >= 0x30 && c <= 0x39) n++; }
  return n;
}

/** A run may hold one number, one number split by a line break, or several lines of numbers. */
function evaluateRun(text: string, s: number, e: number, rules: PhoneRules, out: Candidate[]): void {
  const segments: [number, number][] = [];
  const singleBreakAfter: boolean[] = [];
  let from = s;
  for (let i = s; i < e; i++) {
    if (text.charCodeAt(i) !== 10) continue;
    let j = i;
    while (j + 1 < e && /[\s]/u.test(text[j + 1]!)) j++;
    const breaks = countNewlines(text, i, j + 1);
    segments.push([from, i]);
    singleBreakAfter.push(breaks === 1);
    from = j + 1;
    i = j;
  }
  segments.push([from, e]);
  for (let k = 0; k < segments.length; k++) {
    const [a, b] = segments[k]!;
    const alone = tryNumber(text, a, b, rules);
    if (alone) { out.push(alone); continue; }
    if (k + 1 < segments.length && singleBreakAfter[k]) {
      const joined = tryNumber(text, a, segments[k + 1]![1], rules);
      if (joined) { out.push(joined); k++; }
    }
  }
}

function countNewlines(text: string, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isAlnum = (ch: string | undefined): boolean => {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  return LETTER_OR_DIGIT.test(ch);
};

function tryNumber(text: string, s: number, e: number, rules: PhoneRules): Candidate | null {
  while (s < e && !isDigit(text[s]) && text[s] !== '+' && text[s] !== '(') s++;
  while (e > s && !isDigit(text[e - 1])) e--;
  if (text[s] === '(' && !text.slice(s, e).includes(')')) s++;
  if (e - s < 7) return null;
  const raw = text.slice(s, e);
  const plus = raw.charCodeAt(0) === 0x2b;
  // one pass over the run: its digits and the separators that decide its shape
  let digits = '';
  let longDashes = 0, dots = 0, others = 0;
  for (let i = plus ? 1 : 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      // "+44 (0)7911 204578": the bracketed trunk zero is not dialled from abroad
      if (plus && c === 0x30 && raw.charCodeAt(i - 1) === 0x28 && raw.charCodeAt(i + 1) === 0x29 && !raw.slice(0, i - 1).includes('(0)')) continue;
      digits += raw[i];
    } else if (c === 0x2013 || c === 0x2014) longDashes++;
    else if (c === 0x2e) dots++;
    else others++;
  }
  if (digits.length < 7 || digits.length > 15) return null;
  // "10–15", "2019–2024": one long dash is a range; "+7 (926) 512 – 40 – 77" uses it as a separator throughout
  if (longDashes === 1) return null;

  const prev = text[s - 1], prev2 = text[s - 2];
  if (isAlnum(prev)) return null;
  // "сот.8903…", "т.+7916…": after an abbreviation's dot, a phone label or an international "+" keeps the number
  if (prev && '-./'.includes(prev) && isAlnum(prev2) && !(prev === '.' && (text[s] === '+' || isPhoneLabelWord(wordBefore(text, s - 1))))) return null;
  if (prev && '#№@$€£¥₽_+'.includes(prev)) return null;
  if (prev === ',' && isDigit(prev2)) return null;
  const next = text[e], next2 = text[e + 1];
  if (isAlnum(next) || next === '%' || next === '@') return null;
  if (next && ',.:/'.includes(next) && isDigit(next2)) return null;

  if (dots > 0 && longDashes === 0 && others === 0 && !plausibleDotted(raw)) return null;
  // The same digit strings recur (signatures, threads, tables); a known invalid one needs no context checks.
  const key = plus ? `+${digits}` : digits;
  if (rules.cache.get(key) === null) return null;

  const before = text.slice(lineStartWithin(text, s, 48), s);
  if (labelledNonPhone(before, rules)) return null;
  // "0171/2345678" is a phone only where a label says so: a bare "/" also joins file and case numbers
  if (/\d\/\d/u.test(raw) && !hasPhoneLabelBefore(before)) return null;
  if (hasUnitAfter(text.slice(e, lineEndWithin(text, e, 16)))) return null;

  const e164 = parse(key, plus, rules);
  if (!e164) return null;
  return { kind: 'phone', start: s, end: e, normalized: e164, phone: e164 };
}

/** The letters just before `end` (at most 16), e.g. "сот" in "сот.8903…". */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && end - i < 16 && /\p{L}/u.test(text[i - 1]!)) i--;
  return text.slice(i, end);
}

/** Dot-only groups are versions, coordinates or amounts unless they look like "415.555.0199". */
function plausibleDotted(raw: string): boolean {
  const groups = raw.replace(/^\+/u, '').split('.');
  if (groups.length < 3 || groups.some((g) => g.length > 4) || groups.filter((g) => g.length < 2).length > 1) return false;
  return !/^(?:19|20)\d\d$/u.test(groups[0]!);
}

/**
 * A label or currency before the number says it is something else. The words before a number recur
 * (a signature's "моб.:", a table's "ИНН"), so the verdict is kept per text-before, bounded.
 */
function labelledNonPhone(before: string, rules: PhoneRules): boolean {
  const known = rules.beforeCache.get(before);
  if (known !== undefined) return known;
  const result = hasNonPhoneLabel(before) || hasCurrencyBefore(before);
  if (rules.beforeCache.size > 2000) rules.beforeCache.clear();
  rules.beforeCache.set(before, result);
  return result;
}

function parse(key: string, plus: boolean, rules: PhoneRules): string | null {
  const cached = rules.cache.get(key);
  if (cached !== undefined) return cached;
  const result = parseUncached(key, plus, rules);
  if (rules.cache.size > 5000) rules.cache.clear();
  rules.cache.set(key, result);
  return result;
}

// International dialling prefixes written instead of "+": "00" almost everywhere, "011" in NANP.
// Russia's own "810" is left out: "810…" also starts many bank and document numbers.
const IDD = /^(?:00|011)(?=[1-9])/u;

function parseUncached(digitsOrPlus: string, plus: boolean, rules: PhoneRules): string | null {
  if (!plus) {
    const idd = IDD.exec(digitsOrPlus);
    if (idd && (idd[0] === '00' || rules.callingCode === '1')) {
      const intl = parsePhoneNumberFromString(`+${digitsOrPlus.slice(idd[0].length)}`);
      return intl && intl.isValid() ? intl.number : null;
    }
  }
  const pn = parsePhoneNumberFromString(digitsOrPlus, { defaultCountry: rules.region });
  if (!pn || !pn.isValid()) return null;
  if (plus) return pn.number;
  const digits = digitsOrPlus;
  const national = pn.nationalNumber;
  if (!digits.endsWith(national)) return null;
  const leftover = digits.slice(0, digits.length - national.length);
  const sameRegion = pn.country === rules.region || pn.countryCallingCode === '1' && rules.callingCode === '1';
  if (leftover === '') {
    if (rules.trunkRequired || !sameRegion) return null;
  } else if (rules.trunkPrefixes.includes(leftover)) {
    // "8 (915) …", "0151 …", "1 (415) …"
  } else if (rules.callingCode === '7' && leftover === '7' && national.startsWith('9')) {
    // Russians often write a mobile as 7 9xx … without the "+"
  } else {
    return null;
  }
  return pn.number;
}
