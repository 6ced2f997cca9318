import { matchKeys, type Candidate } from './candidate.ts';
import { isFreeMailDomain } from './free-mail.ts';
import { isCorporateDomain, type Rules } from './rules.ts';
import type { Finding, FindingAction, ReasonCode, Verdict } from './types.ts';

/**
 * Stage two: a verdict, an action, a reason and a suggestion for one candidate (corpus rules 1-3, 6, 7,
 * 9, 10). Pure: the same candidate, rules and context always give the same answer.
 */

export interface ClassifyContext {
  /** Lowercased recipient addresses. */
  recipients: ReadonlySet<string>;
  /** Keys (see `matchKeys`) of contacts the client wrote in the quoted history of this message. */
  clientKeys: ReadonlySet<string>;
  /** Every recipient is on a corporate domain: nothing is flagged (rule 10). */
  internalOnly: boolean;
}

export type Classification = Pick<Finding, 'verdict' | 'action' | 'reason' | 'reasonCode' | 'suggestion'>;

const NETWORK_NAMES: Record<string, string> = {
  telegram: 'Telegram', whatsapp: 'WhatsApp', viber: 'Viber', skype: 'Skype', signal: 'Signal', vk: 'VK', line: 'LINE', wechat: 'WeChat',
};

export function classify(c: Candidate, rules: Rules, ctx: ClassifyContext): Classification {
  const org = rules.organization;
  const keys = matchKeys(c);
  const what = c.kind === 'email' ? 'address' : c.kind === 'phone' ? 'number' : `${NETWORK_NAMES[c.network ?? ''] ?? 'messenger'} contact`;

  if (c.kind === 'email') {
    const domain = c.normalized.slice(c.normalized.lastIndexOf('@') + 1);
    if (rules.corporateEmails.has(c.normalized) || isCorporateDomain(domain, rules)) {
      return allowed('corporate', 'corporate', `${domain} is ${org}'s own domain`);
    }
    if (ctx.recipients.has(c.normalized) || keys.some((k) => ctx.clientKeys.has(k))) {
      return allowed('client', 'client', `the client's own address`);
    }
    if (rules.allowedDomains.has(domain)) return allowed('external', 'external-domain', `${domain} is allowed by the policy`);
    if (rules.personalDomains.has(domain)) return flagged(rules, ctx, 'personal-domain', `${domain} is a personal mail domain in ${org}'s policy`, 'email');
    if (isFreeMailDomain(domain)) return flagged(rules, ctx, 'free-mail-domain', `${domain} is a public mail provider`, 'email');
    return allowed('external', 'external-domain', `${domain} is another organisation's domain`);
  }

  if (keys.some((k) => rules.corporateKeys.has(k))) return allowed('corporate', 'corporate', `one of ${org}'s corporate ${c.kind === 'phone' ? 'numbers' : 'accounts'}`);
  if (keys.some((k) => ctx.clientKeys.has(k))) return allowed('client', 'client', `the client's own ${what}, given earlier in this thread`);
  if (c.kind === 'phone') return flagged(rules, ctx, 'personal-phone', `a phone number that is not one of ${org}'s corporate numbers`, 'phone');
  return flagged(rules, ctx, 'personal-messenger', `a personal ${what}, not one of ${org}'s corporate accounts`, 'messenger');
}

function allowed(verdict: Verdict, reasonCode: ReasonCode, reason: string): Classification {
  return { verdict, action: 'allow', reasonCode, reason };
}

function flagged(rules: Rules, ctx: ClassifyContext, reasonCode: ReasonCode, reason: string, kind: 'email' | 'phone' | 'messenger'): Classification {
  if (ctx.internalOnly) {
    return { verdict: 'personal', action: 'allow', reasonCode: 'internal-only', reason: `${reason}; allowed because every recipient is inside ${rules.organization}` };
  }
  const action: FindingAction = rules.mode === 'block' ? 'block' : 'warn';
  const s = rules.suggestion;
  const suggestion = kind === 'email' ? s.email : kind === 'phone' ? s.phone : s.messenger ?? s.phone ?? s.email;
  return suggestion ? { verdict: 'personal', action, reasonCode, reason, suggestion } : { verdict: 'personal', action, reasonCode, reason };
}
