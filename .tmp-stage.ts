import { emailCandidates } from './lib/detect/scan-emails.ts';
import { messengerLabelCandidates, messengerLinkCandidates, announcePhonesAsMessengers } from './lib/detect/scan-messengers.ts';
import { phoneCandidates, createPhoneRules, findDateTimeSpans } from './lib/detect/scan-phones.ts';
import { findQuotedSpans } from './lib/detect/quotes.ts';
import { normalize } from './lib/detect/normalize.ts';
import { scanCandidates } from './lib/detect/scan.ts';
import { k100 } from './.tmp-gen.ts';
const t = k100[0]!;
const rules = createPhoneRules('RU');
function time(name: string, f: () => unknown) { for (let i = 0; i < 5; i++) f(); const ts: number[] = []; for (let i = 0; i < 60; i++) { const s = performance.now(); f(); ts.push(performance.now() - s); } ts.sort((a, b) => a - b); console.log(name.padEnd(12), 'min', ts[0]!.toFixed(3), 'p50', ts[30]!.toFixed(3)); }
time('all', () => scanCandidates(t, { phone: rules }));
time('normalize', () => normalize(t));
time('quotes', () => findQuotedSpans(t));
time('emails', () => emailCandidates(t));
time('links', () => messengerLinkCandidates(t));
time('labels', () => messengerLabelCandidates(t, () => false));
time('dates', () => findDateTimeSpans(t));
time('phones', () => phoneCandidates(t, rules, []));
const ph = phoneCandidates(t, rules, []);
time('announce', () => announcePhonesAsMessengers(t, ph.map((c) => ({ ...c }))));
import { createDetector } from './lib/detect/index.ts';
import { PolicySchema } from './lib/policy/schema.ts';
const policy = PolicySchema.parse({ version: 1, organization: 'Acme', defaultRegion: 'RU', corporateDomains: ['acme.example'],
  corporateContacts: { emails: ['sales@acme.example'], phones: ['+7 495 123-45-67', '8 800 555-35-35'], messengers: ['telegram:acme_support'] }, suggestion: { phone: '+7 495 123-45-67' } });
const det = createDetector(policy);
time('detector', () => det.scanText(t, { recipients: ['ivanov@client-corp.ru'] }));
