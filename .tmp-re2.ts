import { k100 } from './.tmp-gen.ts';
const t = k100[0]!;
function time(name: string, f: () => number) { for (let i = 0; i < 5; i++) f(); const ts: number[] = []; let n = 0; for (let i = 0; i < 40; i++) { const s = performance.now(); n = f(); ts.push(performance.now() - s); } ts.sort((a, b) => a - b); console.log(name.padEnd(10), 'min', ts[0]!.toFixed(3), 'n', n); }
const count = (re: RegExp) => () => { re.lastIndex = 0; let n = 0; while (re.exec(t)) n++; return n; };
const R: Record<string, RegExp> = {
  phoneMsg: /(?<![\p{L}])(whats\s?app|вотс?ап+\p{L}*|ватс?ап+\p{L}*|вацап+\p{L}*|viber|вайбер\p{L}*|signal)(?![\p{L}])/giu,
  url: /(?:https?:\/\/|www\.)[^\s<>"'）」]+|(?<![\p{L}\p{N}@.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/[^\s<>"'）」]*/giu,
  handle: /(?<![\p{L}\p{N}_.@/])@([A-Za-z][A-Za-z0-9_]{3,31})(?![A-Za-z0-9_@])(?!\.[A-Za-z])/gu,
  tgLabel: /(?:(?<![\p{L}])(?:telegram|телеграм\p{L}*|телег[аеиу]|тг|tg)(?![\p{L}])|テレグラム|电报)(\s*(?:id|ник))?(\s*[:：]\s*|\s+(?:is|—|–|-)\s+)(@?)([A-Za-z][A-Za-z0-9_]{3,31})(?![A-Za-z0-9_])/giu,
  skype: /(?<![\p{L}])(?:skype|скайп|スカイプ)(?:\s*(?:id|name|login|логин))?\s*(?:[:：]|\bis\b|[-–—])\s*((?:live:\.?)?[A-Za-z][A-Za-z0-9._,\-]{2,40})/giu,
  live: /(?<![\p{L}\p{N}_/.:\-])(live:\.?[A-Za-z0-9][A-Za-z0-9._\-]{2,40})/giu,
  signal: /(?<![\p{L}])Signal(?![\p{L}])[^\n@.!?]{0,30}?@?([A-Za-z][A-Za-z0-9_]{2,31}\.\d{2,10})(?![\w.])/gu,
  vk: /(?<![\p{L}])(?:vk|вк|вконтакте|vkontakte)\s*[:：]\s*@?([A-Za-z0-9_.]{3,40})/giu,
  at: /[ \t]*[(\[{<][ \t]*(?:at|собака|равлик|arroba|arobase|アットマーク|@)[ \t]*[)\]}>][ \t]*|[ \t]*\n?[ \t]*@[ \t]*\n?[ \t]*|[ \t]+(?:at|собака|собачка|равлик|arroba|arobase)[ \t]+|[ \t]*アットマーク[ \t]*/giu,
  dates: /(?<![\d.])(?:(?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d|(?:0?[1-9]|[12]\d|3[01])([./])(?:0?[1-9]|1[0-2])\2\d\d|(?:0?[1-9]|1[0-2])([./-])(?:0?[1-9]|[12]\d|3[01])\3(?:19|20)\d\d|(?:19|20)\d\d([./-])(?:0?[1-9]|1[0-2])\4(?:0?[1-9]|[12]\d|3[01])|\d{1,3}(?:\.\d{1,3}){3}(?!\.\d))(?!\d)|(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)/g,
  line1: /(?<![A-Za-z])(?:LINE|Line|ライン)\s*の?\s*[(（]?\s*ID\s*(?:[:：]|\bis\b|は)?\s*@?([A-Za-z0-9][A-Za-z0-9._\-]{2,19})/gu,
  wechat: /(?<![A-Za-z])(?:wechat|weixin|微信)(?:\s*(?:id|号|账号|帳號|帐号))?\s*(?:[:：]|\bis\b)\s*([A-Za-z][A-Za-z0-9_\-]{5,19})/giu,
  digitrun: /\+?\(?\d(?:(?:[ \t.\-()\u2013\u2014]|[ \t]\/[ \t]|\n){0,4}\d)*/g,
};
for (const [k, re] of Object.entries(R)) time(k, count(re));
console.log(t.includes('WhatsApp'), R.phoneMsg.flags, R.phoneMsg.lastIndex, R.phoneMsg.exec(t)?.index);
R.phoneMsg.lastIndex = 0; console.log(R.phoneMsg.exec(t)?.index);
