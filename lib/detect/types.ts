/** The detector's public shapes (re-exported by index.ts; other parts of the product code against them). */

export type FindingKind = 'email' | 'phone' | 'messenger';
export type Verdict = 'corporate' | 'client' | 'personal' | 'external';
export type FindingAction = 'allow' | 'warn' | 'block';
export type ReasonCode =
  | 'free-mail-domain'
  | 'personal-domain'
  | 'personal-phone'
  | 'personal-messenger'
  | 'corporate'
  | 'client'
  | 'external-domain'
  | 'internal-only';

export interface Finding {
  kind: FindingKind;
  /** Exactly as written: `input.slice(start, end)`. */
  value: string;
  /** email: lowercase local@domain; phone: E.164; messenger: `network:id`. */
  normalized: string;
  start: number;
  end: number;
  verdict: Verdict;
  action: FindingAction;
  reason: string;
  reasonCode: ReasonCode;
  /** Corporate contact to offer instead (personal findings only). */
  suggestion?: string;
  network?: string;
  /** Never true for returned findings: quoted-history contacts are not returned. */
  quoted?: boolean;
}

export interface ExtractedDocument {
  /** What the sender wrote (quoted history removed or marked), newlines between blocks. */
  text: string;
  /** Quoted history texts, used only to recognise client contacts. */
  quoted: string[];
  /** href targets with the span of their visible text in `text`. */
  links: { target: string; start: number; end: number }[];
}

export interface ScanOptions {
  recipients: string[];
}

export interface Detector {
  scanText(text: string, options: ScanOptions): Finding[];
  scanHtml(html: string, options: ScanOptions): Finding[];
  scanDocument(doc: ExtractedDocument, options: ScanOptions): Finding[];
}
