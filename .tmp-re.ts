let seed = 42;
const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
const digits = (n: number): string => Array.from({ length: n }, () => rnd(10)).join('');
const S = [
  () => 'Добрый день! Направляю обновлённое коммерческое предложение по поставке оборудования. ',
  () => `Счёт № ${digits(4)} от 1.02.2025 на сумму ${digits(3)} ${digits(3)},00 руб. `,
  () => `Звоните мне на мобильный: +7 9${digits(2)} ${digits(3)}-${digits(2)}-${digits(2)}. `,
  () => `Call my cell (415) 555-01${digits(2)} or text me. `,
  () => `Telegram: @user_${digits(4)}, WhatsApp https://wa.me/7916${digits(7)}. `,
];
let t = ''; while (t.length < 100000) t += S[rnd(S.length)]!();
function time(name: string, f: () => number) { f(); const s = performance.now(); let n = 0; for (let i = 0; i < 50; i++) n = f(); console.log(name, ((performance.now() - s) / 50).toFixed(3), 'ms', n); }
const count = (re: RegExp) => () => { re.lastIndex = 0; let n = 0; while (re.exec(t)) n++; return n; };
time('full', count(/(?<![\p{L}])(whats\s?app|вотс?ап+\p{L}*|ватс?ап+\p{L}*|вацап+\p{L}*|viber|вайбер\p{L}*|signal)(?![\p{L}])/giu));
time('quick-iu', count(/whats|вот|ват|вац|viber|вайбер|signal/giu));
time('quick-i', count(/whats|вот|ват|вац|viber|вайбер|signal/gi));
time('quick-explicit', count(/[wW][hH][aA][tT][sS]|[вВ][оаО][тцТ]|[vV][iI][bB][eE][rR]|[вВ][аА][йЙ][бБ]|[sS][iI][gG][nN][aA][lL]/g));
time('url', count(/(?:https?:\/\/|www\.)[^\s<>"'）」]+|(?<![\p{L}\p{N}@.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/[^\s<>"'）」]*/giu));
time('url-http', count(/(?:https?:\/\/|www\.)[^\s<>"'）」]+/giu));
time('slash', count(/\//g));
time('needs', count(/[\u00a0\u00ad\u2000-\u2012\u2028-\u202f\u205f-\u2069\u2212\u3000\u30fc\ufeff\uff01-\uff5e\uff70]|\d[Oo]\d|[A-Za-z0-9@_][\u0370-\u04ff]|[\u0370-\u04ff][A-Za-z0-9@_]/gu));
time('at', count(/[ \t]*[(\[{<][ \t]*(?:at|собака|равлик|arroba|arobase|アットマーク|@)[ \t]*[)\]}>][ \t]*|[ \t]*\n?[ \t]*@[ \t]*\n?[ \t]*|[ \t]+(?:at|собака|собачка|равлик|arroba|arobase)[ \t]+|[ \t]*アットマーク[ \t]*/giu));
time('digitrun', count(/\+?\(?\d(?:(?:[ \t.\-()\u2013\u2014]|[ \t]\/[ \t]|\n){0,4}\d)*/g));
