import { createDetector as newDetector } from '/work/main/lib/detect/index.ts';
import { createDetector as oldDetector } from '/tmp/heldout/cmp/lib/detect/index.ts';
import { PolicySchema } from '/work/main/lib/policy/schema.ts';
const policy = PolicySchema.parse({ version: 1, organization: 'Acme', defaultRegion: 'RU', corporateDomains: ['acme.example'],
  corporateContacts: { emails: ['sales@acme.example'], phones: ['+7 495 123-45-67', '8 800 555-35-35'], messengers: ['telegram:acme_support'] }, suggestion: { phone: '+7 495 123-45-67' } });
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
function makeText(bytes: number): string { let s = ''; while (s.length < bytes) s += pick(SENTENCES)(); return s; }
const texts = Array.from({ length: 8 }, () => makeText(100_000));
const fresh = process.argv[3] === 'fresh';
const dets = { old: oldDetector(policy), new: newDetector(policy) };
const times: Record<string, number[]> = { old: [], new: [] };
const N = Number(process.argv[2] ?? 100);
for (let i = 0; i < N + 10; i++) {
  for (const k of (i % 2 ? ['old', 'new'] : ['new', 'old']) as ('old' | 'new')[]) {
    const d = fresh ? (k === 'old' ? oldDetector(policy) : newDetector(policy)) : dets[k];
    const t = texts[i % 8]!;
    const s = performance.now(); const n = d.scanText(t, { recipients: ['ivanov@client-corp.ru'] }).length; const dt = performance.now() - s;
    if (i >= 10) times[k]!.push(dt);
    if (i === 0) console.log(k, 'findings', n);
  }
}
for (const k of ['old', 'new']) { const t = times[k]!.sort((a, b) => a - b); console.log(k, 'p50', t[t.length >> 1]!.toFixed(2), 'p25', t[t.length >> 2]!.toFixed(2), 'min', t[0]!.toFixed(2)); }
