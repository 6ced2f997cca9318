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


export const short = Array.from({ length: 500 }, () => makeText(400));
export const k10 = Array.from({ length: 40 }, () => makeText(10_000));
export const k100 = Array.from({ length: 8 }, () => makeText(100_000));
