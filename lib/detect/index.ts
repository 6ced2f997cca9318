/**
 * The detection engine (issue 3): text, HTML or an extracted editor document in, findings out.
 * Pure — no DOM, no browser, no clock — so the content script, the background and the CLI share it.
 *
 *   const detector = createDetector(policy);          // binds the rules once
 *   detector.scanText(body, { recipients });          // or scanHtml / scanDocument
 */
export type {
  Detector,
  ExtractedDocument,
  Finding,
  FindingAction,
  FindingKind,
  ReasonCode,
  ScanOptions,
  Verdict,
} from './types.ts';
export { createDetector } from './detector.ts';
