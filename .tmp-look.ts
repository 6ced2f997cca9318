import { k100 } from './.tmp-gen.ts';
const t = k100[0]!;
console.log(t.length, t.split('\n').length, (t.match(/WhatsApp/g) ?? []).length, (t.match(/@/g) ?? []).length);
console.log(t.slice(0, 1500));
