import type { Policy } from '../policy/schema.ts';
import { matchKeys, type Candidate } from './candidate.ts';
import { classify, type ClassifyContext } from './classify.ts';
import { htmlToText } from './html.ts';
import { normalize, sourceEnd, sourceStart } from './normalize.ts';
import { findQuotedSpans } from './quotes.ts';
import { inSpans, mergeSpans, type Span } from './ranges.ts';
import { bindRules, isCorporateDomain, type Rules } from './rules.ts';
import { scanCandidates, scanLinkTarget } from './scan.ts';
import type { Detector, ExtractedDocument, Finding, ScanOptions } from './types.ts';

/** What every entry point reduces its input to before the two stages run. */
interface Prepared {
  /** The string offsets in findings refer to. */
  input: string;
  /** The text that is scanned (equal to `input` for plain text). */
  text: string;
  /** Quoted history in `text` offsets. */
  quoted: Span[];
  /** Separate quoted texts (from the content script's extraction). */
  quotedTexts: readonly string[];
  links: { target: string; textStart: number; textEnd: number; srcStart: number; srcEnd: number }[];
  /** `text` span -> `input` span. */
  toInput(start: number, end: number): [number, number];
}

export function createDetector(policy: Policy): Detector {
  const rules = bindRules(policy);
  return {
    scanText(text, options) {
      return detect(rules, options, {
        input: text,
        text,
        quoted: findQuotedSpans(text),
        quotedTexts: [],
        links: [],
        toInput: (s, e) => [s, e],
      });
    },
    scanHtml(html, options) {
      const h = htmlToText(html);
      return detect(rules, options, {
        input: html,
        text: h.text,
        quoted: mergeSpans([...h.quoted, ...findQuotedSpans(h.text)]),
        quotedTexts: [],
        links: h.links.map((l) => ({ target: l.target, textStart: l.textStart, textEnd: l.textEnd, srcStart: l.hrefStart, srcEnd: l.hrefEnd })),
        toInput: (s, e) => [h.srcStart[s]!, h.srcEnd[e - 1]!],
      });
    },
    scanDocument(doc: ExtractedDocument, options) {
      return detect(rules, options, {
        input: doc.text,
        text: doc.text,
        quoted: findQuotedSpans(doc.text),
        quotedTexts: doc.quoted,
        links: doc.links.map((l) => ({ target: l.target, textStart: l.start, textEnd: l.end, srcStart: l.start, srcEnd: l.end })),
        toInput: (s, e) => [s, e],
      });
    },
  };
}

function detect(rules: Rules, options: ScanOptions, p: Prepared): Finding[] {
  const recipients = new Set((options.recipients ?? []).map(recipientAddress).filter((r): r is string => r !== null));
  const clientKeys = new Set<string>();
  const own: { c: Candidate; start: number; end: number }[] = [];

  const norm = normalize(p.text);
  for (const c of scanCandidates(norm.text, rules.scan)) {
    const start = sourceStart(norm, c.start), end = sourceEnd(norm, c.end);
    if (inSpans(p.quoted, start)) for (const k of matchKeys(c)) clientKeys.add(k);
    else own.push({ c, start, end });
  }
  for (const quotedText of p.quotedTexts) {
    for (const c of scanCandidates(normalize(quotedText).text, rules.scan)) for (const k of matchKeys(c)) clientKeys.add(k);
  }
  const fromLinks: { c: Candidate; srcStart: number; srcEnd: number }[] = [];
  for (const link of p.links) {
    const found = scanLinkTarget(link.target, rules.scan);
    if (found.length === 0) continue;
    if (inSpans(p.quoted, link.textStart) || (link.textEnd > link.textStart && inSpans(p.quoted, link.textEnd - 1))) {
      for (const c of found) for (const k of matchKeys(c)) clientKeys.add(k);
      continue;
    }
    for (const c of found) {
      // `<a href="tel:+7915…">+7 915 …</a>`: the visible text already produced this finding
      const duplicate = own.some((o) => o.start >= link.textStart && o.end <= link.textEnd && o.c.normalized === c.normalized);
      if (!duplicate) fromLinks.push({ c, srcStart: link.srcStart, srcEnd: link.srcEnd });
    }
  }

  const ctx: ClassifyContext = {
    recipients,
    clientKeys,
    internalOnly: recipients.size > 0 && [...recipients].every((r) => isCorporateDomain(r.slice(r.lastIndexOf('@') + 1), rules)),
  };
  const findings: Finding[] = [];
  for (const { c, start, end } of own) {
    const [s, e] = p.toInput(start, end);
    findings.push(finding(c, s, e, p.input, rules, ctx));
  }
  for (const { c, srcStart, srcEnd } of fromLinks) findings.push(finding(c, srcStart, srcEnd, p.input, rules, ctx));
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

function finding(c: Candidate, start: number, end: number, input: string, rules: Rules, ctx: ClassifyContext): Finding {
  const f: Finding = {
    kind: c.kind,
    value: input.slice(start, end),
    normalized: c.normalized,
    start,
    end,
    ...classify(c, rules, ctx),
  };
  if (c.network) f.network = c.network;
  return f;
}

/** "Ivan <ivan@x.ru>" or "ivan@x.ru" -> "ivan@x.ru". */
function recipientAddress(recipient: string): string | null {
  const m = /<([^<>\s]+@[^<>\s]+)>/u.exec(recipient) ?? /([^\s<>,;"']+@[^\s<>,;"']+)/u.exec(recipient);
  return m ? m[1]!.toLowerCase() : null;
}
