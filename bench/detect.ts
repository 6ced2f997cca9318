/**
 * Detection engine throughput and latency (issue 3), next to a plain libphonenumber-js
 * `findPhoneNumbersInText` + email-regex pass over the same texts. Prints figures, asserts nothing.
 *   npx tsx bench/detect.ts
 */
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { createDetector } from '../lib/detect/index.ts';
import { PolicySchema } from '../lib/policy/schema.ts';

const policy = PolicySchema.parse({
  version: 1,
  organization: 'Acme',
  defaultRegion: 'RU',
  corporateDomains: ['acme.example'],
  corporateContacts: { emails: ['sales@acme.example'], phones: ['+7 495 123-45-67', '8 800 555-35-35'], messengers: ['telegram:acme_support'] },
  suggestion: { phone: '+7 495 123-45-67' },
});
const detector = createDetector(policy);
const recipients = ['ivanov@client-corp.ru'];

// Deterministic pseudo-random text so runs compare.
let seed = 42;
const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
const pick = <T,>(xs: readonly T[]): T => xs[rnd(xs.length)]!;
const digits = (n: number): string => Array.from({ length: n }, () => rnd(10)).join('');
const SENTENCES: (() => string)[] = [
  () => 'Добрый день! Направляю обновлённое коммерческое предложение по поставке оборудования. ',
  () => `Счёт № ${digits(4)} от ${1 + rnd(28)}.0${1 + rnd(9)}.2025 на сумму ${1 + rnd(9)} ${digits(3)} ${digits(3)},00 руб. `,
  () => `Звоните мне на мобильный: +7 9${digits(2)} ${digits(3)}-${digits(2)}-${digits(2)}. `,
  () => `Офис: 8 (495) 123-45-67, доб. ${digits(3)}. `,
  () => `Пишите на ${pick(['ivan', 'olga', 'petr'])}.${digits(2)}@${pick(['gmail.com', 'mail.ru', 'client-corp.ru'])}. `,
  () => `ИНН 77${digits(8)}, КПП 77${digits(7)}, р/с 40702${digits(15)}. `,
  () => `Call my cell (415) 555-01${digits(2)} or text me. `,
  () => `Tracking ${digits(14)}, order #${digits(8)}, weight ${digits(3)} kg. `,
  () => 'Meeting at 10:30, room 12, agenda attached.\n',
  () => `Telegram: @user_${digits(4)}, WhatsApp https://wa.me/7916${digits(7)}. `,
];
function makeText(bytes: number): string {
  let s = '';
  while (s.length < bytes) s += pick(SENTENCES)();
  return s;
}

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
function plainPass(text: string): number {
  return findPhoneNumbersInText(text, { defaultCountry: 'RU' }).length + (text.match(EMAIL_RE)?.length ?? 0);
}
const ours = (text: string): number => detector.scanText(text, { recipients }).length;

function measure(fn: (t: string) => number, texts: string[], minMs: number): { mbps: number; p50: number; p95: number; found: number } {
  const times: number[] = [];
  let bytes = 0, found = 0;
  const t0 = performance.now();
  for (let i = 0; performance.now() - t0 < minMs || i < texts.length; i++) {
    const text = texts[i % texts.length]!;
    const s = performance.now();
    const n = fn(text);
    times.push(performance.now() - s);
    bytes += text.length;
    if (i < texts.length) found += n;
  }
  const total = times.reduce((a, b) => a + b, 0);
  times.sort((a, b) => a - b);
  return { mbps: bytes / 1e6 / (total / 1000), p50: times[Math.floor(times.length * 0.5)]!, p95: times[Math.floor(times.length * 0.95)]!, found };
}

const suites: [string, string[], number][] = [
  ['short messages (~400 B)', Array.from({ length: 500 }, () => makeText(400)), 1500],
  ['10 KB', Array.from({ length: 40 }, () => makeText(10_000)), 1500],
  ['100 KB', Array.from({ length: 8 }, () => makeText(100_000)), 2000],
  ['1 MB, many numbers', [makeText(1_000_000)], 3000],
];
// warm-up (JIT, lazy free-mail set)
for (const [, texts] of suites) { ours(texts[0]!); plainPass(texts[0]!); }

console.log('input                      | engine     |  MB/s | p50 ms | p95 ms | findings');
console.log('---------------------------|------------|-------|--------|--------|---------');
let ratioNote = '';
for (const [name, texts, ms] of suites) {
  const a = measure(ours, texts, ms);
  const b = measure(plainPass, texts, ms);
  for (const [engine, r] of [['ours', a], ['plain pass', b]] as const) {
    console.log(`${name.padEnd(27)}| ${engine.padEnd(11)}| ${r.mbps.toFixed(2).padStart(5)} | ${r.p50.toFixed(2).padStart(6)} | ${r.p95.toFixed(2).padStart(6)} | ${String(r.found).padStart(7)}`);
  }
  if (name.startsWith('100 KB')) ratioNote += `100 KB p50: ${a.p50.toFixed(2)} ms (goal < 5 ms). `;
  if (name.startsWith('1 MB')) ratioNote += `1 MB throughput: ${(a.mbps / b.mbps).toFixed(2)}x the plain pass (goal ≥ 0.5x).`;
}
console.log(`\n${ratioNote}`);
console.log('Findings differ by design: ours also reads obfuscated, spaced and split contacts and messengers, and reports corporate/client contacts with action "allow".');
