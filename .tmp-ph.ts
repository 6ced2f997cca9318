import { k100 } from './.tmp-gen.ts';
import { phoneCandidates, createPhoneRules } from './lib/detect/scan-phones.ts';
const rules = createPhoneRules('RU');
for (let i = 0; i < 400; i++) phoneCandidates(k100[i % 8]!, rules, []);
