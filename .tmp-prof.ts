import { createDetector } from '/work/main/lib/detect/index.ts';
import { PolicySchema } from '/work/main/lib/policy/schema.ts';
const policy = PolicySchema.parse({ version: 1, organization: 'Acme', defaultRegion: 'RU', corporateDomains: ['acme.example'],
  corporateContacts: { emails: ['sales@acme.example'], phones: ['+7 495 123-45-67', '8 800 555-35-35'], messengers: ['telegram:acme_support'] }, suggestion: { phone: '+7 495 123-45-67' } });
const detector = createDetector(policy);
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
const N = Number(process.argv[2] ?? 200);
for (let i = 0; i < 20; i++) detector.scanText(texts[i % 8]!, { recipients: ['ivanov@client-corp.ru'] });
const times: number[] = [];
for (let i = 0; i < N; i++) { const s = performance.now(); detector.scanText(texts[i % 8]!, { recipients: ['ivanov@client-corp.ru'] }); times.push(performance.now() - s); }
times.sort((a, b) => a - b);
console.log('p50', times[Math.floor(N / 2)]!.toFixed(2), 'min', times[0]!.toFixed(2));
console.log((globalThis as any).C);
