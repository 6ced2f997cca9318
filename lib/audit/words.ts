import type { StoredEvent, StoredFinding } from './event.ts';

/**
 * Search words for the viewer's free-text box (issue 6: filter response under 200 ms on 100,000
 * events). A query term matches an event when one of its words starts with the term, so a search
 * is a few index ranges instead of a scan over every event's text.
 *
 * Words that the events table already indexes are not indexed twice: user, site, decision, kinds
 * and recipient domains are searched by prefix in their own indexes (query.ts). This table holds
 * only what those cannot find: contacts, the justification's words, the account, the names of a
 * user label, a user label with capitals (its index entry keeps them), and the parent domains of
 * sites and recipients (`yandex` finds `mail.yandex.ru`). Each word costs an index entry per
 * event written; in Chromium's IndexedDB that is about a tenth of the cost of the event itself.
 * Each word kept here costs a write per event, and writes have their own goal.
 *
 * Privacy: words are derived only from fields already stored in the event, in the form they are
 * stored (masked contacts stay masked). Salted hashes are left out: nobody types them, and the
 * contact-key filter already finds them.
 */

/** Word boundaries for scripts written without spaces (Japanese, Chinese, Thai …). */
const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'word' }) : undefined;

const MAX_TEXT_WORDS = 40;
const NOT_WORD = /[^\p{L}\p{N}\p{M}'’]+/u;
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const SINGLE_LATIN_OR_CYRILLIC = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{N}'’]$/u;
const PHONE_LIKE = /^[+\d\s().*-]+$/u;
const HEX_HASH = /^[0-9a-f]{64}$/u;

/**
 * Words of free text (a justification). Splitting on non-letters is enough for Latin and
 * Cyrillic and several times cheaper than Intl.Segmenter, which is used only for runs in
 * scripts without spaces (`顧客の依頼` → `顧客`, `の`, `依頼`).
 */
export function textWords(text: string): string[] {
  const words: string[] = [];
  for (const part of text.toLowerCase().split(NOT_WORD)) {
    if (!part) continue;
    if (segmenter && UNSPACED_SCRIPT.test(part)) {
      for (const { segment, isWordLike } of segmenter.segment(part)) if (isWordLike) words.push(segment);
    } else if (!SINGLE_LATIN_OR_CYRILLIC.test(part)) {
      // One Latin or Cyrillic letter is noise ("a", "и"); one CJK character is often a whole word.
      words.push(part);
    }
    if (words.length >= MAX_TEXT_WORDS) break;
  }
  return words.slice(0, MAX_TEXT_WORDS);
}

/** `mail.yandex.ru` → `mail.yandex.ru`, `yandex.ru`: "yandex" finds it by prefix. */
export function domainWords(domain: string): string[] {
  const lower = domain.toLowerCase();
  const labels = lower.split('.');
  const words = [lower];
  for (let i = 1; i < labels.length - 1; i++) words.push(labels.slice(i).join('.'));
  return words;
}

/** Phones are searched as digits: `+7 915 ***-**-11` and `+79151234511` compact to `+7915…`. */
function compactPhone(phone: string): string {
  return phone.replace(/[\s().-]/gu, '');
}

function phoneWords(phone: string): string[] {
  return [compactPhone(phone.toLowerCase())];
}

/**
 * A label that may be an email address (`anna@acme.example`) or a name (`Anna Petrova`): the whole
 * label, plus its domain or its space-separated names. `employee-01` stays one word; searching
 * `employee` finds it by prefix.
 */
function labelWords(label: string): string[] {
  const lower = label.toLowerCase().trim();
  if (!lower) return [];
  const at = lower.lastIndexOf('@');
  if (at > 0) return [lower, ...domainWords(lower.slice(at + 1))];
  const names = lower.split(/\s+/u);
  return names.length > 1 ? [lower, ...names] : [lower];
}

function contactWords(kind: StoredFinding['kind'], contact: string): string[] {
  const lower = contact.toLowerCase();
  if (HEX_HASH.test(lower)) return [];
  if (kind === 'phone' || PHONE_LIKE.test(lower)) return phoneWords(lower);
  if (kind === 'email') return labelWords(lower);
  // Messenger: `telegram:handle`, `t.me/handle`: the network and the handle alone both find it.
  const handle = lower.split(/[:/@]/u).pop() ?? '';
  const handleWords = PHONE_LIKE.test(handle) ? phoneWords(handle) : [handle];
  return [lower, ...handleWords].filter(Boolean);
}

type WordSource = Pick<StoredEvent, 'user' | 'site' | 'recipientDomains' | 'findings'> & Partial<Pick<StoredEvent, 'account' | 'justification'>>;

/** The words of `event` that its own indexes do not already cover (see the note at the top). */
export function eventWords(event: WordSource): string[] {
  const words = new Set<string>();
  const add = (list: readonly string[]) => {
    for (const word of list) words.add(word);
  };
  const userWords = labelWords(event.user);
  add(event.user === userWords[0] ? userWords.slice(1) : userWords);
  if (event.account) add(labelWords(event.account));
  add(domainWords(event.site).slice(1));
  for (const domain of event.recipientDomains) add(domainWords(domain).slice(1));
  for (const finding of event.findings) {
    if (finding.valueMode === 'hash') continue;
    add(contactWords(finding.kind, finding.contact));
    if (finding.value !== finding.contact) add(contactWords(finding.kind, finding.value));
  }
  if (event.justification) add(textWords(event.justification));
  words.delete('');
  return [...words];
}

const EDGE_PUNCTUATION = /^["'«»„“”()[\]{},;:!?]+|["'«»„“”()[\]{},;:!?.]+$/gu;

/**
 * A query in index terms. Each alternative is a list of prefixes that must all match (AND); the
 * first alternative that matches any event decides the term (query.ts). `anna@gmail` is tried whole, `acme-01`
 * both whole and as its words `acme`, `01`, `顧客の依頼` as `顧客`, `の`, `依頼`.
 */
export type SearchTerm = { alternatives: string[][] };

export function searchTerms(query: string): SearchTerm[] {
  const trimmed = query.trim().toLowerCase();
  if (!trimmed) return [];
  // "+7 915 123" is one phone, not three words; phones are stored with their "+".
  if (PHONE_LIKE.test(trimmed) && /\d/u.test(trimmed)) {
    const compact = compactPhone(trimmed);
    return [{ alternatives: compact.startsWith('+') ? [[compact]] : [[compact], [`+${compact}`]] }];
  }
  const terms: SearchTerm[] = [];
  for (const chunk of trimmed.split(/\s+/u)) {
    const whole = chunk.replace(EDGE_PUNCTUATION, '');
    if (!whole) continue;
    const alternatives = [[whole]];
    const parts = textWords(whole);
    // Parts only when none was dropped as noise: `boris_k` must not turn into just `boris`.
    const lossless = UNSPACED_SCRIPT.test(whole) || parts.length === whole.split(NOT_WORD).filter(Boolean).length;
    if (lossless && parts.length > 0 && !(parts.length === 1 && parts[0] === whole)) alternatives.push(parts);
    terms.push({ alternatives });
  }
  return terms;
}
